"""The avoid list: every exercise a loaded source says not to do, with its reason."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from backtui.core.library import Library
from backtui.core.model import Avoid
from backtui.core.terminal_text import printable
from backtui.tui.formatting import plural
from backtui.tui.widgets.key_bar import KeyBar
from backtui.tui.widgets.title_bar import TitleBar

EMPTY = "None of the loaded sources lists exercises to avoid."


def avoid_card(item: Avoid, source_title: str) -> Text:
    text = Text()
    text.append("⚠ ", style="bold yellow")
    text.append(printable(item.name), style="bold")
    text.append(f"  {printable(source_title)}", style="dim")
    if item.aliases:
        text.append(f"\n  also called {printable(', '.join(item.aliases))}", style="dim italic")
    text.append(f"\n  {printable(item.reason, keep_newlines=True)}")
    return text


class AvoidScreen(Screen[None]):
    """Read-only; the builder pushes it too."""

    CSS_PATH = "avoid.tcss"
    BINDINGS = [Binding("escape,q", "back", "Back")]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        items = list(self.library.avoid.values())
        yield TitleBar("Avoid list")
        with VerticalScroll(id="avoid-list"):
            if not items:
                yield Static(EMPTY, id="avoid-empty")
            else:
                sources = len({i.source_id for i in items})
                yield Static(
                    f"The sources advise against {plural(len(items), 'exercise')} "
                    f"({plural(sources, 'source')}). Adding one to a routine asks you first.",
                    id="avoid-summary",
                )
            for item in items:
                source = self.library.sources.get(item.source_id)
                yield Static(avoid_card(item, source.title if source else item.source_id), classes="avoid-card")
        yield KeyBar(compact=True)

    def on_mount(self) -> None:
        self.query_one("#avoid-list").border_title = "Exercises to avoid"

    def action_back(self) -> None:
        self.dismiss(None)
