"""The dashboard: the routines on disk, the selected one's steps and safety notes, and the actions."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from backtui.core import paths, routine_index
from backtui.core.routine_index import RoutineSummary
from backtui.core.terminal_text import printable
from backtui.tui.formatting import clock, display_path, dosage_summary, plural, relocate_message, spoken
from backtui.tui.notices import tell
from backtui.tui.widgets.key_bar import KeyBar
from backtui.tui.widgets.routine_list import RoutineList
from backtui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from backtui.core.library import Library
    from backtui.core.model import Source
    from backtui.core.progression import Suggestion
    from backtui.core.routine import Routine
    from backtui.tui.app import BacktuiApp
    from backtui.tui.widgets.history_panel import HistoryPanel
    from backtui.tui.widgets.progression_offer import ProgressionOffer

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
#: Below this height the history panel is one line (and any warning), leaving the room to the routines.
COMPACT_HISTORY_BELOW = 40
#: How often the dashboard looks for routine files added, changed or removed by hand (a stat of two folders).
WATCH_FOLDERS_S = 2.0


def steps_table(routine: Routine, library: Library) -> Table:
    """The routine's steps: name and source, dosage, and a line for a missing or avoided exercise."""
    from backtui.core.timeline import resolve_all

    table = Table(box=None, expand=True, show_header=False, show_edge=False, pad_edge=False)
    table.add_column("#", justify="right", style="dim", width=3)
    table.add_column("Step", ratio=1)
    for step, resolved in zip(routine.steps, resolve_all(routine, library), strict=True):
        exercise = library.get(step.exercise) if step.exercise else None
        cell = Text()
        cell.append(printable(resolved.name), style="bold")
        if exercise is not None:
            cell.append(f"  {printable(exercise.source_id)}", style="dim")
        elif not resolved.missing:
            cell.append("  custom step", style="dim")
        cell.append(f"\n{dosage_summary(resolved)}")
        if resolved.missing:
            source, _, slug = (step.exercise or "").partition(":")
            if source in library.sources:
                problem = f"{library.sources[source].title} has no exercise {slug!r}"
            else:
                problem = f"not in the library: is the {source!r} plugin installed?"
            cell.append(f"\n⚠ {printable(problem)}", style="bold red")
        for match in library.avoid_matches(exercise if exercise is not None else resolved.name):
            cell.append(
                printable(f"\n⚠ on the avoid list in {match.source.title}: {match.avoid.reason}", keep_newlines=True),
                style="yellow",
            )
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
        text.append(printable(source.title), style="bold")
        for note in source.safety_notes:
            text.append(f"\n • {printable(note)}")
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
        Binding("o", "export", "Export", show=False),
        Binding("a", "avoid", "Avoid list", show=False),
        Binding(
            "g", "step_up", "Step up", tooltip="Go to the offer of a step up: Enter takes it, Tab then Enter dismisses"
        ),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        #: The routine files as listed: bundled first, then the user's, each by file name.
        self.entries: list[RoutineSummary] = []
        #: The routines that load, by path: empty while the list comes from the saved summary (the first frame).
        self.routines: dict[Path, Routine] = {}
        self.totals: dict[Path, int] = {}
        #: True while the list comes from the saved summary, before the files are read in full.
        self.listed_from_summary = False
        #: What the saved summary holds, as (folders' state, entries), so an unchanged listing isn't saved again.
        self._saved: tuple[routine_index.State, list[RoutineSummary]] | None = None
        self._resumed = False
        #: The folders' files (names, sizes, times) when they were last listed; see ``check_folders``.
        self._listed_state: routine_index.State | None = None
        #: The entry the detail shows (``False`` before the first showing), so the highlight
        #: message that follows a refresh doesn't draw the same detail twice.
        self._shown: RoutineSummary | bool | None = False

    @property
    def backtui(self) -> BacktuiApp:
        return cast("BacktuiApp", self.app)

    def compose(self) -> ComposeResult:
        yield TitleBar("Dashboard")
        # The safety notes (under the steps when narrow, in their own column when wide) and the
        # no-sources banner go in after the first frame: there is no library to fill them before.
        with Horizontal(id="dash-body", classes="-no-notes"):
            yield RoutineList(id="routine-list")
            with VerticalScroll(id="detail-pane"):
                yield Static(id="detail")
        yield KeyBar(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#routine-list").border_title = "Routines"
        self.refresh_routines(quick=True)
        self.query_one("#routine-list", OptionList).focus()
        # The files are read, the history opens and the plugins load after the first frame is up.
        self.call_after_refresh(self.after_first_frame)

    async def after_first_frame(self) -> None:
        """Put in the widgets that had nothing to show yet (safety notes, banner); read the routine
        files if the first frame listed them from the saved summary; open the session history
        (creating or migrating the file) and put its panel in; start loading plugins.

        The history before the plugins: they load in a thread, which would slow this down.
        The panel (its module, styles and SQLite) is not needed for the first frame.
        """
        from backtui.tui.widgets.history_panel import HistoryPanel

        if not self.is_attached:
            return  # the app quit before its first frame was up
        notes_pane = VerticalScroll(Static(id="notes"), id="notes-pane")
        notes_pane.border_title = "Safety notes"
        await self.query_one("#detail-pane").mount(Static(id="notes-inline"))
        await self.query_one("#dash-body").mount(notes_pane)
        await self.mount(Static(NO_SOURCES, id="dash-banner"), after=self.query_one(TitleBar))
        if self.listed_from_summary:
            self.refresh_routines()
        else:  # fill in the widgets just put in
            self._show_banner()
            self.show_detail()
        opened = self.backtui.history
        panel = HistoryPanel(
            opened.history,
            unavailable=opened.error,
            sources=self._sources(self.selected),
            compact=self.size.height < COMPACT_HISTORY_BELOW,
            id="history",
        )
        body = self.query_one("#dash-body")
        await self.mount(panel, after=body)
        body.styles.margin = 0  # the line the body kept free for the panel
        self.backtui.load_library_in_background()
        self.set_interval(WATCH_FOLDERS_S, self.check_folders)

    def check_folders(self) -> None:
        """List the routines again if a file was added, changed or removed since they were listed.

        Only while the dashboard is showing: coming back to it lists them anyway.
        """
        if not self.is_current or self._listed_state is None:
            return
        now = routine_index.state(paths.bundled_routines_dir(), paths.user_routines_dir())
        if now != self._listed_state:
            self.refresh_routines()

    def history_panel(self) -> HistoryPanel | None:
        """The history panel, or ``None`` before the first frame has put it in (its module isn't imported till then)."""
        panels = self.query("#history")
        return cast("HistoryPanel", panels.first()) if panels else None

    def action_history(self) -> None:
        from backtui.tui.screens.history import HistoryScreen

        opened = self.backtui.history
        self.app.push_screen(HistoryScreen(opened.history, unavailable=opened.error))

    def on_resize(self) -> None:
        # the full history panel when there is room for it, one line (and any warning) when not
        if panel := self.history_panel():
            panel.compact = self.size.height < COMPACT_HISTORY_BELOW

    def on_screen_resume(self) -> None:
        if panel := self.history_panel():
            panel.refresh_data()  # a session may have just been recorded
        # Back from another screen: files may have been saved, fixed or deleted meanwhile.
        if self._resumed:
            self.refresh_routines()
        self._resumed = True  # the first resume is the first showing; on_mount has just listed them

    # -- data ---------------------------------------------------------------------------------

    def refresh_routines(self, select: Path | None = None, *, quick: bool = False) -> None:
        """Re-read the routine folders; keep (or move) the highlight on ``select`` or the current one.

        ``quick`` (the first frame): list them from the saved summary if no file has
        changed since it was saved; ``after_first_frame`` then reads them in full.
        """
        current = self.selected
        keep = select or (current.path if current else None)
        self._list(quick)
        self.totals = self._plan_totals()
        self._show_banner()
        option_list = self.query_one("#routine-list", OptionList)
        option_list.clear_options()
        option_list.add_options(self._options())
        wanted = str(keep) if keep is not None else None
        target = next((i for i, o in enumerate(option_list.options) if wanted and o.id == wanted), None)
        if target is None:
            target = next((i for i, o in enumerate(option_list.options) if not o.disabled), None)
        option_list.highlighted = target
        self.show_detail()

    def _show_banner(self) -> None:
        """Say so when the library is empty (the banner is in place once the first frame is up)."""
        library = self.backtui.library
        for banner in self.query("#dash-banner").results(Static):
            banner.display = library is not None and not library.exercises
            if library is not None:
                banner.update(NO_EXERCISES if library.sources else NO_SOURCES)

    def _list(self, quick: bool) -> None:
        bundled_dir = paths.bundled_routines_dir()
        try:
            user_dir = paths.user_routines_dir()
        except paths.UnusableHome:  # the history panel says why; list the bundled routines alone
            user_dir = Path(os.devnull) / "routines"  # never a folder, so nothing is listed or written there
        before = routine_index.state(bundled_dir, user_dir)  # taken before reading: see routine_index.write
        self._listed_state = before
        if quick and (summaries := routine_index.read(before)) is not None:
            self.entries, self.routines = summaries, {}
            self._saved = (before, summaries)
            self.listed_from_summary = True
            return
        from backtui.core.routine_files import list_routines

        listed = list_routines(bundled_dir, user_dir)
        self.entries = [entry.summary() for entry in listed]
        self.routines = {entry.path: entry.routine for entry in listed if entry.routine is not None}
        self.listed_from_summary = False
        if self._saved != (before, self.entries):
            routine_index.write(self.entries, before)
            self._saved = (before, self.entries)

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

        return {path: total_seconds(plan(routine, self.library)) for path, routine in self.routines.items()}

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

    def _option(self, entry: RoutineSummary) -> Option:
        text = Text()
        if entry.error:
            text.append("✗ ", style="bold red")
            text.append(printable(entry.path.name))
            text.append("\n  can't be loaded", style="red")
            return Option(text, id=str(entry.path))
        text.append(printable(entry.name))
        total = self.totals.get(entry.path)
        when = clock(total) if total is not None else "…"
        text.append(f"\n  {plural(entry.steps, 'step')} · {when}", style="dim")
        return Option(text, id=str(entry.path))

    @property
    def selected(self) -> RoutineSummary | None:
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
        pane = self.query_one("#detail-pane")
        detail = self.query_one("#detail", Static)
        notes: RenderableType | None = None
        if entry is None:
            title: str | Content = "Welcome"
            detail.update(WELCOME)
        elif entry.error:
            title = "Broken routine file"
            detail.update(self._broken_detail(entry))
        else:
            title = Content(printable(entry.name))
            routine = self.routines.get(entry.path)
            detail.update(self._routine_detail(entry, routine))
            if routine is not None and routine.steps and self.backtui.library_loaded:
                notes = safety_notes(routine, self.library)
        if panel := self.history_panel():
            panel.set_sources(self._sources(entry))
        self._show_offer(entry)
        body = self.query_one("#dash-body")
        body.set_class(entry is not None and bool(entry.error), "-broken")
        body.set_class(notes is None, "-no-notes")
        inline = Group(Text("Safety notes", style="bold underline"), notes) if notes is not None else ""
        for widget, content in (("#notes", notes or ""), ("#notes-inline", inline)):
            for static in self.query(widget).results(Static):  # in place once the first frame is up
                static.update(content)
        pane.border_title = title
        pane.scroll_home(animate=False)
        for notes_pane in self.query("#notes-pane"):
            notes_pane.scroll_home(animate=False)

    # -- progression ------------------------------------------------------------------------------

    def suggestion_for(self, entry: RoutineSummary | None) -> Suggestion | None:
        """One step up within the article's range for the routine, when its sessions have gone well."""
        opened = self.backtui.history
        routine = self.routines.get(entry.path) if entry is not None else None
        if entry is None or routine is None or opened.history is None or not self.backtui.library_loaded:
            return None
        from backtui.core import progression
        from backtui.core.history import HistoryUnavailable

        try:
            sessions = opened.history.sessions(limit=200, newest_first=True)
        except HistoryUnavailable:
            return None  # the history panel already says why
        own = progression.of_routine(sessions, entry.path)
        return progression.suggest(routine, self.library, str(entry.path), own, progression.answered())

    def _show_offer(self, entry: RoutineSummary | None) -> None:
        """Put the offer above the steps when there is one for ``entry``; take any old one away."""
        suggestion = self.suggestion_for(entry)
        for old in self.query(".progress-offer"):
            if suggestion is not None and getattr(old, "suggestion", None) == suggestion:
                return
            old.remove()
        self.call_after_refresh(self.refresh_bindings)  # "Step up" is on the key bar only with an offer
        if suggestion is None:
            return
        from backtui.tui.widgets.progression_offer import ProgressionOffer

        offer = ProgressionOffer(suggestion, classes="progress-offer")
        self.query_one("#detail-pane").mount(offer, before="#detail")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_up":
            return bool(self.query(".progress-offer"))
        return True

    def action_step_up(self) -> None:
        """Focus the offer's "Take it" button and bring the offer into view."""
        for button in self.query("#progress-accept"):
            button.focus()
            button.scroll_visible(animate=False)

    def on_progression_offer_answered(self, message: ProgressionOffer.Answered) -> None:
        from backtui.core import progression
        from backtui.core.tomlfile import DataError

        suggestion = message.suggestion
        message.offer.remove()
        self.call_after_refresh(self.refresh_bindings)
        path = Path(suggestion.routine_path)
        try:
            if message.accepted:
                written = progression.accept(suggestion, path)
            progression.remember(suggestion)
        except (OSError, DataError, progression.StaleSuggestion) as exc:
            detail = getattr(exc, "strerror", None) or str(exc)
            tell(self, f"Couldn't change the routine: {detail}", severity="error")
            return
        if not message.accepted:
            self.notify("Dismissed; it won't be suggested again.")
            return
        where = "" if written == path else f" Saved as your own copy, {written.name}."
        tell(self, f"{suggestion.exercise_name}: {suggestion.change_text()}.{where}")
        self.refresh_routines(select=written)

    def _sources(self, entry: RoutineSummary | None) -> tuple[Source, ...]:
        """The sources of ``entry``'s steps, whose advised frequency the history panel measures against."""
        library = self.backtui.library  # None until the plugins load: no sources yet, and no import of them
        routine = self.routines.get(entry.path) if entry is not None else None
        if routine is None or library is None:
            return ()
        from backtui.core.progress import routine_sources

        return tuple(routine_sources((step.exercise for step in routine.steps), library.sources))

    def _broken_detail(self, entry: RoutineSummary) -> RenderableType:
        text = Text()
        text.append("This file can't be loaded:\n\n", style="bold")
        text.append(printable(relocate_message(entry.error, entry.path)), style="red")
        text.append("\n\nFix it in your editor, then press r to try it again")
        text.append("." if entry.bundled else ", or press x to delete it.")
        return text

    def _routine_detail(self, entry: RoutineSummary, routine: Routine | None) -> RenderableType:
        """The routine's file, step count, total and description, then its steps (``routine``: ``None`` till read)."""
        meta = Text(style="dim")
        meta.append("bundled, read-only" if entry.bundled else "yours")
        meta.append(f" · {printable(entry.path.name)} · {plural(entry.steps, 'step')}")
        total = self.totals.get(entry.path)
        if total is not None:
            meta.append(f" · {spoken(total)}")
        parts: list[RenderableType] = [meta]
        if entry.description:
            parts.append(Text(printable(entry.description, keep_newlines=True), style="italic"))
        parts.append(Text(""))
        if not entry.steps:
            parts.append(Text("No steps yet. Press e to add exercises from the library."))
        elif not self.backtui.library_loaded:
            parts.append(Text("Loading the exercise sources…", style="dim"))
        elif routine is None:
            parts.append(Text("Reading the steps…", style="dim"))  # listed from the summary a moment ago
        else:
            parts.append(steps_table(routine, self.library))
        return Group(*parts)

    # -- actions ----------------------------------------------------------------------------------

    def _need_selection(self) -> RoutineSummary | None:
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
        if self.listed_from_summary:
            self.refresh_routines()  # the files haven't been read yet (it's the first moment): read them now
        routine = self.routines.get(entry.path)
        if routine is None:
            self.notify("This file doesn't load, so there is nothing to copy. Fix it first.", severity="error")
            return
        from backtui.core.routine_names import names_in_use
        from backtui.tui.screens.routine_name import RoutineNameScreen

        def named(name: str | None) -> None:
            if name is not None:
                self._duplicate(routine, name)

        hint = "The copy goes to your routines folder, where you can change it."
        self.app.push_screen(
            RoutineNameScreen(
                "Duplicate as", f"{routine.name} (copy)"[:MAX_NAME], hint=hint, ok="Duplicate", taken=names_in_use()
            ),
            named,
        )

    def _duplicate(self, routine: Routine, name: str) -> None:
        import msgspec

        from backtui.core.routine_files import save_as_user

        try:
            path = save_as_user(msgspec.structs.replace(routine, name=name))
        except OSError as exc:
            tell(self, f"Couldn't save the copy: {exc.strerror or exc}", severity="error")
            return
        self.refresh_routines(select=path)
        tell(self, f"Copied to your routines as {name!r} ({path.name}).")

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
                printable(f"{entry.title} ({display_path(entry.path)}) will be deleted. This cannot be undone."),
                yes="Delete",
                danger=True,
            ),
            answered,
        )

    def _delete(self, path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            tell(self, f"Couldn't delete {path}: {exc.strerror or exc}", severity="error")
            return
        self.refresh_routines()
        tell(self, f"Deleted {path.name}.")

    def action_export(self) -> None:
        """The selected routine as a handout or reminders (``backtui export``)."""
        entry = self._need_selection()
        if entry is None:
            return
        if self.listed_from_summary:
            self.refresh_routines()  # the files haven't been read yet: read them now
        routine = self.routines.get(entry.path)
        if routine is None:
            self.notify("This file doesn't load, so there is nothing to export. Fix it first.", severity="error")
            return
        from backtui.tui.screens.export import routine_export

        self.app.push_screen(routine_export(routine, entry.path, self.backtui.ensure_library()))

    def action_plugins(self) -> None:
        self.backtui.action_plugins()

    def action_avoid(self) -> None:
        self.backtui.action_avoid()

    def action_quit(self) -> None:
        self.app.exit(0)
