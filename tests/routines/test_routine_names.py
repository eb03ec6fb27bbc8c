"""``backtui run NAME`` and ``backtui build NAME``: routines found by name, stem or path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from backtui import cli
from backtui.core import paths
from backtui.core.history import History
from backtui.core.routine_files import list_routines
from backtui.core.routine_names import find_routine

ROUTINE = """schema = 1
name = "Morning back \u2600"

[[steps]]
name = "Walk"
duration_s = 60
"""


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Path | None]]:
    """Replaces the app: records what ``run``/``build`` would open."""
    calls: list[tuple[str, Path | None]] = []

    def fake_run_app(start: str = "dashboard", path: Path | None = None) -> int:
        calls.append((start, path))
        return 0

    import backtui.tui.app

    monkeypatch.setattr(backtui.tui.app, "run_app", fake_run_app)
    return calls


@pytest.fixture
def morning() -> Path:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True)
    path = folder / "morning-back.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    assert find_routine("Morning back \u2600", list_routines(user_dir=folder)) == path  # it loads
    return path


@pytest.mark.parametrize("typed", ["morning-back", "Morning back \u2600", "morning back", "MORNING-BACK"])
def test_run_finds_a_routine_in_the_users_folder_by_name_or_stem(
    typed: str, morning: Path, opened: list[tuple[str, Any]]
) -> None:
    assert cli.main(["run", typed]) == 0
    assert opened == [("run", morning.resolve())]


def test_build_finds_a_routine_by_name_and_a_bundled_one_by_stem(morning: Path, opened: list[tuple[str, Any]]) -> None:
    assert cli.main(["build", "Morning back"]) == 0
    assert cli.main(["build", "gentle-start"]) == 0
    assert opened[0] == ("build", morning)
    assert opened[1][1] == paths.bundled_routines_dir() / "gentle-start.toml"


def test_a_users_copy_is_found_before_the_bundled_routine(opened: list[tuple[str, Any]]) -> None:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "gentle-start.toml").write_text(ROUTINE.replace("Morning back \u2600", "Gentle start"), "utf-8")
    assert find_routine("Gentle start") == folder / "gentle-start.toml"
    assert find_routine("gentle-start") == folder / "gentle-start.toml"


def test_a_path_still_works_and_a_new_file_opens_the_builder(
    morning: Path, opened: list[tuple[str, Any]], tmp_path: Path
) -> None:
    assert cli.main(["run", str(morning)]) == 0
    assert cli.main(["build", str(tmp_path / "new-file.toml")]) == 0
    assert opened == [("run", morning.resolve()), ("build", tmp_path / "new-file.toml")]


def test_an_unknown_name_lists_close_matches_and_where_routines_live(
    morning: Path, opened: list[tuple[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["run", "morning-bak"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "morning-bak: no routine has this name; did you mean 'morning-back'?" in err
    assert str(paths.user_routines_dir()) in err and str(paths.bundled_routines_dir()) in err
    assert cli.main(["run", "gentle-strat"]) == 1
    assert "did you mean 'gentle-start'?" in capsys.readouterr().err
    assert cli.main(["run", "zzzz"]) == 1
    err = capsys.readouterr().err
    assert "did you mean" not in err and "no routine has this name" in err
    assert opened == []


def test_a_missing_path_says_where_routines_live(
    opened: list[tuple[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["run", "nowhere/morning.toml"]) == 1
    err = capsys.readouterr().err
    assert "nowhere/morning.toml: no such file" in err and str(paths.user_routines_dir()) in err


def test_run_last_runs_the_routine_run_last(morning: Path, opened: list[tuple[str, Any]]) -> None:
    with History() as history:
        history.start_session("Gentle start", paths.bundled_routines_dir() / "gentle-start.toml")
        history.start_session("Morning back \u2600", morning)
    assert cli.main(["run", "--last"]) == 0
    assert opened == [("run", morning.resolve())]


def test_run_last_finds_an_old_relative_record_by_its_name(
    morning: Path, opened: list[tuple[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with History() as history:
        history.start_session("Morning back \u2600", "routines/morning-back.toml")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["run", "--last"]) == 0
    assert opened == [("run", morning.resolve())]


def test_run_last_with_no_history_says_so(opened: list[tuple[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["run", "--last"]) == 1
    assert "no routine has been run yet" in capsys.readouterr().err
