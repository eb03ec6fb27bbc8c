"""The dashboard: the routines on disk, the selected one's steps and safety notes, and the actions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

import msgspec
from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from backtui.core.routine import Routine
from backtui.core.routine_files import RoutineEntry, list_routines, save_routine, user_path_for
from backtui.tui.formatting import clock, display_path, dosage_summary, plural, relocate_message, spoken
from backtui.tui.widgets.history_panel import HistoryPanel
from backtui.tui.widgets.key_bar import KeyBar
from backtui.tui.widgets.routine_list import RoutineList
from backtui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from backtui.core.library import Library
    from backtui.tui.app import BacktuiApp

FIRST_ROUTINE = "Press c to create your first routine"
WELCOME = (
    "Welcome to backtui.\n\n"
    "A routine is a list of exercises from the library, each with its sets, reps, holds and rests. "
    "Press [b]c[/b] to create your first one; the builder shows every exercise the sources describe. "
    "Routines are saved as TOML files in your folder, so you can read, copy and share them.\n\n"
    "Press [b]P[/b] to see the exercise sources, [b]a[/b] for the exercises they advise against, "
    "and [b]?[/b] for every key."
)
NO_SOURCES = "No exercise sources are loaded, so the library is empty. Press P to see why and how to install one."
NO_EXERCISES = "The loaded sources provide no exercises, so the library is empty. Press P to see them."
NO_HISTORY = "No sessions yet"
MAX_NAME = 120


def steps_table(routine: Routine, library: Library) -> Table:
    """The routine's steps: name and source, dosage, and a line for a missing or avoided exercise."""
    from backtui.core.timeline import resolve_all

    table = Table(box=None, expand=True, show_header=False, show_edge=False, pad_edge=False)
    table.add_column("#", justify="right", style="dim", width=3)
    table.add_column("Step", ratio=1)
    for step, resolved in zip(routine.steps, resolve_all(routine, library), strict=True):
        exercise = library.get(step.exercise) if step.exercise else None
        cell = Text()
        cell.append(resolved.name, style="bold")
        if exercise is not None:
            cell.append(f"  {exercise.source_id}", style="dim")
        elif not resolved.missing:
            cell.append("  custom step", style="dim")
        cell.append(f"\n{dosage_summary(resolved)}")
        if resolved.missing:
            source, _, slug = (step.exercise or "").partition(":")
            if source in library.sources:
                problem = f"{library.sources[source].title} has no exercise {slug!r}"
            else:
                problem = f"not in the library: is the {source!r} plugin installed?"
            cell.append(f"\n⚠ {problem}", style="bold red")
        for match in library.avoid_matches(exercise if exercise is not None else resolved.name):
            cell.append(f"\n⚠ on {match.source.title}'s avoid list: {match.avoid.reason}", style="yellow")
        table.add_row(f"{resolved.index + 1}.", cell)
        table.add_row("", "")
    return table


def safety_notes(routine: Routine, library: Library) -> RenderableType:
    """The safety notes of every source the routine's steps come from, in step order."""
    used: list[str] = []
    for step in routine.steps:
        exercise = library.get(step.exercise) if step.exercise else None
        if exercise is not None and exercise.source_id not in used:
            used.append(exercise.source_id)
    text = Text()
    for source_id in used:
        source = library.sources[source_id]
        if not source.safety_notes:
            continue
        if text:
            text.append("\n")
        text.append(source.title, style="bold")
        for note in source.safety_notes:
            text.append(f"\n • {note}")
    if not text:
        text.append("Stop if pain increases, and see a healthcare professional if it is severe or lasts.")
    return text


class DashboardScreen(Screen[None]):
    CSS_PATH = "dashboard.tcss"
    #: Wide terminals show the safety notes in their own column beside the steps.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    # Start with the narrow class so an 80-column first frame isn't styled twice.
    DEFAULT_CLASSES = "-narrow"
    BINDINGS = [
        Binding("enter,r", "run", "Run", key_display="r"),
        Binding("e", "edit", "Edit"),
        Binding("c,n", "new", "New", key_display="c"),
        Binding("d", "duplicate", "Duplicate"),
        Binding("x,delete", "delete", "Delete", key_display="x"),
        Binding("P", "plugins", "Plugins"),
        Binding("h", "history", "History"),
        Binding("a", "avoid", "Avoid list", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[RoutineEntry] = []
        self.totals: dict[Path, int] = {}
        self._resumed = False
        #: The entry the detail shows (``False`` before the first showing), so the highlight
        #: message that follows a refresh doesn't draw the same detail twice.
        self._shown: RoutineEntry | bool | None = False

    @property
    def backtui(self) -> BacktuiApp:
        return cast("BacktuiApp", self.app)

    def compose(self) -> ComposeResult:
        yield TitleBar("Dashboard")
        yield Static(NO_SOURCES, id="dash-banner")
        with Horizontal(id="dash-body"):
            with Vertical(id="routines-pane"):
                yield RoutineList(id="routine-list")
            with VerticalScroll(id="detail-area"):
                with VerticalScroll(id="detail-pane"):
                    yield Static(id="detail")
                with VerticalScroll(id="notes-pane"):
                    yield Static("Safety notes", id="notes-heading")
                    yield Static(id="notes")
        with Vertical(id="history-panel"):
            # a placeholder line: the store is opened once the first frame is up (after_first_frame)
            yield HistoryPanel(None, pending=True, compact=True, id="history")
        yield KeyBar(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#routines-pane").border_title = "Routines"
        self.query_one("#notes-pane").border_title = "Safety notes"
        self.refresh_routines()
        self.query_one("#routine-list", OptionList).focus()
        # The history opens and the plugins load after the first frame is up, so the routines show at once.
        self.call_after_refresh(self.after_first_frame)

    async def after_first_frame(self) -> None:
        """Open the session history (creating or migrating the file) and fill in its panel; start loading plugins.

        The history first: the plugins load in a thread, which would slow this down.
        """
        opened = self.backtui.history
        await self.query_one(HistoryPanel).open(opened.history, unavailable=opened.error)
        self.backtui.load_library_in_background()

    def action_history(self) -> None:
        from backtui.tui.screens.history import HistoryScreen

        opened = self.backtui.history
        self.app.push_screen(HistoryScreen(opened.history, unavailable=opened.error))

    def on_resize(self) -> None:
        # the full history panel when there is room for it, one line (and any warning) when not
        self.query_one(HistoryPanel).compact = self.size.height < 40

    def on_screen_resume(self) -> None:
        self.query_one(HistoryPanel).refresh_data()  # a session may have just been recorded
        # Back from another screen: files may have been saved, fixed or deleted meanwhile.
        if self._resumed:
            self.refresh_routines()
        self._resumed = True  # the first resume is the first showing; on_mount has just listed them

    # -- data ---------------------------------------------------------------------------------

    def refresh_routines(self, select: Path | None = None) -> None:
        """Re-read the routine folders; keep (or move) the highlight on ``select`` or the current one."""
        current = self.selected
        keep = select or (current.path if current else None)
        self.entries = list_routines()
        self.totals = self._plan_totals()
        banner = self.query_one("#dash-banner", Static)
        library = self.backtui.library
        banner.display = library is not None and not library.exercises
        if library is not None:
            banner.update(NO_EXERCISES if library.sources else NO_SOURCES)
        option_list = self.query_one("#routine-list", OptionList)
        option_list.clear_options()
        option_list.add_options(self._options())
        wanted = str(keep) if keep is not None else None
        target = next((i for i, o in enumerate(option_list.options) if wanted and o.id == wanted), None)
        if target is None:
            target = next((i for i, o in enumerate(option_list.options) if not o.disabled), None)
        option_list.highlighted = target
        self.show_detail()

    def library_changed(self) -> None:
        """The library finished loading: fill in totals, steps and warnings."""
        self.refresh_routines()

    @property
    def library(self) -> Library:
        if self.backtui.library is None:
            from backtui.core.library import Library

            return Library()
        return self.backtui.library

    def _plan_totals(self) -> dict[Path, int]:
        if not self.backtui.library_loaded:
            return {}
        from backtui.core.timeline import plan, total_seconds

        return {e.path: total_seconds(plan(e.routine, self.library)) for e in self.entries if e.routine is not None}

    def _options(self) -> list[Option]:
        bundled = [e for e in self.entries if e.bundled]
        mine = [e for e in self.entries if not e.bundled]
        options: list[Option] = []
        if bundled:
            options.append(Option(Text("Bundled", style="bold"), disabled=True))
            options.extend(self._option(e) for e in bundled)
        options.append(Option(Text("Your routines", style="bold"), disabled=True))
        if mine:
            options.extend(self._option(e) for e in mine)
        else:
            options.append(Option(Text(FIRST_ROUTINE, style="italic"), id="first-routine", disabled=True))
        return options

    def _option(self, entry: RoutineEntry) -> Option:
        text = Text()
        if entry.routine is None:
            text.append("✗ ", style="bold red")
            text.append(entry.path.name)
            text.append("\n  can't be loaded", style="red")
            return Option(text, id=str(entry.path))
        text.append(entry.routine.name)
        total = self.totals.get(entry.path)
        when = clock(total) if total is not None else "…"
        text.append(f"\n  {plural(len(entry.routine.steps), 'step')} · {when}", style="dim")
        return Option(text, id=str(entry.path))

    @property
    def selected(self) -> RoutineEntry | None:
        option_list = self.query_one("#routine-list", OptionList)
        if option_list.highlighted is None:
            return None
        option = option_list.get_option_at_index(option_list.highlighted)
        return next((e for e in self.entries if str(e.path) == option.id), None)

    # -- detail ---------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#routine-list")
    def _highlighted(self) -> None:
        if self.selected is not self._shown:  # refresh_routines has already shown it
            self.show_detail()

    @on(OptionList.OptionSelected, "#routine-list")
    def _chosen(self) -> None:
        self.action_run()

    def show_detail(self) -> None:
        entry = self._shown = self.selected
        area = self.query_one("#detail-area")
        detail = self.query_one("#detail", Static)
        notes: RenderableType | None = None
        if entry is None:
            title = "Welcome"
            detail.update(WELCOME)
        elif entry.routine is None:
            title = "Broken routine file"
            detail.update(self._broken_detail(entry))
        else:
            title = escape(entry.routine.name)
            detail.update(self._routine_detail(entry, entry.routine))
            if entry.routine.steps and self.backtui.library_loaded:
                notes = safety_notes(entry.routine, self.library)
        routine = entry.routine if entry is not None else None
        library = self.backtui.library  # None until the plugins load: no sources yet, and no import of them
        if routine is not None and library is not None:
            from backtui.core.progress import routine_sources

            self.query_one(HistoryPanel).set_sources(
                routine_sources((step.exercise for step in routine.steps), library.sources)
            )
        else:
            self.query_one(HistoryPanel).set_sources(())
        area.set_class(entry is not None and entry.routine is None, "-broken")
        area.set_class(notes is None, "-no-notes")
        self.query_one("#notes", Static).update(notes or "")
        for pane in (area, self.query_one("#detail-pane")):
            pane.border_title = title
            pane.scroll_home(animate=False)

    def _broken_detail(self, entry: RoutineEntry) -> RenderableType:
        text = Text()
        text.append("This file can't be loaded:\n\n", style="bold")
        text.append(relocate_message(entry.error, entry.path), style="red")
        text.append("\n\nFix it in your editor, then press r to try it again")
        text.append("." if entry.bundled else ", or press x to delete it.")
        return text

    def _routine_detail(self, entry: RoutineEntry, routine: Routine) -> RenderableType:
        meta = Text(style="dim")
        meta.append("bundled, read-only" if entry.bundled else "yours")
        meta.append(f" · {entry.path.name} · {plural(len(routine.steps), 'step')}")
        total = self.totals.get(entry.path)
        if total is not None:
            meta.append(f" · {spoken(total)}")
        parts: list[RenderableType] = [meta]
        if routine.description:
            parts.append(Text(routine.description, style="italic"))
        parts.append(Text(""))
        if not routine.steps:
            parts.append(Text("No steps yet. Press e to add exercises from the library."))
        elif not self.backtui.library_loaded:
            parts.append(Text("Loading the exercise sources…", style="dim"))
        else:
            parts.append(steps_table(routine, self.library))
        return Group(*parts)

    # -- actions ----------------------------------------------------------------------------------

    def _need_selection(self) -> RoutineEntry | None:
        entry = self.selected
        if entry is None:
            self.notify(f"No routine selected. {FIRST_ROUTINE}.", severity="warning")
        return entry

    def action_run(self) -> None:
        if entry := self._need_selection():
            self.backtui.open_runner(entry.path)

    def action_edit(self) -> None:
        if entry := self._need_selection():
            self.backtui.open_builder(entry.path)

    def action_new(self) -> None:
        self.backtui.open_builder(None, new=True)

    def action_duplicate(self) -> None:
        entry = self._need_selection()
        if entry is None:
            return
        if entry.routine is None:
            self.notify("This file doesn't load, so there is nothing to copy. Fix it first.", severity="error")
            return
        name = f"{entry.routine.name} (copy)"[:MAX_NAME]
        path = user_path_for(name)
        try:
            save_routine(msgspec.structs.replace(entry.routine, name=name), path)
        except OSError as exc:
            self.notify(escape(f"Couldn't save the copy to {path}: {exc.strerror or exc}"), severity="error")
            return
        self.refresh_routines(select=path)
        self.notify(escape(f"Copied to your routines as {name!r} ({path.name})."))

    def action_delete(self) -> None:
        entry = self._need_selection()
        if entry is None:
            return
        if entry.bundled:
            self.notify("Bundled routines can't be deleted. Press d to copy one into your folder.", severity="warning")
            return
        from backtui.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(entry.path)

        self.app.push_screen(
            ConfirmScreen(
                "Delete this routine?",
                f"{entry.title} ({display_path(entry.path)}) will be deleted. This cannot be undone.",
                yes="Delete",
                danger=True,
            ),
            answered,
        )

    def _delete(self, path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            self.notify(escape(f"Couldn't delete {path}: {exc.strerror or exc}"), severity="error")
            return
        self.refresh_routines()
        self.notify(escape(f"Deleted {path.name}."))

    def action_plugins(self) -> None:
        self.backtui.action_plugins()

    def action_avoid(self) -> None:
        self.backtui.action_avoid()

    def action_quit(self) -> None:
        self.app.exit(0)
