"""The dashboard's progression offer: one step up within the article's range, to take or dismiss.

``ProgressionOffer(suggestion)`` shows ``Suggestion.describe()`` (the change and the
article's own advice) with two buttons, and posts ``ProgressionOffer.Answered`` with
``accepted`` True or False. The dashboard writes the routine and remembers the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Static

from backtui.core.progression import Suggestion
from backtui.core.terminal_text import printable

HEADING = "Ready for a step up? Your last three sessions left pain no worse."


class ProgressionOffer(Vertical):
    DEFAULT_CSS = """
    ProgressionOffer {
        height: auto;
        padding: 0 1;
        margin-bottom: 1;
        border: round $success;
        border-title-color: $success;
    }
    ProgressionOffer > Horizontal {
        height: auto;
        margin-top: 1;
    }
    ProgressionOffer Button {
        width: auto;
        min-width: 0;
        margin-right: 2;
    }
    """

    @dataclass
    class Answered(Message):
        """The person took (``accepted``) or dismissed the suggestion."""

        offer: ProgressionOffer
        suggestion: Suggestion
        accepted: bool

    def __init__(self, suggestion: Suggestion, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.suggestion = suggestion
        self.border_title = "Progress"

    def compose(self) -> ComposeResult:
        text = Text(HEADING + "\n", style="bold")
        text.append(printable(self.suggestion.describe()), style="")
        yield Static(text, id="progress-text")
        with Horizontal():
            yield Button("Take it", id="progress-accept", variant="success", compact=True)
            yield Button("Dismiss", id="progress-dismiss", compact=True)

    @on(Button.Pressed, "#progress-accept")
    def _accept(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Answered(self, self.suggestion, accepted=True))

    @on(Button.Pressed, "#progress-dismiss")
    def _dismiss(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Answered(self, self.suggestion, accepted=False))
