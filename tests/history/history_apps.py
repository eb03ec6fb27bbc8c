"""Small host apps that show the history pieces on their own, with frozen data and dates."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from history_helpers import TODAY, add_session, open_store
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Static

from backtui.core.history import CheckIn, History, HistoryRecorder
from backtui.core.model import Frequency, Source
from backtui.tui.screens.checkin import CheckInScreen, run_with_checkins
from backtui.tui.screens.history import HistoryScreen
from backtui.tui.widgets.history_panel import HistoryPanel


def run_async(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test with asyncio, without needing an async pytest plugin."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper


HEALTH = Source(
    id="health-inspiration",
    title="Back Pain Exercises: An Essential Guide",
    publisher="Health + Inspiration",
    frequency=(Frequency(text="at least 4 times a week", days_per_week=4),),
)
VERYWELL = Source(
    id="verywell",
    title="Exercises for Your Lower Back",
    publisher="Verywell Health",
    frequency=(
        Frequency(text="three to four times per day", when="while in pain", pain="present", sessions_per_day=(3, 4)),
        Frequency(text="once per day", when="once the pain has subsided", pain="subsided", sessions_per_day=(1, 1)),
    ),
)


def fill_calm(h: History) -> None:
    """Five weeks of sessions, pain easing after each."""
    for offset in range(34, -1, -1):
        day = TODAY - timedelta(days=offset)
        if offset in (20, 13, 4):
            continue  # days off
        before = 6 - (34 - offset) // 10
        add_session(h, day, before=before, after=max(0, before - 2), name="Morning")
    add_session(h, TODAY, hour=18, status="quit", before=3, name="Evening stretch", skipped=1)


def fill_rising(h: History) -> None:
    """Recent sessions where pain after is higher than before."""
    for offset, (before, after) in zip((6, 5, 3, 2, 1), ((3, 2), (3, 4), (3, 5), (4, 6), (4, 7)), strict=True):
        add_session(h, TODAY - timedelta(days=offset), before=before, after=after, name="Core")


def fill_every_status(h: History) -> None:
    """One session of each status, newest last, with a long routine name."""
    day = TODAY - timedelta(days=1)
    add_session(h, day, hour=7, before=5, after=3, name="Gentle start")  # complete
    add_session(h, day, hour=9, skipped=1, before=4, after=4, name="Morning back, long name")  # partial
    add_session(h, day, hour=11, steps=0, skipped=3, name="Gentle start")  # skipped
    add_session(h, day, hour=13, status="quit", before=6, name="Core")  # quit
    add_session(h, day, hour=15, status="quit", steps=0, name="Core")  # abandoned
    add_session(h, day, hour=17, status="pain", steps=1, before=5, after=8, name="Evening")  # stopped for pain
    add_session(h, TODAY, hour=7, status="in-progress", name="Evening")  # interrupted (stale by 20:00)


def fill_in_pain(h: History) -> None:
    """Two sessions today, the last check-in at 6."""
    add_session(h, TODAY, hour=8, before=7, after=6, name="Gentle start")
    add_session(h, TODAY, hour=12, before=6, name="Gentle start")


def fill_after_pain(h: History) -> None:
    """Three sessions today, the last check-in at 0."""
    for hour in (8, 12, 16):
        add_session(h, TODAY, hour=hour, before=1, after=0, name="Gentle start")


class PanelHost(App[None]):
    CSS = "Screen { align: left top; } HistoryPanel { width: 100%; }"

    def __init__(
        self,
        history: History | None,
        *,
        unavailable: str = "",
        sources: tuple[Source, ...] = (),
        width: int = 0,
        compact: bool = False,
    ) -> None:
        super().__init__()
        self.compact = compact
        self.panel_width = width
        self.history = history
        self.unavailable = unavailable
        self.sources = sources

    def compose(self) -> ComposeResult:
        panel = HistoryPanel(
            self.history, sources=self.sources, unavailable=self.unavailable, today=lambda: TODAY, compact=self.compact
        )
        if self.panel_width:
            panel.styles.width = self.panel_width
            panel.styles.border_right = ("solid", "gray")
        yield panel


class CheckInHost(App[None]):
    """Opens a check-in at start and keeps what it returns."""

    def __init__(self, when: str = "before", initial: CheckIn | None = None) -> None:
        super().__init__()
        self.when = when
        self.initial = initial
        self.results: list[CheckIn | None] = []

    async def on_mount(self) -> None:
        await self.push_screen(CheckInScreen(self.when, initial=self.initial), self.results.append)  # type: ignore[arg-type]
        self.screen.query_one(Input).cursor_blink = False


class HistoryHost(App[None]):
    def __init__(self, history: History | None, *, unavailable: str = "") -> None:
        super().__init__()
        self.history = history
        self.unavailable = unavailable

    def on_mount(self) -> None:
        self.push_screen(HistoryScreen(self.history, unavailable=self.unavailable))


class FakeRunner(Screen[str]):
    """Stands in for the runner screen: sends its events to the listener, then leaves on Enter."""

    BINDINGS = [("enter", "leave", "Leave")]

    def __init__(self, listener: Callable[[object], None], events: list[object]) -> None:
        super().__init__()
        self.listener = listener
        self.events = events

    def compose(self) -> ComposeResult:
        yield Static("running", id="fake-runner")

    def on_mount(self) -> None:
        for event in self.events:
            self.listener(event)

    def action_leave(self) -> None:
        self.dismiss("summary")


class RunHost(App[None]):
    """Runs a fake routine through ``run_with_checkins``, as the app does."""

    def __init__(self, recorder: HistoryRecorder, events: list[object]) -> None:
        super().__init__()
        self.recorder = recorder
        self.events = events
        self.results: list[object] = []

    @property
    def finished(self) -> bool:
        return bool(self.results)

    def on_mount(self) -> None:
        run_with_checkins(self, self.recorder, lambda listener: FakeRunner(listener, self.events), self.results.append)


def store(path: Path, fill: object = None, day: date = TODAY) -> History:
    h = open_store(path, day)
    if callable(fill):
        fill(h)
    return h
