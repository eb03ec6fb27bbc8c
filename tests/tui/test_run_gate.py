"""Never run what can't be run right, and never run on unseen.

A routine ``validate`` rejects opens the error view instead of the runner (from the
dashboard and from ``backtui run FILE``); warnings ask first. A session the user can't
see (terminal too small, help or the command palette over it, the app suspended)
pauses and goes on only when the user presses space.
"""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Static

from backtui.tui.app import BacktuiApp
from backtui.tui.screens.checkin import CheckInScreen
from backtui.tui.screens.confirm import ConfirmScreen
from backtui.tui.screens.error import ErrorScreen
from backtui.tui.screens.help import HelpScreen
from backtui.tui.screens.runner import RunnerScreen
from backtui.tui.screens.too_small import TooSmallScreen

from .conftest import make_app

MISSING = """\
name = "Missing"
[[steps]]
exercise = "calm:no-such-thing"
reps = 5
hold_s = 5
"""

AVOIDED = """\
name = "Avoided"
[[steps]]
name = "Sit-ups"
reps = 5
"""

FINE = """\
name = "Fine"
[[steps]]
exercise = "calm:prone-lying"
"""


def _text(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)  # type: ignore[attr-defined]


async def _skip_checkin(pilot: object, app: BacktuiApp) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    if isinstance(app.screen, CheckInScreen):
        await pilot.press("escape")  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]


async def test_backtui_run_of_a_routine_with_an_error_opens_the_error_view_not_the_runner(tmp_path: Path) -> None:
    app = make_app(tmp_path, mine={"missing.toml": MISSING}, start="run", path=tmp_path / "home/routines/missing.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _skip_checkin(pilot, app)
        assert isinstance(app.screen, ErrorScreen)
        assert not any(isinstance(s, RunnerScreen) for s in app.screen_stack)
        message = _text(app.screen, "#error-message")
        assert "steps[0].exercise" in message and "calm:no-such-thing" in message
        assert "\n" not in message  # one line per problem, as validate prints it
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value == 1  # run_app turns it into the exit code


async def test_the_dashboard_opens_the_error_view_for_a_routine_with_an_error(tmp_path: Path) -> None:
    app = make_app(tmp_path, bundled={}, mine={"missing.toml": MISSING})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_runner(tmp_path / "home/routines/missing.toml")
        await _skip_checkin(pilot, app)
        assert isinstance(app.screen, ErrorScreen)
        assert "is loaded but has no exercise 'no-such-thing'" in _text(app.screen, "#error-message")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (ErrorScreen, RunnerScreen))


async def test_a_warning_asks_first_and_no_means_no_run(tmp_path: Path) -> None:
    app = make_app(tmp_path, bundled={}, mine={"avoided.toml": AVOIDED})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_runner(tmp_path / "home/routines/avoided.toml")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "says to avoid" in _text(app.screen, "#confirm-message")
        await pilot.press("n")
        await pilot.pause()
        assert not any(isinstance(s, (RunnerScreen, CheckInScreen)) for s in app.screen_stack)
        app.open_runner(tmp_path / "home/routines/avoided.toml")
        await pilot.pause()
        await pilot.press("y")
        await _skip_checkin(pilot, app)
        assert isinstance(app.screen, RunnerScreen)


async def _running(tmp_path: Path, pilot: object, app: BacktuiApp) -> RunnerScreen:
    await pilot.pause()  # type: ignore[attr-defined]
    app.open_runner(tmp_path / "home/routines/fine.toml")
    await _skip_checkin(pilot, app)
    runner = app.screen
    assert isinstance(runner, RunnerScreen) and runner.session.running
    return runner


async def test_a_terminal_too_small_pauses_and_only_space_goes_on(tmp_path: Path) -> None:
    app = make_app(tmp_path, bundled={}, mine={"fine.toml": FINE})
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        runner = await _running(tmp_path, pilot, app)
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert runner.session.paused
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is runner and runner.session.paused
        assert any("Press space to go on" in n.message for n in app._notifications)
        await pilot.press("space")
        assert runner.session.running


async def test_help_and_the_command_palette_pause_and_only_space_goes_on(tmp_path: Path) -> None:
    app = make_app(tmp_path, bundled={}, mine={"fine.toml": FINE})
    async with app.run_test(size=(80, 24)) as pilot:
        runner = await _running(tmp_path, pilot, app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and runner.session.paused
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is runner and runner.session.paused
        await pilot.press("space")
        assert runner.session.running
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette) and runner.session.paused
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is runner and runner.session.paused


async def test_suspending_the_app_pauses_and_only_space_goes_on(tmp_path: Path) -> None:
    app = make_app(tmp_path, bundled={}, mine={"fine.toml": FINE})
    async with app.run_test(size=(80, 24)) as pilot:
        runner = await _running(tmp_path, pilot, app)
        app.app_suspend_signal.publish(app)
        assert runner.session.paused
        app.app_resume_signal.publish(app)
        await pilot.pause()
        assert runner.session.paused
        await pilot.press("space")
        assert runner.session.running
