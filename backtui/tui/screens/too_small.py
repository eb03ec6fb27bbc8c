"""Shown instead of any screen while the terminal is below the smallest usable size."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

#: The smallest terminal every screen is laid out for (columns, rows).
MIN_WIDTH = 60
MIN_HEIGHT = 18


def too_small_message(width: int, height: int) -> str:
    return (
        f"Terminal too small: need at least {MIN_WIDTH}×{MIN_HEIGHT}, have {width}×{height}.\n"
        "Make the window bigger and backtui comes back where you were. Ctrl+Q quits."
    )


def is_too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(Screen[None]):
    """The app pushes this when the terminal shrinks too far and pops it when it grows back."""

    CSS_PATH = "too_small.tcss"

    def compose(self) -> ComposeResult:
        yield Static(too_small_message(*self.app.size), id="too-small")

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#too-small", Static).update(too_small_message(event.size.width, event.size.height))
