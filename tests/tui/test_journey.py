"""The whole journey in the real app: build a routine, save it, reopen it, run it to the end."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from backtui.core import paths
from backtui.core.clock import FakeClock
from backtui.core.history import History
from backtui.core.routine_files import load_routine
from backtui.tui.screens.builder import BuilderScreen
from backtui.tui.screens.checkin import CheckInScreen
from backtui.tui.screens.dashboard import DashboardScreen
from backtui.tui.screens.runner import RunnerScreen

from .conftest import make_app

FILE_NAME = "desk-break.toml"


async def type_text(pilot: Pilot[int], text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)
    await pilot.pause()


async def test_build_save_reopen_and_run_a_routine_to_the_end(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    clock = app.clock
    assert isinstance(clock, FakeClock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Create: the builder opens on an empty routine.
        await pilot.press("c")
        await pilot.pause()
        builder = app.screen
        assert isinstance(builder, BuilderScreen) and builder.routine.steps == []
        # Find two exercises by typing in the library's search box, add each with Enter.
        for query in ("knee to", "bird"):
            await pilot.press("ctrl+u")
            await type_text(pilot, query)
            await pilot.press("enter")
            await pilot.pause()
        assert [s.exercise for s in builder.routine.steps] == ["calm:knee-to-chest", "steady:bird-dog"]
        # Name it and save: the file lands in the user's routines folder.
        builder.query_one("#routine-name", Input).focus()
        await type_text(pilot, "Desk break")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = paths.user_routines_dir() / FILE_NAME
        assert saved.is_file()
        assert load_routine(saved) == builder.routine

        # Back on the dashboard the routine is listed with its time; reopen it in the builder.
        await pilot.press("escape")
        await pilot.pause()
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        titles = [entry.title for entry in dashboard.entries]
        assert "Desk break" in titles
        while dashboard.selected is None or dashboard.selected.path != saved:
            await pilot.press("down")
            await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, BuilderScreen)
        assert [s.exercise for s in app.screen.routine.steps] == ["calm:knee-to-chest", "steady:bird-dog"]
        await pilot.press("escape")  # nothing changed: leaves without asking
        await pilot.pause()

        # Run it: skip the check-in, then let the fake clock carry it to the end.
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("escape")
        await pilot.pause()
        runner = app.screen
        assert isinstance(runner, RunnerScreen)
        planned = runner.session.total_s
        while not runner.session.finished:
            clock.advance(runner.session.remaining_s + 0.25)
            await pilot.pause()
        assert str(runner.query_one("#end-title", Static).content) == "Routine complete"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen) and app.screen.when == "after"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)

    [session] = History(paths.history_db_path()).sessions()
    assert session.routine_name == "Desk break" and session.status == "complete"
    assert (session.completed, session.skipped) == (2, 0)
    assert session.planned_s == planned
