"""The twelve-best source against its article, "The Best Lower Back Exercises to Reduce Pain, According to Experts".

The plugin is loaded the way the app loads it: through its installed entry point.
The last tests load verywell and merative beside it, to check how the library
groups movements across sources and that no bundled exercise trips an avoid item.
"""

from __future__ import annotations

import pytest

from backtui import Dosage
from backtui.core import plugins
from backtui.core.library import Library
from backtui.core.plugins import PluginRecord

SOURCE = "twelve-best"
THREE = "verywell,merative,twelve-best"


@pytest.fixture(scope="module")
def three() -> Library:
    result = plugins.load(env={"BACKTUI_LOAD_PLUGINS": THREE})
    assert [r.status for r in result.records] == ["ok", "ok", "ok"]
    return Library(result.records)


def test_loads_cleanly_through_its_entry_point(record: PluginRecord) -> None:
    assert record.error == ""
    assert record.status == "ok"
    assert record.distribution == "backtui-twelve-best"
    assert record.version == "0.1.0"


def test_source_has_no_author_or_publisher_because_the_article_gives_none(record: PluginRecord) -> None:
    source = record.source
    assert source is not None
    assert source.id == SOURCE
    assert source.title == "The Best Lower Back Exercises to Reduce Pain, According to Experts"
    assert (source.author, source.publisher, source.reviewer, source.url) == ("", "", "", "")


def test_all_twelve_exercises_in_the_articles_order(record: PluginRecord) -> None:
    assert [e.slug for e in record.exercises] == [
        "piriformis-stretch",
        "lower-back-rotational-stretches",
        "knee-to-chest",
        "cat-stretch",
        "press-up-back-extensions",
        "draw-in-maneuvers",
        "hip-bridge",
        "partial-curls",
        "pelvic-tilts",
        "bird-dog",
        "superman",
        "lying-lateral-leg-lifts",
    ]


# One row per exercise: the article's figures, every other field left empty.
# Every exercise ends "2 sets of ... repetitions, 1-minute rest in between", and the
# article ends "Begin by doing one set of each exercise": one set to start, up to two.
BEGIN = "Begin by doing one set of each exercise."
START = {"sets": 1, "sets_range": (1, 2), "advice": BEGIN}
HOLD_3_5 = {**START, "advice": f"Hold 3-5 seconds. {BEGIN}"}
DOSAGES = {
    # "Hold for 10 seconds. Alternating do 2 sets of 5 repetitions"
    "piriformis-stretch": Dosage(**START, reps=5, hold_s=10, rest_s=60, sides="alternate"),
    # "Hold for 5-10 seconds", one side then the other
    "lower-back-rotational-stretches": Dosage(
        **{**START, "advice": f"Hold for 5-10 seconds. {BEGIN}"},
        reps=10,
        hold_s=5,
        hold_range_s=(5, 10),
        rest_s=60,
        sides="alternate",
    ),
    "knee-to-chest": Dosage(**START, reps=5, hold_s=10, rest_s=60, sides="alternate"),
    # "Alternating" in the article, but the cat stretch has no sides.
    "cat-stretch": Dosage(**START, reps=5, hold_s=10, rest_s=60),
    # "Hold 3-5 seconds."
    "press-up-back-extensions": Dosage(**HOLD_3_5, reps=10, hold_s=3, hold_range_s=(3, 5), rest_s=60),
    "draw-in-maneuvers": Dosage(**START, reps=10, hold_s=5, rest_s=60),
    "hip-bridge": Dosage(**START, reps=10, hold_s=5, rest_s=60),
    # "pause then gently uncurl": no length for the pause.
    "partial-curls": Dosage(**START, reps=10, rest_s=60),
    "pelvic-tilts": Dosage(**START, reps=10, hold_s=5, rest_s=60),
    "bird-dog": Dosage(**START, reps=10, hold_s=5, rest_s=60),
    # "Hold for 3-5 seconds."
    "superman": Dosage(**HOLD_3_5, reps=10, hold_s=3, hold_range_s=(3, 5), rest_s=60),
    "lying-lateral-leg-lifts": Dosage(**START, reps=10, rest_s=60),
}


@pytest.mark.parametrize(("slug", "expected"), DOSAGES.items(), ids=list(DOSAGES))
def test_dosage_matches_the_article(library: Library, slug: str, expected: Dosage) -> None:
    ex = library.get(f"{SOURCE}:{slug}")
    assert ex is not None
    assert ex.dosage == expected


def test_every_exercise_begins_with_one_set_as_the_article_ends(library: Library) -> None:
    for ex in library.search("", source=SOURCE):
        assert (ex.dosage.sets, ex.dosage.sets_range) == (1, (1, 2)), ex.id
        assert ex.dosage.advice.endswith(BEGIN), ex.id


KINDS = {
    "piriformis-stretch": ("stretch", "supine", "figure-four-stretch"),
    "lower-back-rotational-stretches": ("stretch", "supine", "lower-trunk-rotation"),
    "knee-to-chest": ("stretch", "supine", "knee-to-chest"),
    "cat-stretch": ("stretch", "quadruped", "cat-camel"),
    "press-up-back-extensions": ("stretch", "prone", "press-up"),
    "draw-in-maneuvers": ("strengthen", "supine", None),
    "hip-bridge": ("strengthen", "supine", None),
    "partial-curls": ("strengthen", "supine", "partial-curl"),
    "pelvic-tilts": ("strengthen", "supine", "pelvic-tilt"),
    "bird-dog": ("strengthen", "quadruped", "bird-dog"),
    "superman": ("strengthen", "prone", None),
    "lying-lateral-leg-lifts": ("strengthen", "side-lying", None),
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


def test_cautions_and_progressions_from_the_article(library: Library) -> None:
    press_up = library.get("twelve-best:press-up-back-extensions")
    bridge = library.get("twelve-best:hip-bridge")
    bird_dog = library.get("twelve-best:bird-dog")
    assert press_up is not None and bridge is not None and bird_dog is not None
    assert any("not suit everyone" in c and "worse" in c and "stop" in c for c in press_up.cautions)
    assert any("few inches" in c for c in bridge.cautions)
    assert any("stronger" in p for p in bridge.progressions)
    assert any("straight line" in p for p in bird_dog.progressions)


def test_safety_notes(record: PluginRecord) -> None:
    assert record.source is not None
    notes = [n.lower() for n in record.source.safety_notes]
    assert any("medical advice" in n and "before" in n for n in notes)
    assert any("worse" in n and "stomach" in n and "gluteal" in n for n in notes)
    assert any("carries on" in n and "altogether" in n for n in notes)
    assert any("gently" in n and "small range" in n for n in notes)
    assert any("one set of each" in n for n in notes)
    assert any("soreness is normal" in n and "more pain is not" in n for n in notes)


def test_no_frequency_because_the_article_gives_none(record: PluginRecord) -> None:
    assert record.source is not None
    assert record.source.frequency == ()


# --- the avoid list -------------------------------------------------------------------------

REASONS = {
    "toe-touches": ("Standing toe touches", ("ligaments", "discs", "sciatica", "hamstrings")),
    "sit-ups": ("Sit-ups", ("hip flexors", "lumbar spine")),
    "abdominal-crunches": ("Abdominal crunches", ("pressure", "discs")),
}


def test_the_three_exercises_to_avoid(record: PluginRecord) -> None:
    assert [a.id for a in record.avoid] == [f"{SOURCE}:{slug}" for slug in REASONS]


@pytest.mark.parametrize(("slug", "expected"), REASONS.items(), ids=list(REASONS))
def test_each_avoid_item_gives_its_reason(library: Library, slug: str, expected: tuple[str, tuple[str, ...]]) -> None:
    name, key_points = expected
    item = library.avoid[f"{SOURCE}:{slug}"]
    assert item.name == name
    for point in key_points:
        assert point in item.reason


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Toe touch", "toe-touches"),
        ("toe touches", "toe-touches"),
        ("Standing toe-touches", "toe-touches"),
        ("sit up", "sit-ups"),
        ("Sit-up", "sit-ups"),
        ("situps", "sit-ups"),
        ("SIT UPS", "sit-ups"),
        ("sit-ups", "sit-ups"),
        ("crunches", "abdominal-crunches"),
        ("crunch", "abdominal-crunches"),
        ("Abdominal crunch", "abdominal-crunches"),
    ],
)
def test_avoid_matches_the_names_people_use(library: Library, text: str, slug: str) -> None:
    matches = library.avoid_matches(text)
    assert [m.avoid.id for m in matches] == [f"{SOURCE}:{slug}"]
    assert matches[0].source.id == SOURCE


@pytest.mark.parametrize(
    "text",
    ["Partial curls", "partial curl", "curl up", "toe", "sit", "crunchy", "standing", "hamstring stretch"],
)
def test_avoid_matches_whole_names_not_substrings(library: Library, text: str) -> None:
    assert library.avoid_matches(text) == []


def test_partial_curls_is_not_a_sit_up_or_a_crunch(library: Library) -> None:
    partial = library.get("twelve-best:partial-curls")
    assert partial is not None
    assert library.avoid_matches(partial) == []


def test_no_exercise_in_these_three_sources_is_on_the_avoid_list(three: Library) -> None:
    assert len(three.exercises) == 5 + 10 + 12
    flagged = {ex.id: [m.avoid.id for m in three.avoid_matches(ex)] for ex in three.exercises.values()}
    assert {k: v for k, v in flagged.items() if v} == {}


# --- the same movement across sources ---------------------------------------------------------

GROUPS = {
    "pelvic-tilt": {"verywell:pelvic-tilt", "merative:pelvic-tilt", "twelve-best:pelvic-tilts"},
    "knee-to-chest": {"merative:knee-to-chest", "twelve-best:knee-to-chest"},
    "bird-dog": {"merative:bird-dog", "twelve-best:bird-dog"},
    "cat-camel": {"merative:cat-and-camel", "twelve-best:cat-stretch"},
    "press-up": {"verywell:press-ups", "twelve-best:press-up-back-extensions"},
    "partial-curl": {"merative:curl-up", "twelve-best:partial-curls"},
    "lower-trunk-rotation": {"merative:back-stretch", "twelve-best:lower-back-rotational-stretches"},
}


def test_the_same_movement_is_grouped_across_the_three_sources(three: Library) -> None:
    assert {k: {e.id for e in v} for k, v in three.groups.items()} == GROUPS


def test_same_movement_lists_the_other_sources_versions(three: Library) -> None:
    tilt = three.get("twelve-best:pelvic-tilts")
    assert tilt is not None
    assert {e.id for e in three.same_movement(tilt)} == {"verywell:pelvic-tilt", "merative:pelvic-tilt"}
