"""Ask for a routine's name (save as, duplicate): a small modal with one Input."""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from backtui.core.terminal_text import printable
from backtui.tui.widgets.dosage_form import text_limit

NAME_MAX = 120


class RoutineNameScreen(ModalScreen[str | None]):
    """Dismisses with the name typed (trimmed, never empty), or ``None`` on Escape/Cancel.

    An empty name is refused with a message. ``taken`` maps the names other routines
    already have (case-folded) to where they are; reusing one asks first.
    """

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

    def __init__(
        self, title: str, name: str = "", *, hint: str = "", ok: str = "Save", taken: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self._title = title
        self._initial = name
        self._hint = hint
        self._ok_label = ok
        self._taken = dict(taken or {})

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(printable(self._title)), id="name-title")
            yield Input(self._initial, placeholder="Routine name", id="name-input")
            yield Static("", id="name-error")
            if self._hint:
                yield Static(Content(printable(self._hint, keep_newlines=True)), id="name-hint")
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button(self._ok_label, id="ok", variant="primary", compact=True)

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
        self.query_one("#name-error", Static).update(self._problem())

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        problem = self._problem()
        if problem:
            self.query_one("#name-error", Static).update(problem)
            self.query_one("#name-input", Input).focus()
            return
        name = self.query_one("#name-input", Input).value.strip()
        where = self._taken.get(name.casefold())
        if where is None:
            self.dismiss(name)
            return
        from backtui.tui.screens.confirm import ConfirmScreen

        def answered(reuse: bool | None) -> None:
            if reuse:
                self.dismiss(name)
            else:
                self.query_one("#name-input", Input).focus()

        self.app.push_screen(
            ConfirmScreen(
                "Name already used",
                f"A routine called {name!r} already exists ({where}). Two routines with the same name "
                "are hard to tell apart. Use this name anyway?",
                yes="Use it",
                no="Choose another",
            ),
            answered,
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
