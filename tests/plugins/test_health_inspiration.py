"""The health-inspiration source, loaded the way the app loads it, checked against its article.

Article: "Back Pain Exercises: An Essential Guide" (Health + Inspiration, Phoebe Chi,
MD, MPH). Nine exercises in a spine flexibility group and a core strengthening group;
six marked with an asterisk as also suitable for sciatica from a herniated disc.
"""

from __future__ import annotations

import pytest

from backtui.core.library import Library
from backtui.core.model import Dosage, Exercise, RepPosition
from backtui.core.plugins import PluginRecord

SOURCE = "health-inspiration"

FLEXIBILITY = ["standing-hamstring-stretch", "back-extension", "gluteal-stretch"]
CORE = ["cat-curl", "quadruped-arm-leg-raise", "pelvic-tilt", "partial-curl", "side-plank", "dead-bug"]
ASTERISK = {"back-extension", "gluteal-stretch", "quadruped-arm-leg-raise", "partial-curl", "side-plank", "dead-bug"}

# One row per exercise: the dosage as the article states it, with its build-up advice in its words.
SAG_ROUND = (RepPosition(name="Sag", hold_s=5), RepPosition(name="Round", hold_s=5))
FLATTEN_ARCH = (RepPosition(name="Flatten", hold_s=5), RepPosition(name="Arch", hold_s=5))
PRESS_UPS = Dosage(
    sets=4,
    reps=10,
    hold_s=1,
    hold_range_s=(1, 10),
    rest_s=60,
    advice="Repeat this 10 times, gradually working up to maintaining the arched position for 10 seconds.",
)
DEAD_BUG_ONE = Dosage(
    positions=(
        RepPosition(name="Leg up", hold_s=5),
        RepPosition(name="Other leg up", hold_s=5),
        RepPosition(name="Arm up", hold_s=5),
        RepPosition(name="Other arm up", hold_s=5),
    )
)
DEAD_BUG_PAIRS = Dosage(
    positions=(RepPosition(name="Arm and opposite leg", hold_s=5), RepPosition(name="Other arm and leg", hold_s=5))
)
DOSAGES = {
    # "Hold this position for 15 to 30 seconds. Alternate legs and repeat 3 times on each side."
    "standing-hamstring-stretch": Dosage(
        reps=3,
        hold_s=15,
        hold_range_s=(15, 30),
        sides="alternate",
        advice="Hold this position for 15 to 30 seconds.",
    ),
    # Press-ups: hold 1 s working up to 10 s, 10 times; 4 sets with a minute's rest.
    "back-extension": PRESS_UPS,
    # "Hold this position for 20 seconds. Switch to the other leg. Do this 3 times with each leg."
    "gluteal-stretch": Dosage(reps=3, hold_s=20, sides="alternate"),
    # "As you inhale, let your stomach sag ... Hold for 5 seconds ... round your back ...
    #  Hold this position for 5 seconds ... Repeat this 10 times. Work up to doing 3 sets."
    "cat-curl": Dosage(
        reps=10,
        positions=SAG_ROUND,
        sets=1,
        sets_range=(1, 3),
        advice="Repeat this 10 times. Work up to doing 3 sets.",
    ),
    # "Hold ... 5 seconds ... switch sides. Do this 10 times on each side. Work up to doing 3 sets"
    "quadruped-arm-leg-raise": Dosage(
        reps=10,
        hold_s=5,
        sides="alternate",
        sets=1,
        sets_range=(1, 3),
        advice="Do this 10 times on each side. Work up to doing 3 sets, resting in between.",
    ),
    # "flatten your lower back ... Hold this position for 5 seconds ... arching your lower
    #  back ... Hold for 5 seconds ... Repeat 10 times, working up to 3 sets."
    "pelvic-tilt": Dosage(
        reps=10, positions=FLATTEN_ARCH, sets=1, sets_range=(1, 3), advice="Repeat 10 times, working up to 3 sets."
    ),
    # "Hold for 3 seconds ... Repeat 10 times, gradually working up to 3 sets."
    "partial-curl": Dosage(
        reps=10, hold_s=3, sets=1, sets_range=(1, 3), advice="Repeat 10 times, gradually working up to 3 sets."
    ),
    # "Turn onto your right side ... Hold for 10 ... Switch sides and repeat. Gradually work up to ... one minute."
    "side-plank": Dosage(
        reps=1,
        hold_s=10,
        hold_range_s=(10, 60),
        sides="alternate",
        start_side="right",
        advice="Gradually work up to maintaining the position for a one minute.",
    ),
    # Stage one: one leg, the other leg, one arm, the other arm, each held 5 seconds; no count given.
    "dead-bug": DEAD_BUG_ONE,
}

MOVEMENTS = {
    "back-extension": "press-up",
    "gluteal-stretch": "figure-four-stretch",
    "cat-curl": "cat-camel",
    "quadruped-arm-leg-raise": "bird-dog",
    "pelvic-tilt": "pelvic-tilt",
    "partial-curl": "partial-curl",
}

POSITIONS = {
    "standing-hamstring-stretch": "standing",
    "back-extension": "prone",
    "gluteal-stretch": "supine",
    "cat-curl": "quadruped",
    "quadruped-arm-leg-raise": "quadruped",
    "pelvic-tilt": "supine",
    "partial-curl": "supine",
    "side-plank": "side-lying",
    "dead-bug": "supine",
}


def text_of(ex: Exercise) -> str:
    return " ".join([ex.start, *ex.steps, *ex.cautions, *ex.progressions]).lower()


def test_loads_through_its_entry_point(record: PluginRecord) -> None:
    assert record.status == "ok", record.error
    assert record.name == SOURCE
    assert record.distribution == "backtui-health-inspiration"
    assert record.location.endswith("backtui_health_inspiration")


def test_source_is_attributed_as_the_article_states(record: PluginRecord) -> None:
    assert record.source is not None
    assert record.source.id == SOURCE
    assert record.source.title == "Back Pain Exercises: An Essential Guide"
    assert record.source.publisher == "Health + Inspiration"
    assert record.source.author == "Phoebe Chi, MD, MPH"
    assert record.source.url == ""  # the article gives none; never invent one


def test_all_nine_exercises_in_article_order(record: PluginRecord) -> None:
    assert [ex.id for ex in record.exercises] == [f"{SOURCE}:{slug}" for slug in FLEXIBILITY + CORE]
    assert record.avoid == ()


@pytest.mark.parametrize("slug", list(DOSAGES))
def test_dosage_matches_the_article(exercises: dict[str, Exercise], slug: str) -> None:
    assert exercises[slug].dosage == DOSAGES[slug]


def test_the_six_asterisked_exercises_are_flagged_for_sciatica(record: PluginRecord) -> None:
    assert {ex.slug for ex in record.exercises if ex.sciatica_ok} == ASTERISK


def test_the_sciatica_filter_finds_exactly_the_six(record: PluginRecord) -> None:
    library = Library([record])
    assert {ex.slug for ex in library.search("", sciatica_ok=True)} == ASTERISK
    assert {ex.slug for ex in library.search("", sciatica_ok=False)} == set(DOSAGES) - ASTERISK


def test_groups_are_recorded_as_categories(exercises: dict[str, Exercise]) -> None:
    assert {slug: exercises[slug].category for slug in FLEXIBILITY} == dict.fromkeys(FLEXIBILITY, "stretch")
    assert {slug: exercises[slug].category for slug in CORE} == dict.fromkeys(CORE, "strengthen")


def test_positions(exercises: dict[str, Exercise]) -> None:
    assert {slug: ex.position for slug, ex in exercises.items()} == POSITIONS


def test_movements_group_with_other_sources(exercises: dict[str, Exercise]) -> None:
    assert {slug: exercises[slug].movement for slug in MOVEMENTS} == MOVEMENTS


def test_every_exercise_has_instructions(exercises: dict[str, Exercise]) -> None:
    for ex in exercises.values():
        assert ex.start, ex.id
        assert ex.steps, ex.id


def test_back_extension_lead_in_stages_are_in_the_instructions(exercises: dict[str, Exercise]) -> None:
    ex = exercises["back-extension"]
    assert "5 minutes" in ex.start
    assert "2 minutes" in ex.start
    assert "pillow" in text_of(ex)
    assert any("10 seconds" in p for p in ex.progressions)


def test_side_plank_easier_version_and_one_minute_goal(exercises: dict[str, Exercise]) -> None:
    ex = exercises["side-plank"]
    assert any("45 degrees" in c for c in ex.cautions)
    assert any("one minute" in p for p in ex.progressions)


def test_dead_bug_later_stages_are_progressions(exercises: dict[str, Exercise]) -> None:
    ex = exercises["dead-bug"]
    assert len(ex.progressions) == 2
    assert "opposite" in ex.progressions[0] or "other side" in ex.progressions[0]
    assert "off the floor" in ex.progressions[1]


def test_partial_curl_stops_when_the_shoulders_clear_the_floor(exercises: dict[str, Exercise]) -> None:
    assert "shoulders" in text_of(exercises["partial-curl"])
    assert any("sit-up" in c for c in exercises["partial-curl"].cautions)


def test_frequency_is_at_least_four_days_a_week(record: PluginRecord) -> None:
    assert record.source is not None
    [frequency] = record.source.frequency
    assert frequency.days_per_week == 4
    assert "4 times a week" in frequency.text


def test_safety_notes(record: PluginRecord) -> None:
    assert record.source is not None
    notes = [n.lower() for n in record.source.safety_notes]
    assert len(notes) == 4
    assert "doctor" in notes[0] and "injured recently" in notes[0]
    assert "spine specialist" in notes[1]
    assert "physical therapist" in notes[2]
    assert "several weeks" in notes[3]


def test_back_extension_has_the_articles_lead_in_then_the_press_ups(exercises: dict[str, Exercise]) -> None:
    ex = exercises["back-extension"]
    assert [s.id for s in ex.stages] == ["lead-in", "press-ups"]
    lead_in, press_ups = ex.stages
    # "First lie face down on the floor for 5 minutes ... Prop yourself up on your elbows
    #  and hold this position for 2 minutes"
    assert lead_in.dosage == Dosage(
        positions=(RepPosition(name="Face down", hold_s=300), RepPosition(name="On elbows", hold_s=120))
    )
    assert press_ups.dosage == PRESS_UPS == ex.dosage


def test_dead_bug_has_the_articles_three_stages(exercises: dict[str, Exercise]) -> None:
    ex = exercises["dead-bug"]
    assert [(s.id, s.dosage) for s in ex.stages] == [
        ("stage-one", DEAD_BUG_ONE),
        ("stage-two", DEAD_BUG_PAIRS),
        ("stage-three", DEAD_BUG_PAIRS),
    ]
    assert "off the floor" in " ".join(ex.stages[2].steps)


def test_only_the_side_plank_names_a_starting_side(exercises: dict[str, Exercise]) -> None:
    sided = {slug: ex.dosage.start_side for slug, ex in exercises.items() if ex.dosage.start_side}
    assert sided == {"side-plank": "right"}
    assert "right side" in exercises["side-plank"].start
