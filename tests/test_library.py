"""The library: lookup, search, filters, grouping across sources, and avoid matching.

Built from synthetic sources so each test shows exactly the data it relies on.
"""

from __future__ import annotations

from typing import Any

import pytest

from backtui import Avoid, Dosage, Exercise, Source
from backtui.core.library import Library, fold, name_key
from backtui.core.plugins import PluginRecord


def exercise(item_id: str, name: str, **fields: Any) -> Exercise:
    fields.setdefault("category", "stretch")
    fields.setdefault("position", "supine")
    return Exercise(id=item_id, name=name, steps=("Move gently.",), **fields)


def record(source_id: str, exercises: list[Exercise], avoid: list[Avoid] = ()) -> PluginRecord:  # type: ignore[assignment]
    return PluginRecord(
        name=source_id,
        source=Source(id=source_id, title=f"The {source_id} article"),
        exercises=tuple(exercises),
        avoid=tuple(avoid),
    )


ALPHA = record(
    "alpha",
    [
        exercise("alpha:pelvic-tilt", "Pelvic tilt", category="strengthen", movement="pelvic-tilt"),
        exercise("alpha:knee-to-chest", "Knee to chest", aliases=("Single knee hug",)),
        exercise("alpha:prone-lying", "Prone lying", position="prone", dosage=Dosage(duration_s=60)),
        exercise("alpha:partial-curl", "Partial curl", category="strengthen", sciatica_ok=True),
    ],
)
BETA = record(
    "beta",
    [
        exercise("beta:pelvic-tilts", "Pelvic Tilts", category="strengthen"),
        exercise("beta:bird-dog", "Bird dog", category="strengthen", position="quadruped", sciatica_ok=True),
        exercise("beta:knee-to-chest", "Knee-to-chest stretch", movement="knee-to-chest"),
        exercise("beta:gluteal-stretch", "Gluteal stretch", aliases=("Figure-four stretch",)),
    ],
)
GAMMA = record(
    "gamma",
    [exercise("gamma:pelvic-tilt", "Pélvic tilt", movement="pelvic-tilt")],
    [
        Avoid(
            id="gamma:toe-touches",
            name="Standing toe touches",
            aliases=("Toe touches",),
            reason="Bending forward with straight legs strains the discs.",
        ),
        Avoid(id="gamma:sit-ups", name="Sit-ups", reason="They press the spine into the floor."),
    ],
)
BROKEN = PluginRecord(name="broken", error="backtui_source() raised RuntimeError: boom")


@pytest.fixture
def library() -> Library:
    return Library([ALPHA, BETA, GAMMA, BROKEN])


def ids(found: list[Exercise]) -> list[str]:
    return [e.id for e in found]


def test_lookup_by_id(library: Library) -> None:
    found = library.get("beta:bird-dog")
    assert found is not None and found.name == "Bird dog"
    assert library.get("beta:no-such-thing") is None
    assert library.get("bird-dog") is None


def test_a_failed_plugin_contributes_nothing_but_is_remembered(library: Library) -> None:
    assert sorted(library.sources) == ["alpha", "beta", "gamma"]
    assert [r.name for r in library.failed] == ["broken"]


@pytest.mark.parametrize("text", ["PELVIC", "pelvic tilt", "pélvic tilt", "Pelvic-Tilt", "  tilt  "])
def test_search_ignores_case_accents_and_punctuation(library: Library, text: str) -> None:
    assert ids(library.search(text)) == ["alpha:pelvic-tilt", "beta:pelvic-tilts", "gamma:pelvic-tilt"]


def test_search_finds_aliases_and_needs_every_word(library: Library) -> None:
    assert ids(library.search("figure four")) == ["beta:gluteal-stretch"]
    assert ids(library.search("knee hug")) == ["alpha:knee-to-chest"]
    assert ids(library.search("knee chest")) == ["alpha:knee-to-chest", "beta:knee-to-chest"]
    assert library.search("knee dog") == []


def test_an_empty_search_lists_everything_in_source_order(library: Library) -> None:
    assert ids(library.search(""))[:2] == ["alpha:pelvic-tilt", "alpha:knee-to-chest"]
    assert len(library.search("")) == 9


def test_filters_combine_with_the_search(library: Library) -> None:
    assert ids(library.search(source="gamma")) == ["gamma:pelvic-tilt"]
    assert ids(library.search("pelvic", source="beta")) == ["beta:pelvic-tilts"]
    assert ids(library.search(position="prone")) == ["alpha:prone-lying"]
    assert ids(library.search(position="quadruped", category="strengthen")) == ["beta:bird-dog"]
    assert ids(library.search(sciatica_ok=True)) == ["alpha:partial-curl", "beta:bird-dog"]
    assert "alpha:partial-curl" not in ids(library.search(sciatica_ok=False))
    assert ids(library.search(category="strengthen", sciatica_ok=True, source="alpha")) == ["alpha:partial-curl"]
    assert library.search(source="nobody") == []


def test_the_same_movement_is_grouped_across_sources(library: Library) -> None:
    # alpha and gamma say movement = "pelvic-tilt"; beta's "Pelvic Tilts" joins them by its name
    assert ids(list(library.groups["pelvic-tilt"])) == ["alpha:pelvic-tilt", "beta:pelvic-tilts", "gamma:pelvic-tilt"]
    tilt = library.get("beta:pelvic-tilts")
    assert tilt is not None
    assert ids(list(library.same_movement(tilt))) == ["alpha:pelvic-tilt", "gamma:pelvic-tilt"]
    knee = library.get("alpha:knee-to-chest")
    assert knee is not None
    assert ids(list(library.same_movement(knee))) == ["beta:knee-to-chest"]


def test_a_movement_from_one_source_only_is_not_a_group(library: Library) -> None:
    assert "bird-dog" not in library.groups
    dog = library.get("beta:bird-dog")
    assert dog is not None
    assert library.same_movement(dog) == ()


@pytest.mark.parametrize(
    "name",
    [
        ("Toe touch", "gamma:toe-touches"),
        ("toe touches", "gamma:toe-touches"),
        ("Standing toe-touches", "gamma:toe-touches"),
        ("STANDING TOE TOUCH", "gamma:toe-touches"),
        ("Sit-ups", "gamma:sit-ups"),
        ("sit up", "gamma:sit-ups"),
    ],
)
def test_avoid_matches_names_and_aliases_that_name_the_same_thing(library: Library, name: tuple[str, str]) -> None:
    text, avoid_id = name
    [match] = library.avoid_matches(text)
    assert match.source.id == "gamma"
    assert match.avoid.id == avoid_id


@pytest.mark.parametrize(
    "name", ["Partial curl", "partial curls", "touch", "toe", "Standing", "sit", "curl-up", "situps", "toe touches up"]
)
def test_avoid_never_matches_part_of_a_name(library: Library, name: str) -> None:
    assert library.avoid_matches(name) == []


def test_an_exercise_matches_an_avoid_item_through_its_aliases() -> None:
    sneaky = exercise("delta:forward-bend", "Forward bend", aliases=("Standing toe touch",))
    library = Library([GAMMA, record("delta", [sneaky])])
    [match] = library.avoid_matches(sneaky)
    assert match.avoid.id == "gamma:toe-touches"
    assert match.describe() == (
        "'Standing toe touches' is on the avoid list of The gamma article: "
        "Bending forward with straight legs strains the discs."
    )
    assert library.avoid_matches(exercise("delta:partial-curl", "Partial curl")) == []


def test_name_keys_fold_and_singularise_whole_words() -> None:
    assert fold("  Pélvic—TILT! ") == "pelvic tilt"
    assert name_key("Standing Toe-Touches") == name_key("standing toe touch") == "standing toe touch"
    assert name_key("Abdominal crunches") == "abdominal crunch"
    assert name_key("Press-ups") == "press up"
    assert name_key("Partial curls") != name_key("Sit-ups")
