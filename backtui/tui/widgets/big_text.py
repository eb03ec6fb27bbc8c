"""Large letters from pyfiglet fonts, as big as the room they are given.

``BigText`` draws its text in the first of its fonts, at the largest whole scale,
that fits the room set by ``fit(width, rows)``; when none fits it falls back to
plain text. Glyphs are rendered once per font and character and kept, and a
drawing is only redone when the text or the room changes, so a countdown that
changes once a second costs one small string join per second.
"""

from __future__ import annotations

from functools import cache, lru_cache

import pyfiglet
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

#: Solid 7-row digits: banner3 draws with ``#``, shown here as full blocks.
DIGITS_FONT = "banner3"
#: Words: 5 rows of blocks, or 3 rows of box lines when space is short.
WORD_FONTS = ("ansi_regular", "future")

_SAMPLE = "0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: Columns between characters (before scaling).
GAP = 1


@cache
def _figlet(font: str) -> pyfiglet.Figlet:
    return pyfiglet.Figlet(font=font, width=10_000)


@cache
def _rows(font: str) -> tuple[int, int]:
    """The first and last+1 row any character of the font draws on."""
    lines = _figlet(font).renderText(_SAMPLE).split("\n")
    used = [i for i, line in enumerate(lines) if line.strip()]
    return used[0], used[-1] + 1


@cache
def glyph(font: str, char: str) -> tuple[str, ...]:
    """``char`` in ``font``: equal-width rows, the font's full height, blocks for ``#``."""
    first, last = _rows(font)
    if char == " ":
        return ("  ",) * (last - first)
    lines = _figlet(font).renderText(char).split("\n")[first:last]
    lines += [""] * (last - first - len(lines))
    width = max((len(line.rstrip()) for line in lines), default=0)
    return tuple(line.rstrip().ljust(width).replace("#", "█") for line in lines)


@cache
def _digit_width(font: str) -> int:
    return max(len(glyph(font, d)[0]) for d in "0123456789")


def _glyphs(text: str, font: str) -> list[tuple[str, ...]]:
    """The glyphs of ``text``; digits padded to one width so a countdown does not jiggle."""
    out = []
    digit_width = _digit_width(font)
    for char in text:
        rows = glyph(font, char)
        if char.isdigit():
            rows = tuple(row.center(digit_width) for row in rows)
        out.append(rows)
    return out


@lru_cache(maxsize=256)
def _lines(text: str, font: str) -> tuple[str, ...]:
    """``text`` in ``font`` at scale 1, without rows that are blank for every character of it."""
    glyphs = _glyphs(text, font)
    gap = " " * GAP
    lines = [gap.join(rows[y] for rows in glyphs) for y in range(_rows(font)[1] - _rows(font)[0])]
    used = [i for i, line in enumerate(lines) if line.strip()] or [0]
    return tuple(lines[used[0] : used[-1] + 1])


def text_width(text: str, font: str, scale: int = 1) -> int:
    """Columns ``render(text, font, scale)`` takes."""
    return scale * len(_lines(text, font)[0])


def text_height(text: str, font: str, scale: int = 1) -> int:
    """Rows ``render(text, font, scale)`` takes."""
    return scale * len(_lines(text, font))


def scalable(text: str, font: str) -> bool:
    """Whether ``text`` in ``font`` is drawn with full blocks only (lines and half blocks don't scale)."""
    return set("".join(_lines(text, font))) <= {"█", " "}


@lru_cache(maxsize=256)
def render(text: str, font: str, scale: int = 1) -> tuple[str, ...]:
    """``text`` in large letters, each cell drawn ``scale`` columns wide and ``scale`` rows high."""
    lines = _lines(text, font)
    if scale == 1:
        return lines
    return tuple(scaled for line in lines for scaled in ["".join(ch * scale for ch in line)] * scale)


def choose(text: str, fonts: tuple[str, ...], width: int, rows: int) -> tuple[str, int] | None:
    """The (font, scale) that draws ``text`` tallest within ``width`` × ``rows``; None if none fits."""
    best: tuple[int, str, int] | None = None
    for font in fonts:
        height = text_height(text, font)
        scale = min(rows // height, width // max(1, text_width(text, font)))
        if not scalable(text, font):
            scale = min(scale, 1)
        if scale >= 1 and (best is None or height * scale > best[0]):
            best = (height * scale, font, scale)
    return None if best is None else (best[1], best[2])


class BigText(Widget):
    """``text`` in the largest of ``fonts`` that fits the room given by ``fit()``.

    Drawn line by line from strips made once per drawing (Textual's line API), so a
    repaint that doesn't change the text costs no text layout at all. The widget
    fills the width it is given and centres the letters in it, and sets its own
    height to the rows drawn: a new text of the same height ("HOLD" after "RELAX",
    "0:09" after "0:10") is a repaint, never a new layout of the screen.
    """

    DEFAULT_CSS = """
    BigText { width: 1fr; height: auto; }
    """

    def __init__(
        self,
        text: str = "",
        *,
        fonts: tuple[str, ...] = WORD_FONTS,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.fonts = fonts
        self._text = text
        self._room = (80, 7)
        self._drawn: tuple[str, tuple[int, int]] | None = None
        self._lines: tuple[str, ...] = ()
        self._strips: tuple[Style, int, list[Strip]] | None = None
        self._pass_style: Style | None = None
        self.rows = 0
        self._draw()

    @property
    def text(self) -> str:
        """The text shown, as plain characters."""
        return self._text

    @property
    def lines(self) -> tuple[str, ...]:
        """The rows drawn."""
        return self._lines

    def show(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._draw()

    def fit(self, width: int, rows: int) -> None:
        """Draw within ``width`` columns and ``rows`` rows from now on."""
        if (width, rows) != self._room:
            self._room = (width, rows)
            self._draw()

    def _draw(self) -> None:
        if self._drawn == (self._text, self._room):
            return
        self._drawn = (self._text, self._room)
        found = choose(self._text, self.fonts, *self._room)
        lines = (self._text,) if found is None else render(self._text, *found)
        self._lines = lines
        self._strips = None
        if len(lines) != self.rows:  # rows start at 0, so the first drawing sets the height too
            self.rows = len(lines)
            # The height is set outright (a height worked out from content can be cached
            # from before a redraw that lands ahead of the next layout); setting it lays out again.
            self.styles.height = self.rows
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = None

    def render_lines(self, crop: Region) -> list[Strip]:
        # The style is worked out once per drawing pass (it walks every ancestor), not per row.
        self._pass_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._pass_style = None

    def render_line(self, y: int) -> Strip:
        style = self._pass_style or self.rich_style
        room = self.size.width
        if self._strips is None or self._strips[:2] != (style, room):
            block = max((cell_len(line) for line in self._lines), default=0)
            left = max(0, (room - block) // 2)  # as Textual's own centring rounds
            self._strips = (
                style,
                room,
                [
                    Strip([Segment(" " * left + line + " " * max(0, room - left - cell_len(line)), style)]).crop(
                        0, room
                    )
                    for line in self._lines
                ],
            )
        strips = self._strips[2]
        return strips[y] if y < len(strips) else Strip.blank(room, style)
