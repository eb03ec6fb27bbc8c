"""The verywell source against its article: Verywell Health, "Exercises for Your Lower Back" (Brett Sears, PT).

The plugin is loaded the way the app loads it: through its installed entry point.
"""

from __future__ import annotations

import pytest

from backtui import Dosage
from backtui.core.library import Library
from backtui.core.plugins import PluginRecord

SOURCE = "verywell"


def test_loads_cleanly_through_its_entry_point(record: PluginRecord) -> None:
    assert record.error == ""
    assert record.status == "ok"
    assert record.distribution == "backtui-verywell"
    assert record.version == "0.1.0"


def test_source_names_the_article_as_it_states_itself(record: PluginRecord) -> None:
    source = record.source
    assert source is not None
    assert source.id == SOURCE
    assert source.title == "Exercises for Your Lower Back"
    assert source.publisher == "Verywell Health"
    assert source.author == "Brett Sears, PT"
    assert source.reviewer == ""
    assert source.url == ""  # the article text carries no address; none is made up


def test_the_five_numbered_exercises_in_the_articles_order(record: PluginRecord) -> None:
    assert [e.id for e in record.exercises] == [
        "verywell:prone-lying",
        "verywell:prone-prop-ups",
        "verywell:press-ups",
        "verywell:pelvic-tilt",
        "verywell:supine-lumbar-flexion",
    ]
    assert record.avoid == ()


def test_unexplained_extras_are_not_turned_into_exercises(record: PluginRecord) -> None:
    # The bonus press-up and the slouch-overcorrect exercise are named but not described.
    names = " ".join(f"{e.id} {e.name} {' '.join(e.aliases)}".lower() for e in record.exercises)
    assert "slouch" not in names
    assert "off center" not in names
    press_ups = next(e for e in record.exercises if e.slug == "press-ups")
    assert any("off center" in p for p in press_ups.progressions)
    assert record.source is not None
    assert any("slouch-overcorrect" in n for n in record.source.notes)


# One row per exercise: the article's figures, every other field left empty.
DOSAGES = {
    # "Stay in this position for 1-2 minutes"
    "prone-lying": Dosage(
        duration_s=60,
        duration_range_s=(60, 120),
        advice="Stay in this position for 1-2 minutes and breathe slowly and deeply.",
    ),
    "prone-prop-ups": Dosage(
        duration_s=60,
        duration_range_s=(60, 120),
        advice="Stay in this position for 1-2 minutes and breathe slowly and deeply in this position.",
    ),
    # "Hold the end position for 1-2 seconds ... Perform 10 repetitions."
    "press-ups": Dosage(
        reps=10,
        hold_s=1,
        hold_range_s=(1, 2),
        advice="Hold the end position for 1-2 seconds and return fully to the starting position.",
    ),
    "pelvic-tilt": Dosage(
        reps=10,
        hold_s=1,
        hold_range_s=(1, 2),
        advice="Hold the position for 1-2 seconds, and slowly relax back to the starting position.",
    ),
    # No figure in the article.
    "supine-lumbar-flexion": Dosage(),
}


@pytest.mark.parametrize(("slug", "expected"), DOSAGES.items(), ids=list(DOSAGES))
def test_dosage_matches_the_article(library: Library, slug: str, expected: Dosage) -> None:
    ex = library.get(f"{SOURCE}:{slug}")
    assert ex is not None
    assert ex.dosage == expected


KINDS = {
    "prone-lying": ("relaxation", "prone", None),
    "prone-prop-ups": ("mobility", "prone", None),
    "press-ups": ("mobility", "prone", "press-up"),
    "pelvic-tilt": ("strengthen", "supine", "pelvic-tilt"),
    "supine-lumbar-flexion": ("mobility", "supine", None),
}


@pytest.mark.parametrize(("slug", "kind"), KINDS.items(), ids=list(KINDS))
def test_category_position_and_movement(library: Library, slug: str, kind: tuple[str, str, str | None]) -> None:
    ex = library.get(f"{SOURCE}:{slug}")
    assert ex is not None
    assert (ex.category, ex.position, ex.movement) == kind


def test_every_exercise_has_instructions(record: PluginRecord) -> None:
    for ex in record.exercises:
        assert ex.steps, ex.id
        assert all(step.strip() for step in ex.steps), ex.id


def test_the_extension_progression_and_the_flexion_progression(library: Library) -> None:
    lying = library.get("verywell:prone-lying")
    prop_ups = library.get("verywell:prone-prop-ups")
    flexion = library.get("verywell:supine-lumbar-flexion")
    assert lying is not None and prop_ups is not None and flexion is not None
    assert any("prop-ups" in p for p in lying.progressions)
    assert any("press-ups" in p for p in prop_ups.progressions)
    [path] = flexion.progressions
    assert path.index("seated") < path.index("standing")
    assert any("stenosis" in c for c in flexion.cautions)


def test_safety_notes(record: PluginRecord) -> None:
    assert record.source is not None
    notes = [n.lower() for n in record.source.safety_notes]
    assert any("healthcare provider" in n and "before" in n for n in notes)
    assert any("stop" in n and "pain" in n and "worse" in n for n in notes)
    assert any("severe" in n and "few weeks" in n for n in notes)


def test_centralization_is_kept_as_a_note(record: PluginRecord) -> None:
    assert record.source is not None
    [note] = [n for n in record.source.notes if "Centralization" in n]
    assert "spine" in note and "good sign" in note


def test_frequency_while_in_pain_and_after(record: PluginRecord) -> None:
    assert record.source is not None
    by_when = {f.when: f for f in record.source.frequency}
    assert set(by_when) == {"while in pain", "once the pain has subsided"}
    assert by_when["while in pain"].sessions_per_day == (3, 4)
    assert by_when["once the pain has subsided"].sessions_per_day == (1, 1)
    assert all(f.days_per_week is None and f.minutes_per_day is None for f in record.source.frequency)


def test_searchable_by_common_spellings(library: Library) -> None:
    assert [e.id for e in library.search("press up")] == ["verywell:press-ups"]
    assert [e.id for e in library.search("pelvic tilts")] == ["verywell:pelvic-tilt"]
