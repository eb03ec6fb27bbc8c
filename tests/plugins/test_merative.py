"""The merative source against its article: "Lower Back Exercises" care notes (© Merative 2022).

The plugin is loaded the way the app loads it: through its installed entry point.
"""

from __future__ import annotations

import pytest

from backtui import Dosage, RepPosition
from backtui.core.library import Library
from backtui.core.plugins import PluginRecord
from backtui.core.routine import Routine, Step
from backtui.core.timeline import plan

SOURCE = "merative"


def test_loads_cleanly_through_its_entry_point(record: PluginRecord) -> None:
    assert record.error == ""
    assert record.status == "ok"
    assert record.distribution == "backtui-merative"
    assert record.version == "0.1.0"


def test_source_credits_only_what_the_page_states(record: PluginRecord) -> None:
    source = record.source
    assert source is not None
    assert source.id == SOURCE
    assert source.title == "Lower Back Exercises"
    assert source.publisher == "Merative"
    # "Medically reviewed by" is followed by no name, and no author is given.
    assert source.reviewer == ""
    assert source.author == ""
    assert source.url == ""


def test_all_ten_exercises_in_the_articles_order(record: PluginRecord) -> None:
    assert [e.slug for e in record.exercises] == [
        "ankle-pumps",
        "heel-slides",
        "pelvic-tilt",
        "back-stretch",
        "straight-leg-raises",
        "knee-to-chest",
        "cat-and-camel",
        "wall-squats",
        "curl-up",
        "bird-dog",
    ]
    assert record.avoid == ()


# One row per exercise: the article's figures, every other field left empty.
DOSAGES = {
    # "Repeat this exercise 10 times on each side."
    "ankle-pumps": Dosage(reps=10, sides="each"),
    # One leg, then the other, "10 times on each side".
    "heel-slides": Dosage(reps=10, sides="alternate"),
    # "Hold for 5 seconds. Repeat 5 times."
    "pelvic-tilt": Dosage(reps=5, hold_s=5),
    # "Hold this position for 10 seconds. Repeat 3 times on each side."
    "back-stretch": Dosage(reps=3, hold_s=10, sides="each"),
    # "Hold for 1 to 5 seconds ... Repeat 10 times on each leg."
    "straight-leg-raises": Dosage(
        reps=10, hold_s=1, hold_range_s=(1, 5), sides="each", advice="Hold for 1 to 5 seconds."
    ),
    # One knee for 5 s, then the other, "5 times on each side".
    "knee-to-chest": Dosage(reps=5, hold_s=5, sides="alternate"),
    # Rounded 5 s, then chest down 5 s; "Do 3 sets".
    "cat-and-camel": Dosage(
        sets=3, reps=1, positions=(RepPosition(name="Round", hold_s=5), RepPosition(name="Chest down", hold_s=5))
    ),
    # "Hold this position for 5 seconds ... Repeat 10 times."
    "wall-squats": Dosage(reps=10, hold_s=5),
    # A 5 s hold; no repetition count given.
    "curl-up": Dosage(hold_s=5),
    # "Hold this position for 15 seconds ... change sides. Do 5 sets."
    "bird-dog": Dosage(sets=5, reps=1, hold_s=15, sides="alternate"),
}


@pytest.mark.parametrize(("slug", "expected"), DOSAGES.items(), ids=list(DOSAGES))
def test_dosage_matches_the_article(library: Library, slug: str, expected: Dosage) -> None:
    ex = library.get(f"{SOURCE}:{slug}")
    assert ex is not None
    assert ex.dosage == expected


def test_no_rest_is_given_anywhere(record: PluginRecord) -> None:
    assert [e.id for e in record.exercises if e.dosage.rest_s is not None] == []


KINDS = {
    "ankle-pumps": ("mobility", "supine", None),
    "heel-slides": ("mobility", "supine", None),
    "pelvic-tilt": ("strengthen", "supine", "pelvic-tilt"),
    "back-stretch": ("stretch", "supine", "lower-trunk-rotation"),
    "straight-leg-raises": ("strengthen", "supine", None),
    "knee-to-chest": ("stretch", "supine", "knee-to-chest"),
    "cat-and-camel": ("mobility", "quadruped", "cat-camel"),
    "wall-squats": ("strengthen", "standing", None),
    "curl-up": ("strengthen", "supine", "partial-curl"),
    "bird-dog": ("strengthen", "quadruped", "bird-dog"),
}


@pytest.mark.parametrize(("slug", "kind"), KINDS.items(), ids=list(KINDS))
def test_category_position_and_movement(library: Library, slug: str, kind: tuple[str, str, str | None]) -> None:
    ex = library.get(f"{SOURCE}:{slug}")
    assert ex is not None
    assert (ex.category, ex.position, ex.movement) == kind


def test_every_exercise_has_instructions(record: PluginRecord) -> None:
    for ex in record.exercises:
        assert ex.start, ex.id
        assert ex.steps and all(step.strip() for step in ex.steps), ex.id


def test_curl_up_adds_a_rotation_once_longer_holds_are_painless(library: Library) -> None:
    ex = library.get("merative:curl-up")
    assert ex is not None
    [progression] = ex.progressions
    assert "10 to 15 seconds" in progression
    assert "without pain" in progression
    assert "left" in progression and "right" in progression


def test_safety_notes(record: PluginRecord) -> None:
    assert record.source is not None
    notes = [n.lower() for n in record.source.safety_notes]
    assert any("firm" in n and "rather than a bed" in n for n in notes)
    assert any("slow" in n and "jerky" in n for n in notes)
    assert any("breath" in n for n in notes)
    assert any("stop" in n and "hurts" in n and "discomfort" in n for n in notes)
    assert any("severe pain" in n and "straight away" in n for n in notes)
    assert any("doctor" in n and "worsens" in n and "new pain" in n for n in notes)


def test_frequency(record: PluginRecord) -> None:
    assert record.source is not None
    [freq] = record.source.frequency
    assert freq.minutes_per_day == (10, 30)
    assert freq.sessions_per_day == (1, 3)
    assert freq.days_per_week is None
    assert "healthcare provider" in freq.text


def _holds(library: Library, slug: str) -> list[tuple[int | None, str | None, int]]:
    routine = Routine(name="check", steps=[Step(exercise=f"{SOURCE}:{slug}")])
    return [(p.set, p.side, p.duration_s) for p in plan(routine, library) if p.kind == "hold"]


def test_bird_dog_runs_as_five_sets_of_a_15_second_hold_on_each_side_in_turn(library: Library) -> None:
    holds = _holds(library, "bird-dog")
    assert holds == [(n, side, 15) for n in range(1, 6) for side in ("left", "right")]


def test_cat_and_camel_runs_as_three_sets_of_two_5_second_holds(library: Library) -> None:
    holds = _holds(library, "cat-and-camel")
    assert holds == [(n, None, 5) for n in range(1, 4) for _ in range(2)]


def test_knee_to_chest_switches_knee_every_hold(library: Library) -> None:
    sides = [side for _, side, _ in _holds(library, "knee-to-chest")]
    assert sides == ["left", "right"] * 5
