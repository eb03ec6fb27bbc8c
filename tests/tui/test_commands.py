"""``backtui``, ``backtui build [FILE]`` and ``backtui run FILE`` hand off to the app correctly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from backtui import cli
from backtui.tui import app as app_module


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake_run_app(start: str = "dashboard", path: Path | None = None) -> int:
        calls.append({"start": start, "path": path})
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    return calls


def test_bare_backtui_opens_the_dashboard(started: list[dict[str, Any]]) -> None:
    assert cli.main([]) == 0
    assert started == [{"start": "dashboard", "path": None}]


def test_build_with_and_without_a_file(started: list[dict[str, Any]]) -> None:
    assert cli.main(["build"]) == 0
    assert cli.main(["build", "mine/new.toml"]) == 0
    assert started == [{"start": "build", "path": None}, {"start": "build", "path": Path("mine/new.toml")}]


def test_run_an_existing_file(started: list[dict[str, Any]], tmp_path: Path) -> None:
    routine = tmp_path / "r.toml"
    routine.write_text('name = "R"\n', encoding="utf-8")
    assert cli.main(["run", str(routine)]) == 0
    assert started == [{"start": "run", "path": routine}]


@pytest.mark.parametrize("make", ["missing", "folder"])
def test_run_a_file_that_is_not_there_fails_in_one_line_before_the_app_starts(
    make: str, started: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nope.toml"
    if make == "folder":
        target.mkdir()
    assert cli.main(["run", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"backtui: {target}: ")
    assert err.count("\n") == 1
    assert started == []


def test_build_and_run_are_listed_commands() -> None:
    assert {"build", "run"} <= set(cli.COMMANDS)
