"""The back-pain-basics source, loaded the way the app loads it, checked against its article.

The article (no title, author or publisher stated) gives five gentle exercises, a
5-7 minute warm-up, daily practice, and more repetitions as the muscles strengthen.
"""

from __future__ import annotations

import pytest

from backtui.core import plugins
from backtui.core.library import Library
from backtui.core.model import Dosage, Exercise
from backtui.core.plugins import PluginRecord

SOURCE = "back-pain-basics"

SLUGS = ["pelvic-tilt", "hip-rolling", "side-bending", "backward-bending", "full-body-stretch"]

# One row per exercise: the dosage as the article states it.
DOSAGES = {
    # "Hold for 5 seconds. Repeat 5 times."
    "pelvic-tilt": Dosage(reps=5, hold_s=5),
    # "Reverse directions. Repeat 5 times in each direction." (no hold)
    "hip-rolling": Dosage(reps=5, sides="alternate"),
    # "Hold for 5 seconds. Repeat on the other side. Repeat 5 times on each side."
    "side-bending": Dosage(reps=5, hold_s=5, sides="alternate"),
    # "Hold for 5 seconds." (no repetition count)
    "backward-bending": Dosage(hold_s=5),
    # "Hold 5 – 10 seconds, relax, repeat." (no repetition count)
    "full-body-stretch": Dosage(hold_s=5, hold_range_s=(5, 10), advice="Hold 5 – 10 seconds, relax, repeat."),
}

POSITIONS = {
    "pelvic-tilt": "supine",
    "hip-rolling": "supine",
    "side-bending": "standing",
    "backward-bending": "standing",
    "full-body-stretch": "supine",
}


def test_loads_through_its_entry_point(record: PluginRecord) -> None:
    assert record.status == "ok", record.error
    assert record.name == SOURCE
    assert record.distribution == "backtui-back-pain-basics"
    assert record.location.endswith("backtui_back_pain_basics")


def test_source_claims_no_author_or_publisher(record: PluginRecord) -> None:
    assert record.source is not None
    assert record.source.id == SOURCE
    assert record.source.title == "Lower back pain exercises"
    assert (record.source.author, record.source.publisher, record.source.reviewer, record.source.url) == ("",) * 4


def test_all_five_exercises_in_article_order(record: PluginRecord) -> None:
    assert [ex.id for ex in record.exercises] == [f"{SOURCE}:{slug}" for slug in SLUGS]
    assert record.avoid == ()


@pytest.mark.parametrize("slug", list(DOSAGES))
def test_dosage_matches_the_article(exercises: dict[str, Exercise], slug: str) -> None:
    assert exercises[slug].dosage == DOSAGES[slug]


def test_positions(exercises: dict[str, Exercise]) -> None:
    assert {slug: ex.position for slug, ex in exercises.items()} == POSITIONS


def test_no_exercise_is_flagged_for_sciatica(record: PluginRecord) -> None:
    # The article says nothing about sciatica.
    assert [ex.id for ex in record.exercises if ex.sciatica_ok] == []


def test_movements_group_with_other_sources(exercises: dict[str, Exercise]) -> None:
    assert exercises["pelvic-tilt"].movement == "pelvic-tilt"
    assert exercises["hip-rolling"].movement == "lower-trunk-rotation"


def test_pelvic_tilt_groups_with_health_inspiration() -> None:
    library = Library(plugins.load(env={"BACKTUI_LOAD_PLUGINS": f"{SOURCE},health-inspiration"}).records)
    ours = library.get(f"{SOURCE}:pelvic-tilt")
    assert ours is not None
    assert [ex.id for ex in library.same_movement(ours)] == ["health-inspiration:pelvic-tilt"]


def test_every_exercise_has_instructions(exercises: dict[str, Exercise]) -> None:
    for ex in exercises.values():
        assert ex.start, ex.id
        assert ex.steps, ex.id


def test_exercises_with_reps_can_be_raised_as_you_get_stronger(exercises: dict[str, Exercise]) -> None:
    with_reps = {slug for slug, ex in exercises.items() if ex.dosage.reps is not None}
    assert with_reps == {"pelvic-tilt", "hip-rolling", "side-bending"}
    for slug in with_reps:
        assert any("repetitions" in p for p in exercises[slug].progressions), slug


def test_frequency_is_every_day(record: PluginRecord) -> None:
    assert record.source is not None
    [frequency] = record.source.frequency
    assert frequency.days_per_week == 7
    assert "every day" in frequency.text.lower()


def test_safety_notes_include_the_warm_up(record: PluginRecord) -> None:
    assert record.source is not None
    notes = record.source.safety_notes
    [warm_up] = [n for n in notes if "warm up" in n.lower()]
    assert "5 to 7 minutes" in warm_up
    for activity in ("walking", "exercise bike", "elliptical"):
        assert activity in warm_up
    assert any("should not make your pain worse" in n and "physical therapist" in n for n in notes)
    assert any("doctor" in n and "before" in n for n in notes)


def test_source_notes_say_to_add_reps_as_muscles_strengthen(record: PluginRecord) -> None:
    assert record.source is not None
    assert any("about 5 times" in n and "stronger" in n for n in record.source.notes)
