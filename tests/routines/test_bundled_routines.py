"""The routines that ship with backtui validate cleanly against the real sources and add up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backtui.cli import main
from backtui.core.library import Library, load_library
from backtui.core.paths import bundled_routines_dir
from backtui.core.routine_files import list_routines, load_routine

REPO = Path(__file__).resolve().parents[2]
BUNDLED = sorted((REPO / "routines").glob("*.toml"))


@pytest.fixture(scope="module")
def real_library() -> Library:
    return load_library()


def test_the_three_routines_are_bundled() -> None:
    assert [p.name for p in BUNDLED] == ["core-strength.toml", "gentle-start.toml", "sciatica-friendly.toml"]
    assert bundled_routines_dir().resolve() == (REPO / "routines").resolve()
    assert [e.path.name for e in list_routines() if e.bundled and e.routine] == [p.name for p in BUNDLED]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_routine_validates_with_no_errors_or_warnings(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "--strict", str(path)])
    assert capsys.readouterr().out.splitlines() == [f"{path}: ok"]
    assert code == 0


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_plan_of_a_bundled_routine_adds_up_to_its_total(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--json", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    data = json.loads(out)
    assert data["total_s"] == sum(p["duration_s"] for p in data["phases"])
    assert data["total_s"] > 0
    assert main(["plan", str(path)]) == 0
    minutes, seconds = divmod(data["total_s"], 60)
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"Total: {minutes}:{seconds:02d} ")


def test_gentle_start_is_the_verywell_progression() -> None:
    routine = load_routine(REPO / "routines" / "gentle-start.toml")
    assert [s.exercise for s in routine.steps] == [
        "verywell:prone-lying",
        "verywell:prone-prop-ups",
        "verywell:press-ups",
        "verywell:pelvic-tilt",
    ]


def test_sciatica_friendly_uses_only_exercises_marked_for_sciatica(real_library: Library) -> None:
    routine = load_routine(REPO / "routines" / "sciatica-friendly.toml")
    exercises = [real_library.get(s.exercise or "") for s in routine.steps]
    assert all(ex is not None and ex.sciatica_ok for ex in exercises), [s.exercise for s in routine.steps]
    assert len(exercises) >= 4
