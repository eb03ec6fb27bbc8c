"""The check-in form, the history view and the dashboard panel, in small host apps."""

from __future__ import annotations

from pathlib import Path

from history_apps import (
    HEALTH,
    VERYWELL,
    CheckInHost,
    FakeRunner,
    HistoryHost,
    PanelHost,
    RunHost,
    fill_calm,
    fill_rising,
    run_async,
    store,
)
from history_helpers import SessionEnded, StepCompleted, StepSkipped, summary
from textual.widgets import Checkbox, DataTable, Static

from backtui.core.history import CheckIn, History, HistoryRecorder
from backtui.core.routine import Routine, Step
from backtui.tui.screens.checkin import CheckInScreen
from backtui.tui.screens.history import SessionScreen
from backtui.tui.widgets.history_panel import SOURCES_ADVICE, HistoryPanel, pain_bar


def _text(app: object, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)  # type: ignore[attr-defined]
    return str(widget.content)


@run_async
async def test_digits_areas_and_a_note_then_enter_save_a_check_in() -> None:
    app = CheckInHost("after")
    async with app.run_test() as pilot:
        await pilot.press("7")
        await pilot.press("right", "right", "right", "right")  # 7 → 10, and no further
        await pilot.press("tab", "space")  # lower back
        await pilot.press("tab", "tab", "space")  # thigh
        await pilot.press("tab", "tab", "h", "i", "1")  # the note takes digits as text
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [CheckIn(10, ("lower back", "thigh"), "hi1")]


@run_async
async def test_escape_and_s_skip_the_check_in() -> None:
    for key in ("escape", "s"):
        app = CheckInHost("before")
        async with app.run_test() as pilot:
            await pilot.press("4", key)
            await pilot.pause()
        assert app.results == [None]


@run_async
async def test_enter_without_a_pain_level_asks_for_one() -> None:
    app = CheckInHost("before")
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert "Choose a pain level" in _text(app, "#checkin-error")
        await pilot.press("0", "enter")
        await pilot.pause()
    assert app.results == [CheckIn(0)]


@run_async
async def test_clicking_a_number_and_the_save_button() -> None:
    app = CheckInHost("before", initial=CheckIn(2, ("buttock",), "old"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.query_one("#area-1", Checkbox).value is True
        await pilot.click("#pain", offset=(5 * 4 + 1, 0))
        await pilot.click("#save")
        await pilot.pause()
    assert app.results == [CheckIn(5, ("buttock",), "old")]


@run_async
async def test_a_run_with_check_ins_lands_in_the_database(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    routine = Routine(
        name="Morning", steps=[Step(exercise="verywell:prone-lying"), Step(exercise="verywell:press-ups")]
    )
    recorder = HistoryRecorder(History(path), routine, "/routines/morning.toml")
    events = [
        StepCompleted(0, "Prone lying", "verywell:prone-lying"),
        StepSkipped(1, "Press-ups", "verywell:press-ups"),
        SessionEnded("complete", summary(1, 1, 300, 420, "complete")),
    ]
    app = RunHost(recorder, events)
    async with app.run_test() as pilot:
        await pilot.press("6", "tab", "tab", "tab", "space", "enter")  # before: 6, thigh
        await pilot.pause()
        assert isinstance(app.screen, FakeRunner)
        mid = History(path).sessions()[0]  # already written while the routine runs
        assert (mid.completed, mid.skipped, mid.before) == (1, 1, CheckIn(6, ("thigh",)))
        await pilot.press("enter")  # leave the runner
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen) and app.screen.when == "after"
        await pilot.press("3", "tab", "space", "enter")  # after: 3, lower back
        await pilot.pause()
    assert app.results == ["summary"]
    s = History(path).sessions()[0]
    assert (s.status, s.completed, s.skipped) == ("partial", 1, 1)
    assert s.before == CheckIn(6, ("thigh",)) and s.after == CheckIn(3, ("lower back",))


@run_async
async def test_the_panel_shows_week_streak_pain_and_last_session(tmp_path: Path) -> None:
    app = PanelHost(store(tmp_path / "h.sqlite3", fill_calm), sources=(HEALTH, VERYWELL))
    async with app.run_test(size=(100, 30)):
        week = _text(app, "#hp-week")
        assert week.startswith("This week: 4 sessions on 3 days")
        assert "· 3 of at least 4 days this week (Health + Inspiration)" in week
        # the last check-in (pain 3) chooses Verywell's "while in pain" advice; 2 is below 3
        assert (
            "· 2 sessions today, 3–4 suggested while you have pain (Verywell Health); your last check-in: pain 3/10"
            in week
        )
        assert _text(app, "#hp-streak") == "Streak: 4 days"
        assert (
            _text(app, "#hp-last") == "Last: Wed 11 Mar 18:00 · Evening stretch · quit · 2 done, 1 skipped · pain 3 → –"
        )
        assert not app.screen.query_one(HistoryPanel).has_class("-rising")


@run_async
async def test_the_panel_warns_when_pain_rises_after_exercise(tmp_path: Path) -> None:
    app = PanelHost(store(tmp_path / "h.sqlite3", fill_rising))
    async with app.run_test(size=(100, 30)):
        assert app.screen.query_one(HistoryPanel).has_class("-rising")
        warning = _text(app, "#hp-warning")
        assert "higher after exercise than before in 4 of your last 5" in warning
        assert SOURCES_ADVICE in warning


@run_async
async def test_the_panel_says_history_is_off_and_why() -> None:
    app = PanelHost(None, unavailable="/x/history.sqlite3: the history file is damaged")
    async with app.run_test():
        assert _text(app, "#hp-off") == "History is off: /x/history.sqlite3: the history file is damaged"


@run_async
async def test_the_panel_turns_history_off_when_the_store_fails_later(tmp_path: Path) -> None:
    h = store(tmp_path / "h.sqlite3", fill_rising)
    app = PanelHost(h)
    async with app.run_test() as pilot:
        h.close()
        app.screen.query_one(HistoryPanel).refresh_data()
        await pilot.pause()
        assert _text(app, "#hp-off").startswith("History is off: ") and "closed" in _text(app, "#hp-off")


def test_pain_bars_use_a_fixed_scale() -> None:
    assert [pain_bar(v) for v in (None, 0, 1, 5, 10)] == [" ", "·", "▁", "▄", "█"]


@run_async
async def test_the_history_view_lists_sessions_and_opens_one(tmp_path: Path) -> None:
    app = HistoryHost(store(tmp_path / "h.sqlite3", fill_rising))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        assert table.row_count == 5
        assert [str(c) for c in table.get_row_at(0)] == [
            "10 Mar 26 08:00",
            "Core",
            "complete",
            "2",
            "0",
            "4 → 7",
            "10:00",
        ]
        assert "Pain (0–10), latest sessions: ▂▄▄▅▆  last 7/10" in _text(app, "#history-pain")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert "After: pain 7/10, felt in: lower back" in _text(app, "#session-checkins")
        steps = app.screen.query_one("#session-steps", DataTable)
        assert steps.row_count == 2
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)


@run_async
async def test_the_history_view_with_history_off() -> None:
    app = HistoryHost(None, unavailable="/x/history.sqlite3: the history file is read-only")
    async with app.run_test():
        assert _text(app, "#history-note") == "History is off: /x/history.sqlite3: the history file is read-only"


@run_async
async def test_with_a_damaged_history_file_a_run_still_works_and_the_panel_says_history_is_off(tmp_path: Path) -> None:
    from backtui.core.history import open_history

    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"not sqlite" * 500)
    opened = open_history(path)
    assert opened.history is None
    recorder = HistoryRecorder(opened.history, Routine(name="Morning"), "")
    run = RunHost(recorder, [StepCompleted(0, "Prone lying", "verywell:prone-lying")])
    async with run.run_test() as pilot:
        assert isinstance(run.screen, FakeRunner)  # no check-in to ask: nowhere to keep it
        await pilot.press("enter")
        await pilot.pause()
    assert run.results == ["summary"] and recorder.session_id is None
    panel = PanelHost(opened.history, unavailable=opened.error)
    async with panel.run_test():
        off = _text(panel, "#hp-off")
        assert off.startswith(f"History is off: {path}: the history file is damaged")


@run_async
async def test_the_compact_panel_is_one_line_and_still_warns(tmp_path: Path) -> None:
    app = PanelHost(store(tmp_path / "h.sqlite3", fill_rising), sources=(HEALTH,), compact=True)
    async with app.run_test(size=(100, 30)) as pilot:
        panel = app.screen.query_one(HistoryPanel)
        line = _text(app, "#hp-line")
        assert (
            line == "2 of at least 4 days this week (Health + Inspiration) · streak 3 days · pain ▂▄▄▅▆"
            " · last Tue 10 Mar, pain 4 → 7"
        )
        assert panel.query_one("#hp-plot").styles.display == "none"
        assert SOURCES_ADVICE in _text(app, "#hp-warning")
        assert panel.query_one("#hp-warning").styles.display == "block"
        panel.compact = False
        await pilot.pause()
        assert panel.query_one("#hp-plot").styles.display == "block"
        assert panel.query_one("#hp-line").styles.display == "none"
