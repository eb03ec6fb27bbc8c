"""Runs in the real app are recorded as they happened: all skipped, or left with Ctrl+Q."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from backtui import cli
from backtui.core import paths
from backtui.core.history import History, last_routine_path
from backtui.tui.screens.checkin import CheckInScreen
from backtui.tui.screens.dashboard import DashboardScreen
from backtui.tui.screens.history import HistoryScreen
from backtui.tui.screens.runner import RunnerScreen

from .conftest import make_app


async def _start_first_routine(app: object, pilot: object) -> None:
    await pilot.press("down", "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, CheckInScreen)  # type: ignore[attr-defined]
    await pilot.press("s")  # type: ignore[attr-defined]  # no before check-in
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, RunnerScreen)  # type: ignore[attr-defined]


async def test_a_run_with_every_exercise_skipped_counts_nowhere_and_reads_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _start_first_routine(app, pilot)
        runner = app.screen
        assert isinstance(runner, RunnerScreen)
        for _ in range(50):
            if runner.session.finished:
                break
            await pilot.press("s")  # skip the exercise
            await pilot.pause()
        assert runner.session.finished
        await pilot.press("enter")  # leave the runner
        await pilot.pause()
        await pilot.press("s")  # no after check-in
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)

    history = History(paths.history_db_path())
    (session,) = history.sessions()
    today = session.day
    assert (session.status, session.completed) == ("skipped", 0) and session.skipped >= 1
    assert history.streak(today) == 0
    assert history.week_counts(today).sessions_today == 0
    history.close()

    capsys.readouterr()
    assert cli.main(["history", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["status"] == "skipped" and row["completed"] == 0
    assert cli.main(["history", "--csv"]) == 0
    (record,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert record["status"] == "skipped"


async def test_ctrl_q_during_a_run_writes_a_whole_record(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _start_first_routine(app, pilot)
        routine = app.screen.routine  # type: ignore[attr-defined]
        await pilot.press("n", "n")  # through a phase or two
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()

    history = History(paths.history_db_path())
    (session,) = history.sessions()
    assert session.status in ("quit", "abandoned")  # left before the end, never "interrupted"
    assert session.ended_at is not None and session.ended_at >= session.started_at
    assert session.routine_name == routine.name
    assert Path(session.routine_path).is_absolute() and Path(session.routine_path).is_file()
    assert session.planned_s > 0
    assert last_routine_path() == session.routine_path
    assert history.week_counts(date.today()).sessions_today == (1 if session.completed else 0)


async def test_a_read_only_history_is_shown_and_a_run_says_it_is_not_recorded(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    path = paths.history_db_path()
    h = History(path)
    sid = h.start_session("Gentle morning", tmp_path / "bundled" / "gentle-morning.toml")
    h.record_step(sid, 0, "Pelvic tilt", "calm:pelvic-tilt", "completed")
    h.finish_session(sid, "complete", elapsed_s=60, planned_s=60)
    h.close()
    path.chmod(0o400)
    try:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            note = str(app.screen.query_one("#history-note", Static).content)
            assert note.startswith("Read-only: ") and "the history file is read-only" in note
            assert app.screen.query_one(DataTable).row_count == 1
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("down", "enter")
            await pilot.pause()
            assert isinstance(app.screen, RunnerScreen)  # no check-in: nothing could keep it
            assert any("won't be recorded" in str(n.message) for n in app._notifications)
    finally:
        path.chmod(0o600)
    assert len(History(path).sessions()) == 1
