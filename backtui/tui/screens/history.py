"""The history view: every recorded session in a table; Enter opens one with its steps and check-ins."""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from backtui.core.history import CheckIn, History, HistoryUnavailable, SessionDetail, SessionRecord
from backtui.tui.widgets.key_bar import KeyBar

#: The view lists this many recent sessions; ``backtui history`` has them all.
MAX_ROWS = 500


def pain_text(session: SessionRecord) -> str:
    if session.before is None and session.after is None:
        return ""
    before = "–" if session.before is None else str(session.before.pain)
    after = "–" if session.after is None else str(session.after.pain)
    return f"{before} → {after}"


def status_text(session: SessionRecord) -> Text:
    style = {"complete": "green", "pain": "bold red", "interrupted": "yellow", "quit": "", "in-progress": "cyan"}
    label = "stopped for pain" if session.status == "pain" else session.status
    return Text(label, style=style.get(session.status, ""))


def duration_text(seconds: int) -> str:
    """``10 min``, ``9 min 30 s`` or ``45 s``."""
    minutes, secs = divmod(max(0, seconds), 60)
    if not minutes:
        return f"{secs} s"
    return f"{minutes} min" + (f" {secs} s" if secs else "")


class HistoryScreen(Screen[None]):
    """All recorded sessions, newest first. ``history`` is ``None`` when history is off."""

    DEFAULT_CSS = """
    HistoryScreen #history-title { text-style: bold; padding: 0 1; }
    HistoryScreen #history-note { color: $text-muted; padding: 0 1; }
    HistoryScreen DataTable { height: 1fr; }
    """

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back"), Binding("o", "export", "Report")]

    def __init__(self, history: History | None, *, unavailable: str = "") -> None:
        super().__init__()
        self.history = history
        self.unavailable = unavailable
        self.sessions: list[SessionRecord] = []

    def compose(self) -> ComposeResult:
        yield Static("History", id="history-title")
        yield Static("", id="history-note")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="history-table")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Routine", "Status", "Done", "Skipped", "Pain", "Length")
        self.reload()
        table.focus()

    def reload(self) -> None:
        note = self.query_one("#history-note", Static)
        table = self.query_one(DataTable)
        table.clear()
        if self.history is None:
            note.update(escape(f"History is off: {self.unavailable}"))
            return
        try:
            self.sessions = self.history.sessions(limit=MAX_ROWS, newest_first=True)
        except HistoryUnavailable as exc:
            self.sessions = []
            note.update(escape(f"History is off: {exc}"))
            return
        for s in self.sessions:
            table.add_row(
                s.started_at.strftime("%a %d %b %Y %H:%M"),
                s.routine_name,
                status_text(s),
                str(s.completed),
                str(s.skipped),
                pain_text(s),
                duration_text(s.elapsed_s),
                key=str(s.id),
            )
        if not self.sessions:
            note.update("No sessions yet. Run a routine and it will be listed here.")
        elif len(self.sessions) == MAX_ROWS:
            note.update(f"The latest {MAX_ROWS} sessions; Enter opens one. `backtui history` lists them all.")
        else:
            count = len(self.sessions)
            note.update(f"{count} session{'s' if count != 1 else ''}, newest first. Enter opens one.")

    def action_export(self) -> None:
        """A report for a clinician (``backtui history --report``)."""
        if self.history is None or not self.sessions:
            self.notify("No sessions to report yet.", severity="warning")
            return
        from backtui.tui.app import BacktuiApp
        from backtui.tui.screens.export import report_export

        app = self.app
        library = app.ensure_library() if isinstance(app, BacktuiApp) else None
        self.app.push_screen(report_export(self.history, library))

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        if self.history is None or event.row_key.value is None:
            return
        try:
            detail = self.history.session(int(event.row_key.value))
        except HistoryUnavailable as exc:
            self.notify(escape(str(exc)), severity="error")
            return
        if detail is not None:
            self.app.push_screen(SessionScreen(detail))


def _checkin_line(label: str, checkin: CheckIn | None) -> str:
    if checkin is None:
        return f"{label}: skipped"
    where = ", ".join(checkin.areas) or "not marked"
    line = f"{label}: pain {checkin.pain}/10, felt in: {where}"
    if checkin.note:
        line += f"\n    note: {checkin.note}"
    return line


class SessionScreen(Screen[None]):
    """One session: when, which routine, how it ended, its check-ins and every step recorded."""

    DEFAULT_CSS = """
    SessionScreen VerticalScroll { padding: 0 1; }
    SessionScreen #session-title { text-style: bold; }
    SessionScreen .section { text-style: bold; margin-top: 1; }
    SessionScreen DataTable { height: auto; max-height: 100%; }
    """

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, detail: SessionDetail) -> None:
        super().__init__()
        self.detail = detail

    def compose(self) -> ComposeResult:
        s = self.detail.session
        ended = s.ended_at.strftime("%H:%M") if s.ended_at else "—"
        with VerticalScroll():
            yield Static(escape(f"{s.routine_name} · {s.started_at:%A %d %B %Y, %H:%M}–{ended}"), id="session-title")
            summary = (
                f"Status: {status_text(s).plain}. {s.completed} done, {s.skipped} skipped, "
                f"{duration_text(s.elapsed_s)} of {duration_text(s.planned_s)} planned."
            )
            if s.routine_path:
                summary += f"\nRoutine file: {s.routine_path}"
            yield Static(escape(summary), id="session-summary")
            yield Static("Check-ins", classes="section")
            checkins = _checkin_line("Before", s.before) + "\n" + _checkin_line("After", s.after)
            yield Static(escape(checkins), id="session-checkins")
            yield Static("Steps", classes="section")
            table: DataTable[str] = DataTable(cursor_type="none", id="session-steps")
            yield table
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#session-steps", DataTable)
        table.add_columns("#", "Exercise", "Result", "At")
        for step in self.detail.steps:
            table.add_row(str(step.index + 1), step.name, step.status, step.at.strftime("%H:%M:%S"))
        if not self.detail.steps:
            table.add_row("", "No step finished in this session.", "", "")
