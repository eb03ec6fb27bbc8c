"""The phase word (GET READY, HOLD, RELAX …) in large letters, and the same word as one line.

The screen behind it takes a colour per kind of phase (see ``runner.tcss``); the word is
always there too, so the colour is never the only sign. ``flash()`` inverts the word for
a moment: the visible cue that goes with the bell.
"""

from __future__ import annotations

from textual.timer import Timer

from backtui.core.timeline import Phase
from backtui.tui.widgets.big_text import WORD_FONTS, BigText

PAUSED = "PAUSED"


def banner_text(phase: Phase) -> str:
    """The heading in one line, with the side when the phase has one: ``HOLD · LEFT``."""
    if phase.kind == "switch" and phase.side:
        return f"{phase.label} → {phase.side.upper()}"
    if phase.side and phase.kind in ("work", "hold"):
        return f"{phase.label} · {phase.side.upper()}"
    return phase.label


class PhaseBanner(BigText):
    """The phase's word in large letters (``PAUSED`` while paused)."""

    DEFAULT_CSS = """
    PhaseBanner { text-style: bold; }
    PhaseBanner.-flash { text-style: bold reverse; }
    """

    _flash_timer: Timer | None = None

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", fonts=WORD_FONTS, id=id, classes=classes)

    def show_phase(self, phase: Phase, *, paused: bool = False) -> None:
        self.show(PAUSED if paused else phase.label)

    def flash(self, seconds: float) -> None:
        """Invert the word for ``seconds`` (nothing when 0)."""
        if seconds <= 0:
            return
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self.add_class("-flash")
        self._flash_timer = self.set_timer(seconds, self._end_flash)

    def _end_flash(self) -> None:
        self._flash_timer = None
        self.remove_class("-flash")
