"""The big countdown: whole seconds left, as ``m:ss`` (``h:mm:ss`` past an hour), in large digits.

``Countdown`` is a ``BigText`` in solid 7-row digits, scaled to the room the screen
gives it (``fit``); it redraws only when the shown text or the room changes.
"""

from __future__ import annotations

import math

from backtui.tui.widgets.big_text import DIGITS_FONT, WORD_FONTS, BigText


def clock_text(seconds: float) -> str:
    """``seconds`` rounded up, as a countdown shows it: 4.2 → ``0:05``, 75 → ``1:15``."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


class Countdown(BigText):
    """Seconds left in the current phase."""

    def __init__(self, seconds: float = 0, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(clock_text(seconds), fonts=(DIGITS_FONT, *WORD_FONTS), id=id, classes=classes)

    @property
    def value(self) -> str:
        return self.text

    def show_seconds(self, seconds: float) -> None:
        self.show(clock_text(seconds))
