"""A BACKTUI_HOME that can't be used: one clear line from the commands; the app starts, history off, saying why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backtui.cli import main
from backtui.core import paths
from backtui.tui.screens.dashboard import DashboardScreen

from .conftest import make_app

NO_USER = "~nosuchuser-backtui/x"


def _unusable_homes(tmp_path: Path) -> dict[str, tuple[str, str]]:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    return {
        "no-such-user": (NO_USER, "there is no user 'nosuchuser-backtui' on this system"),
        "a-file": (str(a_file), "it is a file, not a folder"),
        "under-a-file": (str(a_file / "home"), f"{a_file} is a file, not a folder"),
        "unwritable": (str(locked / "home"), f"{locked} is not writable"),
    }


@pytest.mark.parametrize("case", ["no-such-user", "a-file", "under-a-file", "unwritable"])
def test_the_problem_is_one_line(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    value, reason = _unusable_homes(tmp_path)[case]
    if case == "unwritable" and os.access(tmp_path / "locked", os.W_OK):
        pytest.skip("running as a user who can write anywhere (root)")
    monkeypatch.setenv("BACKTUI_HOME", value)
    assert paths.home_problem() == f"BACKTUI_HOME={value!r} can't be used: {reason}"


def test_a_usable_home_has_no_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKTUI_HOME", str(tmp_path / "new" / "home"))
    assert paths.home_problem() == ""


@pytest.mark.parametrize("case", ["no-such-user", "a-file"])
def test_history_command_says_so_in_one_line(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    value, reason = _unusable_homes(tmp_path)[case]
    monkeypatch.setenv("BACKTUI_HOME", value)
    assert main(["history"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"backtui: BACKTUI_HOME={value!r} can't be used: {reason}\n"


async def test_the_app_starts_with_history_off_and_says_why(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    os.environ["BACKTUI_HOME"] = NO_USER  # the shared fixture restores it
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        off = str(app.screen.query_one("#hp-off").content)  # type: ignore[attr-defined]
        assert off.startswith("History is off: BACKTUI_HOME=")
        assert "there is no user 'nosuchuser-backtui' on this system" in off
        assert app.history.history is None
        await pilot.press("h")  # the full history view opens and says the same
        await pilot.pause()
        assert app.screen is not None
