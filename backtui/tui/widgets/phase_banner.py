"""The phase heading (GET READY, HOLD, RELAX …) on a band coloured by the kind of phase.

``flash()`` inverts the band for a moment: the visible cue that goes with the bell.
"""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import Static

from backtui.core.timeline import LABELS, Phase

KIND_CLASSES = tuple(f"-{kind}" for kind in LABELS)


def banner_text(phase: Phase) -> str:
    """The heading, with the side when the phase has one: ``HOLD · LEFT``."""
    if phase.kind == "switch" and phase.side:
        return f"{phase.label} → {phase.side.upper()}"
    if phase.side and phase.kind in ("work", "hold"):
        return f"{phase.label} · {phase.side.upper()}"
    return phase.label


class PhaseBanner(Static):
    DEFAULT_CSS = """
    PhaseBanner {
        width: 100%; height: 3; content-align: center middle; text-style: bold;
        background: $panel; color: $foreground;
    }
    PhaseBanner.-prepare { background: $warning; color: auto 90%; }
    PhaseBanner.-work, PhaseBanner.-hold { background: $success; color: auto 90%; }
    PhaseBanner.-release { background: $primary-muted; color: $foreground; }
    PhaseBanner.-rest { background: $primary; color: auto 90%; }
    PhaseBanner.-switch { background: $accent; color: auto 90%; }
    PhaseBanner.-transition { background: $secondary; color: auto 90%; }
    PhaseBanner.-done { background: $success; color: auto 90%; }
    PhaseBanner.-flash { text-style: bold reverse; }
    """

    _flash_timer: Timer | None = None

    def show(self, phase: Phase) -> None:
        text = banner_text(phase)
        if str(self.content) != text:
            self.update(text)
        wanted = f"-{phase.kind}"
        if not self.has_class(wanted):
            self.remove_class(*KIND_CLASSES)
            self.add_class(wanted)

    def flash(self, seconds: float) -> None:
        """Invert the band for ``seconds`` (nothing when 0)."""
        if seconds <= 0:
            return
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self.add_class("-flash")
        self._flash_timer = self.set_timer(seconds, self._end_flash)

    def _end_flash(self) -> None:
        self._flash_timer = None
        self.remove_class("-flash")
