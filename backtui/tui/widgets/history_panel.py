"""The dashboard's history panel: this week against the sources' advice, the streak, pain, the last session.

``HistoryPanel(history, sources=..., unavailable=...)``: ``history`` is ``None`` when the
store could not be opened, and the panel then says "History is off: <reason>".
Call ``refresh_data()`` after a session and ``set_sources()`` when the chosen routine
changes. All data comes from ``backtui.core.progress.build_progress`` (bounded queries).

The dashboard opens the store and puts the panel in after its first frame, so
neither SQLite, the history module nor this one delays that frame.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static

if TYPE_CHECKING:  # imported when the panel first reads the history, after the dashboard's first frame
    from backtui.core.history import History, PainPoint
    from backtui.core.model import Source
    from backtui.core.progress import Progress

BLOCKS = "▁▂▃▄▅▆▇█"
#: At most this many sessions are plotted (the most recent ones).
PLOT_POINTS = 40

#: Repeats what the sources say to do when exercise increases pain. No diagnosis.
SOURCES_ADVICE = (
    "The sources say to stop any exercise that increases your pain, "
    "and to see your doctor or a physical therapist if your pain gets worse."
)


def pain_bar(value: int | None) -> str:
    """One character for a pain score on a fixed 0-10 scale: "·" for 0, blank when missing."""
    if value is None:
        return " "
    if value <= 0:
        return "·"
    return BLOCKS[min(len(BLOCKS), math.ceil(value * len(BLOCKS) / 10)) - 1]


def pain_plot(points: Sequence[PainPoint], width: int = PLOT_POINTS) -> tuple[str, str]:
    """Before and after rows, one column per session (the last ``width``), oldest on the left."""
    shown = list(points)[-width:]
    return "".join(pain_bar(p.before) for p in shown), "".join(pain_bar(p.after) for p in shown)


def _average(values: Sequence[int | None]) -> str:
    known = [v for v in values if v is not None]
    return f"avg {sum(known) / len(known):.1f}" if known else "no check-ins"


def pain_sparkline(points: Sequence[PainPoint], width: int = 12) -> str:
    """The latest sessions' pain (after, else before) as one line of ``pain_bar``s, oldest on the left."""
    return "".join(pain_bar(p.after if p.after is not None else p.before) for p in list(points)[-width:])


class HistoryPanel(Vertical):
    """Sessions this week against the recommended frequency, streak, pain before/after, last session."""

    DEFAULT_CSS = """
    HistoryPanel { height: auto; padding: 0 1; }
    HistoryPanel #hp-title { text-style: bold; }
    HistoryPanel .hp-muted { color: $text-muted; }
    HistoryPanel #hp-plot { margin: 1 0 0 0; }
    HistoryPanel #hp-last { margin: 1 0 0 0; }
    HistoryPanel #hp-warning {
        display: none; margin-top: 1; padding: 0 1;
        border-left: thick $error; background: $error 15%; color: $text;
    }
    HistoryPanel.-rising #hp-warning { display: block; }
    HistoryPanel #hp-off { color: $warning; }
    HistoryPanel #hp-body { height: auto; }
    HistoryPanel #hp-line { display: none; }
    HistoryPanel.-compact #hp-title { display: none; }
    HistoryPanel.-compact #hp-line { display: block; }
    HistoryPanel.-compact #hp-week, HistoryPanel.-compact #hp-streak,
    HistoryPanel.-compact #hp-plot, HistoryPanel.-compact #hp-last { display: none; }
    HistoryPanel.-compact #hp-warning { margin-top: 0; }
    """

    #: One line (plus the warning when pain is rising) instead of the full panel,
    #: for a dashboard with little height to spare.
    compact: reactive[bool] = reactive(False, toggle_class="-compact")

    def __init__(
        self,
        history: History | None,
        *,
        sources: Sequence[Source] = (),
        unavailable: str = "",
        today: Callable[[], date] = date.today,
        compact: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.set_reactive(HistoryPanel.compact, compact)
        self.set_class(compact, "-compact")
        self.history = history
        self.sources = tuple(sources)
        self.unavailable = unavailable
        self._today = today
        self.progress: Progress | None = None
        self._plot_width = 0

    def compose(self) -> ComposeResult:
        yield Static("History", id="hp-title")
        yield Static("", id="hp-off")
        with Vertical(id="hp-body"):
            yield Static("", id="hp-line")
            yield Static("", id="hp-week")
            yield Static("", id="hp-streak")
            yield Static("", id="hp-plot")
            yield Static("", id="hp-last")
            yield Static("", id="hp-warning")

    def on_mount(self) -> None:
        self.refresh_data()

    def on_resize(self) -> None:
        # Only the plot depends on the width: redraw it when it gets more or fewer columns.
        if self.progress is not None and self.history is not None and self._plot_columns() != self._plot_width:
            self._show_plot(self.progress)

    def set_sources(self, sources: Sequence[Source]) -> None:
        """The chosen routine's sources, whose frequency this week is measured against."""
        if tuple(sources) == self.sources and self.progress is not None:
            return  # the same advice: nothing to read again
        self.sources = tuple(sources)
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read the history again (after a session, or when the day changes)."""
        if not self.query("#hp-body"):
            return  # not composed yet: on_mount will call again
        from backtui.core.history import HistoryUnavailable
        from backtui.core.progress import build_progress

        if self.history is not None:
            try:
                self.progress = build_progress(self.history, self._today(), self.sources)
            except HistoryUnavailable as exc:
                self.history = None
                self.unavailable = str(exc)
        off = self.history is None or self.progress is None
        self.query_one("#hp-off", Static).update(Text(f"History is off: {self.unavailable}") if off else "")
        self.query_one("#hp-off").display = off
        self.query_one("#hp-body").display = not off
        if not off and self.progress is not None:
            self._show(self.progress)

    @staticmethod
    def _line(p: Progress) -> Text:
        """The compact form: this week against the first recommendation, streak, last session's pain."""
        line = Text()
        if p.frequency:
            first = p.frequency[0]
            line.append("✓ " if first.met else "", style="green")
            line.append(first.text)
        else:
            line.append(f"This week: {p.week.sessions} session{'s' if p.week.sessions != 1 else ''}")
        line.append(f" · streak {p.streak} day{'s' if p.streak != 1 else ''}")
        spark = pain_sparkline(p.pain)
        if spark:
            line.append(" · pain ")
            line.append(spark, style="bold red" if p.trend.rising else "bold green")
        last = p.last
        if last is None:
            line.append(" · no sessions yet")
        else:
            line.append(f" · last {last.started_at:%a %d %b}")
            if last.before is not None or last.after is not None:
                b = "–" if last.before is None else str(last.before.pain)
                a = "–" if last.after is None else str(last.after.pain)
                line.append(f", pain {b} → {a}")
        return line

    def _show(self, p: Progress) -> None:
        week = Text()
        week.append(f"This week: {p.week.sessions} session{'s' if p.week.sessions != 1 else ''} ")
        week.append(f"on {p.week.days} day{'s' if p.week.days != 1 else ''}")
        for line in p.frequency:
            week.append("\n")
            week.append("✓ " if line.met else "· ", style="green" if line.met else "dim")
            week.append(line.text)
        self.query_one("#hp-week", Static).update(week)
        self.query_one("#hp-streak", Static).update(f"Streak: {p.streak} day{'s' if p.streak != 1 else ''}")
        self._show_plot(p)

        last = p.last
        if last is None:
            last_text = "No sessions yet."
        else:
            parts = [
                f"{last.started_at:%a %d %b %H:%M}",
                last.routine_name,
                "stopped for pain" if last.status == "pain" else last.status,
                f"{last.completed} done, {last.skipped} skipped",
            ]
            if last.before is not None or last.after is not None:
                b = "–" if last.before is None else str(last.before.pain)
                a = "–" if last.after is None else str(last.after.pain)
                parts.append(f"pain {b} → {a}")
            last_text = "Last: " + " · ".join(parts)
        self.query_one("#hp-last", Static).update(Text(last_text))

        self.query_one("#hp-line", Static).update(self._line(p))
        self.set_class(p.trend.rising, "-rising")
        warning = f"⚠ {p.trend.describe()} {SOURCES_ADVICE}" if p.trend.rising else ""
        self.query_one("#hp-warning", Static).update(Text(warning))

    def _plot_columns(self) -> int:
        """One column per session: as many as fit beside the labels and averages."""
        room = self.content_region.width - len("before ") - len("  avg 10.0")
        return PLOT_POINTS if room <= 0 else max(8, min(PLOT_POINTS, room))

    def _show_plot(self, p: Progress) -> None:
        from backtui.core.progress import PAIN_WEEKS

        plot = Text()
        self._plot_width = width = self._plot_columns()
        if p.pain:
            before, after = pain_plot(p.pain, width)
            shown = min(len(p.pain), width)
            if shown < len(p.pain):
                plot.append(f"Pain 0–10, latest {shown} of {len(p.pain)} sessions in {PAIN_WEEKS} weeks\n")
            else:
                plot.append(f"Pain 0–10, last {PAIN_WEEKS} weeks ({shown} session{'s' if shown != 1 else ''})\n")
            plot.append("before ", style="dim")
            plot.append(before, style="bold cyan")
            plot.append(f"  {_average([x.before for x in p.pain[-width:]])}\n", style="dim")
            plot.append("after  ", style="dim")
            plot.append(after, style="bold red" if p.trend.rising else "bold green")
            plot.append(f"  {_average([x.after for x in p.pain[-width:]])}", style="dim")
        else:
            plot.append(f"No pain check-ins in the last {PAIN_WEEKS} weeks.", style="dim")
        self.query_one("#hp-plot", Static).update(plot)
