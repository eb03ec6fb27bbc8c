"""A yes/no question in a modal: ``await push_screen_wait(ConfirmScreen(...))`` gives a bool."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from backtui.core.terminal_text import printable


class ConfirmScreen(ModalScreen[bool]):
    """Ask before doing something that cannot be undone or that needs a second thought.

    ``message`` is plain text (escaped here). ``y``/Enter on the focused button answer
    yes, ``n``/Escape answer no.
    """

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 64; max-width: 95%; height: auto; max-height: 90%;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    ConfirmScreen #confirm-title { text-style: bold; color: $warning; margin-bottom: 1; }
    ConfirmScreen #confirm-message { margin-bottom: 1; }
    ConfirmScreen Horizontal { height: auto; align-horizontal: right; }
    ConfirmScreen Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n,escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, title: str, message: str, *, yes: str = "Yes", no: str = "No", danger: bool = False) -> None:
        super().__init__()
        self._title = title
        self._message = message
        self._yes = yes
        self._no = no
        self._danger = danger

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(printable(self._title)), id="confirm-title")
            yield Static(Content(printable(self._message, keep_newlines=True)), id="confirm-message")
            with Horizontal():
                yield Button(f"{self._no} (n)", id="no")
                yield Button(f"{self._yes} (y)", id="yes", variant="error" if self._danger else "primary")

    def on_mount(self) -> None:
        self.query_one("#no" if self._danger else "#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class LeaveScreen(ModalScreen[str | None]):
    """Leaving with unsaved changes: ``"save"`` (save, then leave), ``"discard"``, or ``None`` to stay.

    ``s`` saves and leaves, ``d`` discards, ``n``/Escape stays.
    """

    DEFAULT_CSS = """
    LeaveScreen { align: center middle; }
    LeaveScreen > Vertical {
        width: 64; max-width: 95%; height: auto; max-height: 90%;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    LeaveScreen #leave-title { text-style: bold; color: $warning; margin-bottom: 1; }
    LeaveScreen #leave-message { margin-bottom: 1; }
    LeaveScreen Horizontal { height: auto; align-horizontal: right; }
    LeaveScreen Button { margin-left: 2; min-width: 0; }
    """

    BINDINGS = [
        Binding("s", "answer('save')", "Save and leave", show=False),
        Binding("d", "answer('discard')", "Discard changes and leave", show=False),
        Binding("n,escape", "answer(None)", "Stay", show=False),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self._message = message

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Unsaved changes", id="leave-title")
            yield Static(Content(printable(self._message, keep_newlines=True)), id="leave-message")
            with Horizontal():
                yield Button("Stay (n)", id="stay", compact=True)
                yield Button("Discard (d)", id="discard", variant="error", compact=True)
                yield Button("Save and leave (s)", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "stay" else event.button.id)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)
