"""The big countdown: whole seconds left, as ``m:ss`` (``h:mm:ss`` past an hour).

``Countdown`` shows Textual's ``Digits`` (three rows high) on small terminals and a
block-letter clock (five rows, or ten with ``scale=2``) when the ``-big`` class is
set, so the time can be read from across the room on a large terminal.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits, Static


def clock_text(seconds: float) -> str:
    """``seconds`` rounded up, as a countdown shows it: 4.2 → ``0:05``, 75 → ``1:15``."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


#: A 3×5 bitmap per character ("#" is lit).
GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": ("##.", ".#.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
}


def block_text(text: str, scale: int = 1) -> str:
    """``text`` in block letters: each lit pixel is ``2*scale`` cells wide and ``scale`` rows high."""
    rows: list[str] = []
    for row in range(5):
        cells = []
        for ch in text:
            glyph = GLYPHS.get(ch, GLYPHS[":"] if ch == ":" else ("...",) * 5)
            cells.append("".join("█" * (2 * scale) if px == "#" else " " * (2 * scale) for px in glyph[row]))
        line = (" " * (scale + 1)).join(cells)
        rows.extend([line] * scale)
    return "\n".join(rows)


class BlockClock(Static):
    """Block-letter time, for big terminals."""

    scale: reactive[int] = reactive(1)

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(block_text(text), id=id)
        self._text = text

    def show(self, text: str) -> None:
        self._text = text
        self.update(block_text(text, self.scale))

    def watch_scale(self) -> None:
        self.update(block_text(self._text, self.scale))


class Countdown(Vertical):
    """Seconds left in the current phase. Repaints only when the shown text changes."""

    DEFAULT_CSS = """
    Countdown { width: auto; height: auto; }
    Countdown > Digits { width: auto; }
    Countdown > BlockClock { display: none; width: auto; }
    Countdown.-big > Digits { display: none; }
    Countdown.-big > BlockClock { display: block; }
    """

    def __init__(self, seconds: float = 0, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._value = clock_text(seconds)

    @property
    def value(self) -> str:
        return self._value

    def compose(self) -> ComposeResult:
        yield Digits(self._value)
        yield BlockClock(self._value)

    def show(self, seconds: float) -> None:
        text = clock_text(seconds)
        if text != self._value:
            self._value = text
            self.query_one(Digits).update(text)
            self.query_one(BlockClock).show(text)

    def set_size(self, big: bool, scale: int = 1) -> None:
        self.set_class(big, "-big")
        self.query_one(BlockClock).scale = scale
