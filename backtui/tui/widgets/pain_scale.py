"""A one-line 0-10 pain scale: digits pick a number, left/right move, a click picks the one under the mouse.

"10" typed as 1 then 0 picks 10; the chosen number is bracketed (``[7]``), so it reads without colour.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

CELL = 4  # each number takes " 10 " width


class PainScale(Widget, can_focus=True):
    """Pain from 0 (none) to 10 (worst). ``value`` is ``None`` until one is chosen."""

    DEFAULT_CSS = """
    PainScale { height: 1; width: 44; }
    """

    BINDINGS = [
        Binding("left,minus", "move(-1)", "Less", show=False),
        Binding("right,plus,equals_sign", "move(1)", "More", show=False),
        *[Binding(str(n), f"pick({n})", "Pain level", show=False) for n in range(10)],
    ]

    COMPONENT_CLASSES = {"pain-scale--chosen", "pain-scale--number"}

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        """The chosen pain changed."""

        def __init__(self, scale: PainScale, value: int) -> None:
            super().__init__()
            self.scale = scale
            self.value = value

        @property
        def control(self) -> PainScale:
            return self.scale

    def __init__(self, value: int | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(PainScale.value, value)
        #: The last key was the digit 1, so a 0 now makes 10.
        self._typed_one = False

    def render(self) -> Text:
        text = Text()
        chosen = self.get_component_rich_style("pain-scale--chosen")
        for n in range(11):
            if n == self.value:
                text.append(f"[{n}]", style=chosen)
                text.append(" " * (CELL - len(f"[{n}]")))
            else:
                text.append(f" {n:<{CELL - 1}}")
        return text

    def watch_value(self, value: int | None) -> None:
        if value is not None:
            self.post_message(self.Changed(self, value))

    def action_pick(self, n: int) -> None:
        if n == 0 and self._typed_one:
            n = 10
        self._typed_one = n == 1
        self.value = max(0, min(10, n))

    def action_move(self, step: int) -> None:
        self._typed_one = False
        self.value = max(0, min(10, (self.value if self.value is not None else (0 if step > 0 else 1)) + step))

    def on_click(self, event: events.Click) -> None:
        n = event.x // CELL
        if 0 <= n <= 10:
            self._typed_one = False
            self.value = n
