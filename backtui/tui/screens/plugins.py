"""The plugins view: every plugin, where it comes from, what it gave, or why it failed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from backtui.core.cues import CueProblem
from backtui.core.plugins import PluginRecord
from backtui.core.terminal_text import printable
from backtui.tui.formatting import plural
from backtui.tui.widgets.key_bar import KeyBar
from backtui.tui.widgets.title_bar import TitleBar

DOCS_POINTER = "Write a source of your own: docs/plugins.md explains how (backtui new-plugin NAME scaffolds one)."
NO_PLUGINS = (
    "No exercise sources are loaded, so the library is empty.\n"
    "From a clone, `uv sync` installs the five bundled sources; any other backtui plugin installs "
    "with pip into the same environment. If you set BACKTUI_LOAD_PLUGINS or BACKTUI_DISABLE_PLUGINS, "
    "check that they name the plugins you want."
)


def plugin_card(record: PluginRecord, cue_problem: CueProblem | None = None) -> Text:
    """A few lines about one plugin, in the order a person checks them."""
    text = Text()
    if record.ok and record.source is not None:
        text.append("✓ ", style="bold green")
        text.append(printable(record.source.id), style="bold")
        text.append(f"  {printable(record.source.title)}")
        if record.gives_cues:
            text.append("  and cues")
    elif record.ok:
        text.append("✓ ", style="bold green")
        text.append(printable(record.name), style="bold")
        text.append("  cues (announces phases while a routine runs)")
    else:
        text.append("✗ ", style="bold red")
        text.append(printable(record.name), style="bold")
        text.append("  failed to load", style="red")
    origin = record.distribution or "no distribution"
    if record.version:
        origin += f" {record.version}"
    text.append("\n  ")
    text.append(printable(origin), style="dim")
    if record.ok and record.source is not None:
        text.append(f" · {plural(len(record.exercises), 'exercise')} · {len(record.avoid)} to avoid", style="dim")
    if record.name and record.source is not None and record.name != record.source.id:
        text.append(f" · plugin {printable(record.name)}", style="dim")
    text.append("\n  ")
    text.append(printable(record.location or "location unknown"), style="dim italic")
    if record.error:
        text.append("\n  ")
        text.append(printable(f"error: {record.error}", keep_newlines=True), style="red")
    for warning in record.warnings:
        text.append("\n  ")
        text.append(printable(f"warning: {warning}", keep_newlines=True), style="yellow")
    if cue_problem is not None:
        text.append("\n  ")
        style = "yellow" if cue_problem.notice else "red"
        label = "cues off" if cue_problem.notice else "cue error"
        text.append(printable(f"{label}: {cue_problem.message}", keep_newlines=True), style=style)
    return text


class PluginsScreen(Screen[None]):
    """Lists every plugin record the app loaded."""

    CSS_PATH = "plugins.tcss"
    BINDINGS = [Binding("escape,q", "back", "Back")]

    def __init__(
        self,
        records: Sequence[PluginRecord],
        *,
        error: str = "",
        cue_problems: Mapping[str, CueProblem] | None = None,
    ) -> None:
        """``error``: why loading stopped altogether (``BACKTUI_STRICT_PLUGINS``), if it did;
        ``cue_problems``: cue plugins that failed or stalled while a routine ran, by plugin name."""
        super().__init__()
        self.records = tuple(records)
        self.error = error
        self.cue_problems = dict(cue_problems or {})

    def compose(self) -> ComposeResult:
        yield TitleBar("Plugins")
        with VerticalScroll(id="plugins-list"):
            yield Static(self._summary(), id="plugins-summary")
            if self.error:
                yield Static(
                    Text(printable(f"Loading stopped: {self.error}", keep_newlines=True), style="bold red"),
                    id="plugins-error",
                )
            if not self.records:
                yield Static(NO_PLUGINS, id="plugins-empty")
            for record in self.records:
                problem = self.cue_problems.get(record.name)
                card = Static(plugin_card(record, problem), classes="plugin-card")
                if not record.ok or (problem is not None and not problem.notice):
                    card.add_class("-failed")
                yield card
            yield Static(DOCS_POINTER, id="plugins-docs")
        yield KeyBar(compact=True)

    def on_mount(self) -> None:
        self.query_one("#plugins-list").border_title = "Exercise sources"

    def _summary(self) -> str:
        ok = [r for r in self.records if r.ok]
        exercises = sum(len(r.exercises) for r in ok)
        avoid = sum(len(r.avoid) for r in ok)
        failed = len(self.records) - len(ok)
        line = f"{len(ok)} of {plural(len(self.records), 'plugin')} loaded · {plural(exercises, 'exercise')} · "
        line += f"{avoid} to avoid"
        if failed:
            line += f" · [b red]{failed} failed[/]"
        return line

    def action_back(self) -> None:
        self.dismiss(None)
