"""The loader survives broken plugins: each is reported with its reason, the rest load.

The broken plugins live in ``tests/plugin_zoo``; fake entry points point at them,
exactly as an installed distribution's entry point would.
"""

from __future__ import annotations

import sys
from importlib.metadata import EntryPoint

import pytest

from backtui.core import plugins
from backtui.core.library import Library

BUNDLED = ("verywell", "merative", "twelve-best", "health-inspiration", "back-pain-basics")


def ep(name: str, value: str) -> EntryPoint:
    return EntryPoint(name=name, value=value, group="backtui")


GOOD = ep("zoo-good", "plugin_zoo.good")
SECOND = ep("zoo-second", "plugin_zoo.second:Second")

# (entry point value, words the one-line reason must contain)
BROKEN = {
    "import-error": (
        "plugin_zoo.import_error",
        "cannot be imported: ModuleNotFoundError: No module named 'backtui_zoo_package_that_is_not_installed' "
        "(import_error.py:3)",
    ),
    "source-raises": (
        "plugin_zoo.raising:SourceRaises",
        "backtui_source() raised RuntimeError: the source file could not be read (raising.py:",
    ),
    "exercises-raise": ("plugin_zoo.raising:ExercisesRaise", "backtui_exercises() raised KeyError: 'reps'"),
    "avoid-raises": ("plugin_zoo.raising:AvoidRaises", "backtui_avoid() raised ZeroDivisionError"),
    "generator-raises": (
        "plugin_zoo.raising:GeneratorRaises",
        "backtui_exercises() raised ValueError: ran out of exercises while its result was read",
    ),
    "source-is-dict": (
        "plugin_zoo.wrong_types:SourceIsDict",
        "backtui_source() must be a backtui.Source: expected a Source, got a dict",
    ),
    "source-is-none": ("plugin_zoo.wrong_types:SourceIsNone", "backtui_source() returned nothing"),
    "exercises-is-str": ("plugin_zoo.wrong_types:ExercisesIsStr", "backtui_exercises() must return a list, got str"),
    "exercises-are-dicts": (
        "plugin_zoo.wrong_types:ExercisesAreDicts",
        "backtui_exercises() item 1 must be a backtui.Exercise: expected an Exercise, got a dict",
    ),
    "zero-reps": (
        "plugin_zoo.wrong_types:ZeroReps",
        "invalid Exercise 'zoo-wrong:cat-stretch': dosage.reps: expected an integer ≥ 1",
    ),
    "bad-id": ("plugin_zoo.wrong_types:BadId", "invalid Exercise 'Zoo Wrong: Cat Stretch': id: "),
    "hold-outside-range": (
        "plugin_zoo.wrong_types:HoldOutsideRange",
        "dosage: hold_range_s: the default 30 is outside 5-10",
    ),
    "data-file-bad-value": (
        "plugin_zoo.bad_data",
        "plugin_zoo.bad_data/source.toml: exercises[0].dosage.reps: expected an integer ≥ 1",
    ),
    "data-file-syntax-error": (
        "plugin_zoo.syntax_data",
        "plugin_zoo.syntax_data/source.toml:3:",
    ),
    "duplicate-within": (
        "plugin_zoo.ids:DuplicateWithin",
        "id 'zoo-dup:bridge' is used twice: by exercise 1 ('Bridge') and by exercise 2 ('Bridge')",
    ),
    "avoid-reuses-exercise-id": (
        "plugin_zoo.ids:AvoidReusesExerciseId",
        "id 'zoo-dup:bridge' is used twice: by exercise 1 ('Bridge') and by avoid item 1 ('Bridge')",
    ),
    "not-prefixed": ("plugin_zoo.ids:NotPrefixed", "id 'merative:bridge' must start with the source id 'zoo-mine:'"),
    # clashes with zoo-good, whose entry point has the source id's name, so zoo-good keeps it
    "zoo-impostor": (
        "plugin_zoo.ids:SameSourceAsGood",
        "source id 'zoo-good' belongs to plugin 'zoo-good' (no distribution), whose entry point has that name; "
        "a source's id must equal its entry-point name ('zoo-impostor' here)",
    ),
    "misspelt-hook": (
        "plugin_zoo.no_hooks:Misspelt",
        "backtui_exercise is marked @hookimpl but is not a backtui hook; did you mean backtui_exercises?",
    ),
    "unmarked-hook": ("plugin_zoo.no_hooks:Unmarked", "backtui_source() is not marked with @backtui.hookimpl"),
    "no-hooks": ("plugin_zoo.no_hooks:Empty", "implements no backtui hook"),
    "no-source": ("plugin_zoo.no_hooks:NoSource", "does not implement backtui_source()"),
    "hook-takes-argument": (
        "plugin_zoo.no_hooks:TakesArgument",
        "backtui_source() must take no arguments, but it takes (config)",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_plugin_is_reported_in_one_line_and_the_good_ones_still_load(name: str) -> None:
    value, reason = BROKEN[name]
    result = plugins.load(eps=[GOOD, ep(name, value), SECOND], env={})

    by_name = {r.name: r for r in result.records}
    broken = by_name[name]
    assert broken.status == "error"
    assert reason in broken.error
    assert "\n" not in broken.error
    assert broken.describe().startswith(f"plugin {name!r} (no distribution): ")
    assert [r.name for r in result.ok] == ["zoo-good", "zoo-second"]
    library = Library(result.records)
    assert sorted(library.exercises) == ["zoo-good:pelvic-tilt", "zoo-second:bird-dog"]
    assert list(library.avoid) == ["zoo-good:sit-ups"]


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_strict_mode_turns_each_broken_plugin_into_an_error(name: str) -> None:
    value, reason = BROKEN[name]
    eps = [GOOD, ep(name, value)]
    with pytest.raises(plugins.PluginError) as raised:
        plugins.load(eps=eps, env={}, strict=True)
    assert reason in str(raised.value)
    assert str(raised.value).startswith(f"plugin {name!r}")
    with pytest.raises(plugins.PluginError):
        plugins.load(eps=eps, env={"BACKTUI_STRICT_PLUGINS": "1"})


def test_a_bad_id_is_explained_in_words_not_as_a_regex() -> None:
    value, _ = BROKEN["bad-id"]
    [record] = plugins.load(eps=[ep("bad-id", value)], env={}).records
    assert "SOURCE:SLUG" in record.error
    assert "regex" not in record.error


def test_strict_mode_loads_good_plugins_normally() -> None:
    result = plugins.load(eps=[GOOD, SECOND], env={"BACKTUI_STRICT_PLUGINS": "1"})
    assert [(r.name, r.status) for r in result.records] == [("zoo-good", "ok"), ("zoo-second", "ok")]


def test_strict_off_in_the_env_reports_instead_of_raising() -> None:
    value, _ = BROKEN["source-raises"]
    result = plugins.load(eps=[ep("zoo-x", value)], env={"BACKTUI_STRICT_PLUGINS": "0"})
    assert result.failed[0].name == "zoo-x"


EXPLODES = ep("zoo-explodes", "plugin_zoo.explodes_on_import")


def test_the_exploding_plugin_really_explodes_when_it_is_not_filtered() -> None:
    result = plugins.load(eps=[GOOD, EXPLODES], env={})
    assert "explodes_on_import was imported although it was filtered out" in result.failed[0].error


@pytest.mark.parametrize(
    "env",
    [
        {"BACKTUI_DISABLE_PLUGINS": "zoo-explodes"},
        {"BACKTUI_DISABLE_PLUGINS": " other , zoo-explodes "},
        {"BACKTUI_LOAD_PLUGINS": "zoo-good"},
        {"BACKTUI_LOAD_PLUGINS": "zoo-good,", "BACKTUI_STRICT_PLUGINS": "1"},
    ],
)
def test_filtered_plugins_are_never_imported(env: dict[str, str]) -> None:
    sys.modules.pop("plugin_zoo.explodes_on_import", None)
    result = plugins.load(eps=[GOOD, EXPLODES], env=env)
    assert [(r.name, r.status) for r in result.records] == [("zoo-good", "ok")]
    assert "plugin_zoo.explodes_on_import" not in sys.modules


@pytest.mark.parametrize("value", ["", " ", ","])
def test_an_empty_load_list_loads_no_plugin_at_all(value: str) -> None:
    result = plugins.load(eps=[GOOD, EXPLODES], env={"BACKTUI_LOAD_PLUGINS": value})
    assert result.records == []


def test_the_five_bundled_sources_are_found_through_entry_points_with_their_provenance() -> None:
    found = {e.name: e for e in plugins.discover()}
    assert set(BUNDLED) <= set(found)
    result = plugins.load(eps=[found[n] for n in BUNDLED], env={})
    for record in result.records:
        assert record.ok, record.describe()
        assert record.distribution == f"backtui-{record.name}"
        assert record.version
        assert record.location.endswith("backtui_" + record.name.replace("-", "_"))


def test_the_environment_chooses_among_the_installed_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKTUI_LOAD_PLUGINS", "verywell,merative")
    monkeypatch.setenv("BACKTUI_DISABLE_PLUGINS", "merative")
    assert [r.name for r in plugins.load().records] == ["verywell"]
