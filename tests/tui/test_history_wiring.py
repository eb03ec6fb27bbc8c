"""A recorded run in the real app: check-ins around the runner land in the history, the dashboard shows them."""

from __future__ import annotations

from pathlib import Path

from backtui.core import paths
from backtui.core.history import CheckIn, History
from backtui.tui.screens.checkin import CheckInScreen
from backtui.tui.screens.dashboard import DashboardScreen
from backtui.tui.screens.history import HistoryScreen
from backtui.tui.screens.runner import RunnerScreen
from backtui.tui.widgets.history_panel import HistoryPanel

from .conftest import make_app


async def test_a_run_with_check_ins_lands_in_the_history_and_on_the_dashboard(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "enter")  # run the first bundled routine
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen) and app.screen.when == "before"
        await pilot.press("5", "tab", "tab", "space", "enter")  # pain 5, in the buttock
        await pilot.pause()
        assert isinstance(app.screen, RunnerScreen)
        await pilot.press("exclamation_mark")  # it hurts: stop
        await pilot.pause()
        await pilot.press("enter")  # leave the runner
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen) and app.screen.when == "after"
        await pilot.press("7", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        session = History(paths.history_db_path()).sessions()[0]
        assert (session.status, session.stopped_for_pain) == ("pain", True)
        assert session.before == CheckIn(5, ("buttock",)) and session.after == CheckIn(7)
        panel = app.screen.query_one(HistoryPanel)
        assert panel.progress is not None and panel.progress.last is not None
        assert panel.progress.last.id == session.id
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen) and len(app.screen.sessions) == 1


async def test_with_a_damaged_history_the_app_runs_without_check_ins_and_says_history_is_off(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    paths.history_db_path().parent.mkdir(parents=True, exist_ok=True)
    paths.history_db_path().write_bytes(b"garbage" * 500)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        off = str(app.screen.query_one("#hp-off").content)  # type: ignore[attr-defined]
        assert off.startswith("History is off: ") and "damaged" in off
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunnerScreen)  # no check-in: nowhere to keep it
