"""The error view: a routine file that cannot be loaded, why, and what to do about it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from backtui.core.terminal_text import printable
from backtui.tui.widgets.key_bar import KeyBar
from backtui.tui.widgets.title_bar import TitleBar


class ErrorScreen(Screen[bool]):
    """The one-line message ``validate`` gives, for the file named as the user should read it.

    Dismisses ``True`` to retry, ``False`` to go back.
    """

    CSS_PATH = "error.tcss"
    BINDINGS = [
        Binding("r", "retry", "Retry"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, path: str, message: str, *, doing: str = "open") -> None:
        super().__init__()
        self.path = path
        self.message = message
        self.doing = doing

    def compose(self) -> ComposeResult:
        yield TitleBar("Routine error")
        with Vertical(id="error-box"):
            yield Static(f"Can't {self.doing} this routine", id="error-title")
            yield Static(Content.from_markup("[b]File[/b]  $path", path=printable(self.path)), id="error-file")
            yield Static(Content(printable(self.message)), id="error-message")
            yield Static(
                "Fix the file in your editor, then press [b]r[/b] to try again, or [b]Esc[/b] to go back.",
                id="error-help",
            )
        yield KeyBar(compact=True)

    def on_mount(self) -> None:
        self.query_one("#error-box").border_title = "Error"

    def action_retry(self) -> None:
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
