"""check(): missing exercises, avoid-list warnings and doubtful settings, as one-line problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtui.cli import main
from backtui.core.library import Library
from backtui.core.routine import Routine, Step, resolve
from backtui.core.routine_check import Problem, check
from backtui.core.routine_files import dumps, load_routine, loads_routine, save_routine

MISSING = """\
schema = 1
name = "Uses a plugin I don't have"

[[steps]]
exercise = "acme:foo-stretch"
sets = 2
hold_s = 20
sides = "each"
note = "from my physio"

[[steps]]
exercise = "demo:prone-lying"
"""


def _lines(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def test_a_missing_exercise_loads_marked_missing_with_its_source(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(MISSING)
    routine = load_routine(path)
    step = resolve(routine, 0, library.get("acme:foo-stretch"))
    assert step.missing
    assert step.source_id == "acme"
    assert step.name == "acme:foo-stretch"
    assert not resolve(routine, 1, library.get("demo:prone-lying")).missing


def test_resaving_keeps_a_missing_exercise_exactly(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(MISSING)
    routine = load_routine(path)
    save_routine(routine, path)
    assert path.read_text() == MISSING
    assert load_routine(path) == routine


def test_validate_names_the_source_to_install(library: Library) -> None:
    problems = check(loads_routine(MISSING), library, "m.toml")
    assert _lines(problems) == [
        "m.toml: steps[0].exercise: 'acme:foo-stretch' is not in any loaded source; "
        "install the plugin that provides source 'acme'"
    ]
    assert problems[0].is_error


def test_a_loaded_source_without_the_slug_is_told_apart(library: Library) -> None:
    routine = Routine(name="r", steps=[Step(exercise="demo:prone-lyng")])
    assert _lines(check(routine, library, "f")) == [
        "f: steps[0].exercise: 'demo:prone-lyng': source 'demo' (Demo Article) is loaded but has no exercise "
        "'prone-lyng'; did you mean 'demo:prone-lying'?"
    ]


@pytest.mark.parametrize(
    ("step", "path", "avoided"),
    [
        (Step(name="Sit ups", reps=10), "steps[0].name", "'Sit ups' matches 'Sit-ups'"),
        (Step(name="toe-touches", reps=5), "steps[0].name", "'toe-touches' matches 'Toe touches'"),
        (Step(exercise="demo:toe-touch"), "steps[0].exercise", "'Standing toe touch' matches 'Toe touches'"),
        (Step(exercise="acme:sit-ups", reps=3), "steps[0].exercise", "'sit-ups' matches 'Sit-ups'"),
    ],
)
def test_a_step_on_an_avoid_list_warns_with_item_source_and_reason(
    library: Library, step: Step, path: str, avoided: str
) -> None:
    problems = [p for p in check(Routine(name="r", steps=[step]), library, "f.toml") if p.severity == "warning"]
    assert len(problems) == 1
    line = str(problems[0])
    assert line.startswith(f"f.toml: {path}: warning: {avoided}")
    assert "Demo Article (demo) says to avoid" in line
    assert line.endswith(("They pull on the hip flexors.", "They can overstretch ligaments."))


def test_similar_but_different_names_do_not_warn(library: Library) -> None:
    routine = Routine(name="r", steps=[Step(name="Partial sit-up hold", reps=3), Step(name="Toe taps", reps=3)])
    assert check(routine, library, "f") == []


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        (Step(name="Stretch"), "steps[0]: warning: no reps, duration_s or hold_s"),
        (Step(exercise="demo:no-dosage"), "steps[0]: warning: no reps, duration_s or hold_s"),
        (Step(name="x", reps=3, duration_s=30), "steps[0].duration_s: warning: has no effect: the step counts reps"),
        (Step(name="x", duration_s=30, hold_s=5), "steps[0].hold_s: warning: has no effect: a timed step"),
        (Step(name="x", reps=3, start_side="right"), "steps[0].start_side: warning: has no effect"),
        (Step(name="x", reps=3, sets=1, rest_s=30), "steps[0].rest_s: warning: has no effect"),
        (Step(name="x", sets=100, duration_s=3600), "steps: warning: the routine runs 100 h 49 min"),
    ],
)
def test_doubtful_settings_warn(library: Library, step: Step, expected: str) -> None:
    lines = _lines(check(Routine(name="r", steps=[step]), library, "f"))
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"f: {expected}")


def test_no_steps_is_a_warning(library: Library) -> None:
    assert _lines(check(Routine(name="r"), library, "f")) == [
        "f: steps: warning: the routine has no steps; add at least one [[steps]] table"
    ]


def test_a_good_routine_has_no_problems(library: Library) -> None:
    routine = Routine(
        name="r",
        steps=[Step(exercise="demo:bird-dog"), Step(exercise="demo:curl-up"), Step(name="Walk", duration_s=60)],
    )
    assert check(routine, library, "f") == []


def test_warnings_pass_validate_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    path = tmp_path / "w.toml"
    path.write_text(dumps(Routine(name="r", steps=[Step(name="Sit-ups", reps=10)])))
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith(f"{path}: steps[0].name: warning: 'Sit-ups' matches 'Sit-ups'")
    assert main(["validate", "--strict", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == out


def test_problems_print_on_one_line_even_with_newlines_in_the_text() -> None:
    problem = Problem("warning", "steps[0].name", "'a\nb' matches\n'c'", "f.toml")
    assert str(problem) == "f.toml: steps[0].name: warning: 'a b' matches 'c'"
