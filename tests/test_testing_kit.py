"""``backtui.testing``: the kit plugin authors run, checked against good and bad plugins."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import EntryPoint

import pytest

from backtui import Dosage
from backtui.testing import PluginReport, check_plugin, dosage_problems

GOOD = EntryPoint(name="zoo-good", value="plugin_zoo.good", group="backtui")


def kit(attr: str) -> list[EntryPoint]:
    return [GOOD, EntryPoint(name="zoo-kit", value=f"plugin_zoo.kit:{attr}", group="backtui")]


def failure(attr: str) -> str:
    with pytest.raises(AssertionError) as raised:
        check_plugin("zoo-kit", eps=kit(attr))
    return str(raised.value)


def test_a_tidy_plugin_passes_and_the_report_shows_what_it_provides() -> None:
    report = check_plugin("zoo-kit", eps=kit("Tidy"))
    assert report.source.id == "zoo-kit"
    assert [e.id for e in report.exercises] == ["zoo-kit:bridge"]
    assert [a.id for a in report.avoid] == ["zoo-kit:crunches"]


@pytest.mark.parametrize(
    ("attr", "problem"),
    [
        ("LongHold", "zoo-kit:plank: dosage: hold_s = 900 is more than 600"),
        ("ManyReps", "zoo-kit:bridge: dosage: reps = 500 is more than 100"),
        ("RepsAndDuration", "zoo-kit:prone-lying: dosage: both reps and duration_s are set"),
        ("NoSteps", "zoo-kit:bridge: has no steps"),
        ("SameName", "zoo-kit:bridges: has the same name as zoo-kit:bridge ('Bridges')"),
        (
            "OnAnotherSourcesAvoidList",
            "zoo-kit:sit-up: 'Sit-ups' is on the avoid list of Zoo: a good source: They load the spinal discs.",
        ),
        (
            "OnItsOwnAvoidList",
            "zoo-kit:crunch: 'Abdominal crunches' is on the avoid list of Zoo: kit checks: They strain the neck.",
        ),
    ],
)
def test_each_problem_is_named_with_the_exercise_at_fault(attr: str, problem: str) -> None:
    first, *listed = failure(attr).splitlines()
    assert first == "plugin 'zoo-kit' (zoo-kit) fails the backtui checks:"
    assert len(listed) == 1
    assert listed[0].startswith(f"  - {problem}")


def test_a_plugin_the_app_cannot_load_fails_with_the_loaders_reason() -> None:
    eps = [EntryPoint(name="zoo-kit", value="plugin_zoo.ids:NotPrefixed", group="backtui")]
    with pytest.raises(AssertionError) as raised:
        check_plugin("zoo-kit", eps=eps)
    assert str(raised.value) == (
        "backtui cannot load it: plugin 'zoo-kit' (no distribution): "
        "id 'merative:bridge' must start with the source id 'zoo-mine:'"
    )


def test_a_missing_entry_point_says_what_was_found_and_how_to_register_one() -> None:
    with pytest.raises(AssertionError) as raised:
        check_plugin("zoo-missing", eps=[GOOD])
    message = str(raised.value)
    assert message.startswith("no entry point named 'zoo-missing' in the 'backtui' group (found: zoo-good).")
    assert '[project.entry-points.backtui] zoo-missing = "your_module"' in message


def test_the_kit_ignores_the_plugin_filters_of_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKTUI_LOAD_PLUGINS", "")
    assert check_plugin("zoo-kit", eps=kit("Tidy")).source.id == "zoo-kit"


def test_the_fixture_is_registered_as_a_pytest_plugin(backtui_check: Callable[..., PluginReport]) -> None:
    assert backtui_check("zoo-good", eps=[GOOD]).source.title == "Zoo: a good source"


@pytest.mark.parametrize(
    ("dosage", "problems"),
    [
        (Dosage(sets=2, reps=10, hold_s=5, hold_range_s=(5, 10), rest_s=60), []),
        (Dosage(duration_s=120, duration_range_s=(60, 120)), []),
        (Dosage(sets=12), ["sets = 12 is more than 10"]),
        (Dosage(rest_s=3600), ["rest_s = 3600 is more than 600"]),
        (Dosage(reps=10, reps_range=(12, 8)), ["reps_range = [12, 8] runs backwards", "reps = 10 is outside"]),
        (Dosage(hold_s=5, hold_range_s=(5, 900)), ["hold_range_s = [5, 900] goes above 600"]),
        (Dosage(hold_s=20, hold_range_s=(5, 10)), ["hold_s = 20 is outside hold_range_s [5, 10]"]),
        (Dosage(duration_range_s=(60, 120)), ["duration_s = None is outside duration_range_s [60, 120]"]),
    ],
)
def test_dosage_sanity(dosage: Dosage, problems: list[str]) -> None:
    found = dosage_problems(dosage)
    assert len(found) == len(problems)
    for got, want in zip(found, problems, strict=True):
        assert got.startswith(want)


def test_importing_the_kit_loads_no_plugin_and_no_textual() -> None:
    code = (
        "import sys, backtui.testing\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'textual', 'backtui_verywell', 'backtui_merative', 'backtui_twelve_best', 'backtui_health_inspiration', "
        "'backtui_back_pain_basics'} or m.startswith('backtui.core.library')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
