"""The history view: every recorded session in a table; Enter opens one with its steps and check-ins."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from backtui.core.history import (
    STATUS_LABELS,
    CheckIn,
    History,
    HistoryUnavailable,
    PainPoint,
    SessionDetail,
    SessionRecord,
)
from backtui.core.terminal_text import printable
from backtui.tui.notices import tell
from backtui.tui.widgets.history_panel import pain_sparkline
from backtui.tui.widgets.key_bar import KeyBar

#: The view lists this many recent sessions; ``backtui history`` has them all.
MAX_ROWS = 500


def pain_text(session: SessionRecord) -> str:
    if session.before is None and session.after is None:
        return ""
    before = "–" if session.before is None else str(session.before.pain)
    after = "–" if session.after is None else str(session.after.pain)
    return f"{before} → {after}"


STATUS_STYLES = {
    "complete": "green",
    "partial": "green",
    "skipped": "dim",
    "abandoned": "dim",
    "pain": "bold red",
    "interrupted": "yellow",
    "in-progress": "cyan",
}

#: The routine column's width in the table; longer names end with "…" (the session view has them whole).
ROUTINE_WIDTH = 18
#: Below this many columns the table drops its Skip and Time columns and shortens the date.
NARROW = 80
NARROW_ROUTINE_WIDTH = 14


def status_text(session: SessionRecord, *, short: bool = False) -> Text:
    """The status in words ("stopped for pain"), or its short label for the table ("hurt")."""
    if short:
        label = STATUS_LABELS.get(session.status, session.status)
    else:
        label = "stopped for pain" if session.status == "pain" else session.status
    return Text(label, style=STATUS_STYLES.get(session.status, ""))


def short_duration(seconds: int) -> str:
    """``9:30`` (minutes and seconds), for the table."""
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


def fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def pain_chart(sessions: list[SessionRecord], width: int = 24) -> Text:
    """One line: the latest sessions' pain as bars, oldest first, with the last check-in in numbers."""
    points = [
        PainPoint(s.id, s.day, s.before.pain if s.before else None, s.after.pain if s.after else None)
        for s in reversed(sessions)
        if s.before is not None or s.after is not None
    ]
    if not points:
        return Text("No pain check-ins yet.", style="dim")
    spark = pain_sparkline(points, width)
    last = points[-1]
    latest = last.after if last.after is not None else last.before
    chart = Text("Pain (0–10), latest sessions: ")
    chart.append(spark, style="bold")
    chart.append(f"  last {latest}/10", style="dim")
    return chart


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
    HistoryScreen #history-pain { padding: 0 1; height: 1; }
    HistoryScreen DataTable { height: 1fr; }
    """

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back"), Binding("o", "export", "Report")]

    def __init__(self, history: History | None, *, unavailable: str = "") -> None:
        super().__init__()
        self.history = history
        self.unavailable = unavailable
        self.sessions: list[SessionRecord] = []
        self._narrow = False

    def compose(self) -> ComposeResult:
        yield Static("History", id="history-title")
        yield Static("", id="history-note")
        yield Static("", id="history-pain")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="history-table")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        if (event.size.width < NARROW) != self._narrow:
            self.reload()

    def _columns(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        if self._narrow:
            table.add_columns("Date", "Routine", "Status", "Done", "Pain")
        else:
            table.add_columns("Date", "Routine", "Status", "Done", "Skip", "Pain", "Time")

    def _row(self, s: SessionRecord) -> list[str | Text]:
        if self._narrow:  # "Done" reads "2/3": exercises done of those reached
            return [
                s.started_at.strftime("%d %b %H:%M"),
                Text(fit(printable(s.routine_name), NARROW_ROUTINE_WIDTH)),
                status_text(s, short=True),
                f"{s.completed}/{s.completed + s.skipped}",
                pain_text(s),
            ]
        return [
            s.started_at.strftime("%d %b %y %H:%M"),
            Text(fit(printable(s.routine_name), ROUTINE_WIDTH)),
            status_text(s, short=True),
            str(s.completed),
            str(s.skipped),
            pain_text(s),
            short_duration(s.elapsed_s),
        ]

    def reload(self) -> None:
        note = self.query_one("#history-note", Static)
        table = self.query_one(DataTable)
        self._narrow = self.app.size.width < NARROW
        self._columns()
        if self.history is None:
            note.update(Content(printable(f"History is off: {self.unavailable}")))
            return
        try:
            self.sessions = self.history.sessions(limit=MAX_ROWS, newest_first=True)
        except HistoryUnavailable as exc:
            self.sessions = []
            note.update(Content(printable(f"History is off: {exc}")))
            return
        self.query_one("#history-pain", Static).update(pain_chart(self.sessions))
        for s in self.sessions:
            table.add_row(*self._row(s), key=str(s.id))
        if not self.sessions:
            note.update("No sessions yet. Run a routine and it will be listed here.")
        elif len(self.sessions) == MAX_ROWS:
            note.update(f"The latest {MAX_ROWS} sessions; Enter opens one. `backtui history` lists them all.")
        else:
            count = len(self.sessions)
            note.update(f"{count} session{'s' if count != 1 else ''}, newest first. Enter opens one.")
        if self.history.readonly and self.unavailable:
            note.update(Content(printable(f"Read-only: {self.unavailable}")))

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
            tell(self, str(exc), severity="error")
            return
        if detail is not None:
            self.app.push_screen(SessionScreen(detail))


def _checkin_line(label: str, checkin: CheckIn | None) -> str:
    if checkin is None:
        return f"{label}: skipped"
    where = printable(", ".join(checkin.areas)) or "not marked"
    line = f"{label}: pain {checkin.pain}/10, felt in: {where}"
    if checkin.note:
        line += f"\n    note: {printable(checkin.note)}"
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
            yield Static(
                Content(f"{printable(s.routine_name)} · {s.started_at:%A %d %B %Y, %H:%M}–{ended}"), id="session-title"
            )
            summary = (
                f"Status: {status_text(s).plain}. {s.completed} done, {s.skipped} skipped, "
                f"{duration_text(s.elapsed_s)} of {duration_text(s.planned_s)} planned."
            )
            if s.routine_path:
                summary += f"\nRoutine file: {printable(str(s.routine_path))}"
            yield Static(Content(summary), id="session-summary")
            yield Static("Check-ins", classes="section")
            checkins = _checkin_line("Before", s.before) + "\n" + _checkin_line("After", s.after)
            yield Static(Content(checkins), id="session-checkins")
            yield Static("Steps", classes="section")
            table: DataTable[str | Text] = DataTable(cursor_type="none", id="session-steps")
            yield table
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#session-steps", DataTable)
        table.add_columns("#", "Exercise", "Result", "At")
        for step in self.detail.steps:
            table.add_row(str(step.index + 1), Text(printable(step.name)), step.status, step.at.strftime("%H:%M:%S"))
        if not self.detail.steps:
            table.add_row("", "No step finished in this session.", "", "")
