"""Export from the app: ``o`` on the dashboard (the selected routine) and in the history view (the report)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from textual.widgets import Input, Select

from backtui.core import paths
from backtui.core.history import CheckIn, History
from backtui.tui.screens.dashboard import DashboardScreen
from backtui.tui.screens.export import ExportScreen
from backtui.tui.screens.history import HistoryScreen

from .conftest import make_app


async def _finish(app: object, pilot: object) -> None:
    await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_o_on_the_dashboard_exports_the_selected_routine(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("o")  # the first bundled routine: Core basics
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert screen.query_one("#export-path", Input).value == "core-basics.pdf"  # in the working folder
        screen.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        assert screen.query_one("#export-path", Input).value == "core-basics.md"
        await pilot.press("enter")
        await _finish(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        text = (tmp_path / "core-basics.md").read_text(encoding="utf-8")
        assert text.startswith("# Core basics") and "Pelvic tilts" in text
        assert any(f"Saved to {tmp_path / 'core-basics.md'}" in n.message for n in app._notifications)


async def test_a_failed_export_says_why_and_stays_open(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    (tmp_path / "blocked").write_text("a file, not a folder")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        field = app.screen.query_one("#export-path", Input)
        field.value = str(tmp_path / "blocked" / "x.pdf")
        await pilot.press("enter")
        await _finish(app, pilot)
        assert isinstance(app.screen, ExportScreen)
        status = str(app.screen.query_one("#export-status").content)  # type: ignore[attr-defined]
        assert status.startswith("Couldn't save")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_o_in_the_history_view_writes_the_report(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    history = History(paths.history_db_path())
    start = datetime.now().astimezone() - timedelta(days=1)
    sid = history.start_session("Core basics", "", [], started_at=start)
    history.record_step(sid, 0, "Pelvic tilts", "steady:pelvic-tilt", "completed", at=start)
    history.add_checkin(sid, "before", CheckIn(4), at=start)
    history.finish_session(sid, "complete", elapsed_s=300, planned_s=300, ended_at=start + timedelta(minutes=5))
    history.close()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        target = tmp_path / app.screen.query_one("#export-path", Input).value
        assert target.suffix == ".pdf"
        await pilot.press("enter")
        await _finish(app, pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert target.read_bytes().startswith(b"%PDF")


class TestExportSnapshots:
    def test_the_modal_at_60x18(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(make_app(tmp_path), terminal_size=(60, 18), press=["o"])

    def test_the_modal_at_80x24(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), press=["o"])
