"""Ask for a routine's name (save as): a small modal with one Input."""

from __future__ import annotations

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from backtui.tui.widgets.dosage_form import text_limit

NAME_MAX = 120


class RoutineNameScreen(ModalScreen[str | None]):
    """Dismisses with the name typed (trimmed, never empty), or ``None`` on Escape/Cancel."""

    DEFAULT_CSS = """
    RoutineNameScreen { align: center middle; }
    RoutineNameScreen > Vertical {
        width: 60; max-width: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    RoutineNameScreen #name-title { text-style: bold; margin-bottom: 1; }
    RoutineNameScreen #name-error { color: $text-error; height: 1; }
    RoutineNameScreen #name-hint { color: $text-muted; }
    RoutineNameScreen #buttons { height: auto; align-horizontal: right; margin-top: 1; }
    RoutineNameScreen Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, name: str = "", *, hint: str = "") -> None:
        super().__init__()
        self._title = title
        self._initial = name
        self._hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(escape(self._title), id="name-title")
            yield Input(self._initial, placeholder="Routine name", id="name-input")
            yield Static("", id="name-error")
            if self._hint:
                yield Static(escape(self._hint), id="name-hint")
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Save", id="ok", variant="primary", compact=True)

    def _problem(self) -> str:
        value = self.query_one("#name-input", Input).value.strip()
        if not value:
            return "A routine needs a name."
        _, high = text_limit("name")
        if len(value) > min(high, NAME_MAX):
            return f"At most {min(high, NAME_MAX)} characters."
        return ""

    @on(Input.Changed)
    def _changed(self) -> None:
        problem = self._problem()
        self.query_one("#name-error", Static).update(problem)
        self.query_one("#ok", Button).disabled = bool(problem)

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        if not self._problem():
            self.dismiss(self.query_one("#name-input", Input).value.strip())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
