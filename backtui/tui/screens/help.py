"""The help screen: every key of every screen, read from the screens' own BINDINGS."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterable, Iterator

from rich.table import Table
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from backtui.tui.widgets.key_bar import KeyBar
from backtui.tui.widgets.title_bar import TitleBar

#: (heading, "module:Class" of every screen or widget whose keys it lists), in the order a
#: user meets them. Classes are imported only when the help is shown, and left out if absent.
PLACES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Everywhere", ("backtui.tui.app:BacktuiApp",)),
    ("Dashboard", ("backtui.tui.screens.dashboard:DashboardScreen",)),
    (
        "Builder",
        (
            "backtui.tui.screens.builder:BuilderScreen",
            "backtui.tui.widgets.exercise_list:SearchInput",
            "backtui.tui.widgets.exercise_list:ExerciseList",
            "backtui.tui.widgets.routine_steps:RoutineSteps",
        ),
    ),
    ("Step dosage form", ("backtui.tui.screens.step_form:StepFormScreen",)),
    ("Save as", ("backtui.tui.screens.routine_name:RoutineNameScreen",)),
    (
        "Check-in",
        (
            "backtui.tui.screens.checkin:CheckInScreen",
            "backtui.tui.screens.checkin:AreaBox",
            "backtui.tui.widgets.pain_scale:PainScale",
        ),
    ),
    ("Runner", ("backtui.tui.screens.runner:RunnerScreen",)),
    ("History", ("backtui.tui.screens.history:HistoryScreen", "backtui.tui.screens.history:SessionScreen")),
    ("Export", ("backtui.tui.screens.export:ExportScreen",)),
    ("Plugins", ("backtui.tui.screens.plugins:PluginsScreen",)),
    ("Avoid list", ("backtui.tui.screens.avoid:AvoidScreen",)),
    ("Routine error", ("backtui.tui.screens.error:ErrorScreen",)),
    ("Questions", ("backtui.tui.screens.confirm:ConfirmScreen",)),
    ("Help", ("backtui.tui.screens.help:HelpScreen",)),
)

#: Keys every list, form and scroll area has, which no BINDINGS of ours declares.
MOVING = (
    ("↑ ↓ PgUp PgDn", "move in a list or scroll"),
    ("tab shift+tab", "next / previous area"),
    ("mouse", "click, scroll and select work too"),
)


def own_bindings(cls: type) -> list[BindingType]:
    """BINDINGS declared by ``cls`` and its backtui base classes (not Textual's own)."""
    found: list[BindingType] = []
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("backtui.") and "BINDINGS" in vars(klass):
            found.extend(vars(klass)["BINDINGS"])
    return found


def key_rows(app: App[object], bindings: Iterable[BindingType]) -> Iterator[tuple[str, str]]:
    """(keys, what they do), one row per description: keys that do the same thing share a row.

    A binding's tooltip, when it has one, is the longer form of the footer's short description.
    """
    rows: dict[str, list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        description = binding.tooltip or binding.description or binding.action.replace("_", " ")
        keys = rows.setdefault(description, [])
        # Each key as itself: a key_display stands for a whole group of keys in the footer.
        key = app.get_key_display(dataclasses.replace(binding, key_display=None))
        if key not in keys:
            keys.append(key)
    for description, keys in rows.items():
        yield _join_keys(keys), description


def _join_keys(keys: list[str]) -> str:
    """Keys for one row; a run of three or more digits reads as a range ("0–9")."""
    if len(keys) >= 3 and all(k.isdigit() and len(k) == 1 for k in keys):
        numbers = sorted(int(k) for k in keys)
        if numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"{numbers[0]}–{numbers[-1]}"
    return " ".join(keys)


def places() -> Iterator[tuple[str, list[type]]]:
    """(heading, the classes whose keys it lists), skipping any class this build lacks."""
    for heading, names in PLACES:
        classes = []
        for name in names:
            module_name, class_name = name.split(":")
            try:
                module = importlib.import_module(module_name)
            except ImportError:
                continue  # a screen not installed in this build has no keys to list
            cls = getattr(module, class_name, None)
            if isinstance(cls, type):
                classes.append(cls)
        if classes:
            yield heading, classes


class HelpScreen(Screen[None]):
    CSS_PATH = "help.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [Binding("escape,q,question_mark,f1", "back", "Close help")]

    def compose(self) -> ComposeResult:
        yield TitleBar("Help")
        with VerticalScroll(id="help-body"):
            yield Static(
                "backtui paces exercises the sources describe. Stop if pain increases, and see a "
                "healthcare professional if it is severe or lasts.",
                id="help-intro",
            )
            sections: list[tuple[int, Table]] = []
            for heading, classes in places():
                # dict.fromkeys drops a row two widgets of one screen both declare (↑ in the search and the list)
                rows = list(dict.fromkeys(row for cls in classes for row in key_rows(self.app, own_bindings(cls))))
                if heading == "Everywhere":
                    rows.extend(MOVING)
                if rows:
                    sections.append((len(rows) + 2, self._table(heading, rows)))
            # Two columns on wide terminals (one below the other when narrow), split near half the lines.
            total, running, split = sum(n for n, _ in sections), 0, len(sections)
            for index, (lines, _) in enumerate(sections):
                if running >= total / 2:
                    split = index
                    break
                running += lines
            with Horizontal(id="help-columns"):
                for part in (sections[:split], sections[split:]):
                    with Vertical(classes="help-column"):
                        for _, table in part:
                            yield Static(table, classes="help-section")
        yield KeyBar(compact=True)

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = "Keys"

    @staticmethod
    def _table(heading: str, rows: list[tuple[str, str]]) -> Table:
        table = Table(
            title=heading, title_justify="left", title_style="bold", show_header=False, box=None, expand=False
        )
        table.add_column("keys", style="bold cyan", width=16, no_wrap=True)
        table.add_column("does")
        for keys, description in rows:
            table.add_row(keys, description)
        return table

    def action_back(self) -> None:
        self.dismiss(None)
