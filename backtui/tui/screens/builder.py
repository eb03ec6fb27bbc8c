"""The routine builder: pick exercises from the library, set their dosage, save the routine.

Three panes — library (search + filters), the highlighted exercise's detail, and the
routine being built. Below 120 columns the detail pane trades places with the routine
pane on F3. The screen dismisses with the path it last saved to, or ``None``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import msgspec
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, OptionList, Select, Static

from backtui.core import timeline
from backtui.core.dosage_text import dosage_text
from backtui.core.library import AvoidMatch, Library
from backtui.core.model import CATEGORIES, POSITIONS, Exercise
from backtui.core.routine import Routine, Step, step_dosage
from backtui.core.routine_files import dumps, save_as_user, save_routine
from backtui.core.terminal_text import printable
from backtui.tui.notices import tell
from backtui.tui.screens.confirm import ConfirmScreen, LeaveScreen
from backtui.tui.screens.routine_name import RoutineNameScreen
from backtui.tui.screens.step_form import StepFormScreen
from backtui.tui.widgets.dosage_form import Inherited, StageChoice, stage_choices
from backtui.tui.widgets.exercise_detail import ExerciseDetail
from backtui.tui.widgets.exercise_list import ExerciseList, ExerciseRow, SearchInput
from backtui.tui.widgets.key_bar import KeyBar
from backtui.tui.widgets.marked_checkbox import MarkedCheckbox
from backtui.tui.widgets.routine_steps import RoutineSteps, StepView, mmss


def library_rows(library: Library) -> dict[str, ExerciseRow]:
    """One prepared row per exercise, so filtering never formats anything."""
    return {
        ex.id: ExerciseRow(
            exercise=ex,
            source=ex.source_id,
            dosage=dosage_text(ex.dosage),
            also_in=tuple(o.source_id for o in library.same_movement(ex)),
            avoided=bool(library.avoid_matches(ex)),
        )
        for ex in library.exercises.values()
    }


def avoid_message(subject: str, matches: list[AvoidMatch]) -> str:
    lines = [f"{subject!r} matches an exercise a source says to avoid:"]
    for m in matches:
        lines.append(f"• {m.avoid.name} — {m.source.title}: {m.avoid.reason}")
    lines.append("Add it anyway?")
    return printable("\n".join(lines), keep_newlines=True)


class BuilderScreen(Screen[Path | None]):
    """Edit one routine. ``bundled=True`` means ``path`` is read-only: saving writes a copy."""

    CSS_PATH = "builder.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # type: ignore[misc]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, tooltip="Save the routine"),
        Binding("f2", "save_as", "Save as", priority=True, tooltip="Save the routine under a new name"),
        Binding("ctrl+n", "custom_step", "Custom", priority=True, tooltip="Add a custom step (not from the library)"),
        Binding("f3", "toggle_detail", "Detail", priority=True, tooltip="Show the exercise detail or the routine"),
        Binding("f4", "avoid_list", "Avoid", priority=True, tooltip="What the sources say to avoid, and why"),
        Binding("escape", "leave", "Back", tooltip="Back to the dashboard (asks first if there are unsaved changes)"),
        Binding("q", "leave", "Back", show=False),
        Binding("slash", "focus_search", "Search", show=False),
        Binding("ctrl+f", "focus_search", "Search", show=False, priority=True, tooltip="Go to the search box"),
        Binding("ctrl+l", "focus_library", "Library", show=False, priority=True, tooltip="Go to the exercise list"),
        Binding("ctrl+r", "focus_routine", "Routine", show=False, priority=True, tooltip="Go to the routine's steps"),
        Binding("ctrl+t", "focus_filters", "Filters", show=False, priority=True, tooltip="Go to the filters"),
        Binding(
            "f5",
            "clear_filters",
            "Clear filters",
            show=False,
            priority=True,
            tooltip="Clear the search and every filter",
        ),
        Binding("u", "undo", "Undo", show=False, tooltip="Undo the last removal or move of a step"),
    ]

    def __init__(
        self,
        library: Library,
        *,
        routine: Routine | None = None,
        path: Path | None = None,
        bundled: bool = False,
    ) -> None:
        super().__init__()
        self.library = library
        if routine is None:
            # `backtui build new-file.toml`: name the new routine after its file, saved there
            routine = Routine(name=path.stem.replace("-", " ").replace("_", " ").capitalize() if path else "")
        self.routine = routine
        self.path = path
        self.bundled = bundled
        #: False until the routine is in its file: a new routine, even one given a file name, is "new".
        self.on_disk = path is not None and path.exists()
        self.saved_to: Path | None = None
        #: Routines as they were before each removal or move of a step, newest last, for ``u``.
        self._undo: list[tuple[Routine, int]] = []
        #: What to do once the routine is saved ("Save and leave" leaves).
        self._after_save: Callable[[], None] | None = None
        self._saved_text = dumps(self.routine)
        self._rows = library_rows(library)

    # -- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        sources = sorted(self.library.sources)
        with Horizontal(id="panes"):
            with Vertical(id="library-pane", classes="pane"):
                with Horizontal(id="search-row"):
                    yield SearchInput("#exercises", placeholder="Search names and aliases", id="search", compact=True)
                    yield MarkedCheckbox("Sciatica", id="f-sciatica", compact=True)
                with Horizontal(id="filter-row"):
                    yield Select([(s, s) for s in sources], prompt="Source", id="f-source", compact=True)
                    yield Select([(c, c) for c in CATEGORIES], prompt="Category", id="f-category", compact=True)
                    yield Select([(p, p) for p in POSITIONS], prompt="Position", id="f-position", compact=True)
                yield Static("", id="avoid-note")
                yield ExerciseList(list(self._rows.values()), id="exercises")
            yield ExerciseDetail(self.library, id="detail", classes="pane")
            with Vertical(id="routine-pane", classes="pane"):
                yield Input(printable(self.routine.name), placeholder="Routine name", id="routine-name", compact=True)
                yield Input(
                    printable(self.routine.description),
                    placeholder="Description (optional)",
                    id="routine-desc",
                    compact=True,
                )
                yield RoutineSteps(id="steps", compact=True)
                yield Static(
                    "No steps yet. Highlight an exercise and press Enter (or a) to add it; ctrl+n adds a custom step.",
                    id="steps-hint",
                )
                with Horizontal(id="step-buttons"):
                    yield Button("↑", id="b-up", compact=True, tooltip="Move the step up (K)")
                    yield Button("↓", id="b-down", compact=True, tooltip="Move the step down (J)")
                    yield Button("Dosage", id="b-dosage", compact=True, tooltip="Edit the step's dosage (e)")
                    yield Button("Remove", id="b-remove", compact=True, tooltip="Remove the step (x)")
                    yield Button("+Custom", id="b-custom", compact=True, tooltip="Add a custom step (ctrl+n)")
                yield Static("", id="total")
        yield KeyBar()

    def on_mount(self) -> None:
        library_pane = self.query_one("#library-pane")
        library_pane.border_title = "Library"
        self.query_one("#detail").border_title = "Detail"
        self.query_one("#routine-pane").border_title = "Routine"
        self._refilter()
        self._show_routine(highlight=0)
        search = self.query_one("#search", Input)
        self.watch(search, "value", self._search_typed, init=False)
        search.focus()
        missing = sum(1 for s in self.routine.steps if s.exercise and self.library.get(s.exercise) is None)
        if missing:
            self.notify(
                f"{missing} step(s) use exercises that are not installed; they are kept as they are.",
                severity="warning",
            )

    # -- library -----------------------------------------------------------------------

    def _select_value(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return None if value is Select.NULL else str(value)

    def _refilter(self) -> None:
        found = self.library.search(
            self.query_one("#search", Input).value,
            source=self._select_value("#f-source"),
            category=self._select_value("#f-category"),
            position=self._select_value("#f-position"),
            sciatica_ok=True if self.query_one("#f-sciatica", Checkbox).value else None,
        )
        rows = self._rows
        self.query_one("#exercises", ExerciseList).set_rows([rows[ex.id] for ex in found], total=len(rows))
        self._show_avoid_note(self.query_one("#search", Input).value)

    def _show_avoid_note(self, query: str) -> None:
        """A search that names a movement a source says to avoid says so, and why."""
        note = self.query_one("#avoid-note", Static)
        matches = self.library.avoid_mentions(query)
        note.display = bool(matches)
        if matches:
            lines = [
                printable(f"⚠ {m.avoid.name} is on the avoid list in {m.source.id}: {m.avoid.reason}") for m in matches
            ]
            note.update(Content("\n".join(lines)))

    def _search_typed(self, _value: str) -> None:
        # A watcher runs inside the keystroke, so the list repaints in the same frame
        # as the typed character (Input.Changed would arrive a frame later).
        self._refilter()

    @on(Select.Changed, "#filter-row Select")
    @on(Checkbox.Changed, "#f-sciatica")
    def _filters_changed(self) -> None:
        self._refilter()

    @on(ExerciseList.Highlighted)
    def _exercise_highlighted(self, event: ExerciseList.Highlighted) -> None:
        self.query_one(ExerciseDetail).show(event.exercise)

    @on(ExerciseList.Chosen)
    def _exercise_chosen(self, event: ExerciseList.Chosen) -> None:
        self.add_exercise(event.exercise)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        exercise = self.query_one("#exercises", ExerciseList).highlighted
        if exercise is not None:
            self.add_exercise(exercise)

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_library(self) -> None:
        self.query_one("#exercises", ExerciseList).focus()

    def action_focus_routine(self) -> None:
        if self.routine.steps:
            self.query_one("#steps", RoutineSteps).focus()
        else:
            self.query_one("#routine-name", Input).focus()  # nothing to move through yet: start with its name
        self.remove_class("-show-detail")  # narrow: the routine takes the detail's place again

    def action_focus_filters(self) -> None:
        self.query_one("#f-source", Select).focus()

    def action_clear_filters(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        for select in self.query("#filter-row Select").results(Select):
            select.clear()
        self.query_one("#f-sciatica", Checkbox).value = False
        self._refilter()
        search.focus()

    # -- editing the routine --------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return dumps(self.routine) != self._saved_text

    def _set_routine(self, routine: Routine, highlight: int | None = None) -> None:
        self.routine = routine
        self._show_routine(highlight)

    def _step_views(self) -> tuple[list[StepView], int]:
        phases = timeline.plan(self.routine, self.library)
        seconds = [0] * len(self.routine.steps)
        for phase in phases:
            if phase.kind != "transition" and phase.step < len(seconds):
                seconds[phase.step] += phase.duration_s
        views = []
        for resolved in timeline.resolve_all(self.routine, self.library):
            exercise = self.library.get(resolved.exercise_id) if resolved.exercise_id else None
            subject: Exercise | str = exercise if exercise is not None else resolved.name
            views.append(
                StepView(
                    resolved=resolved,
                    seconds=seconds[resolved.index],
                    source=exercise.source_id if exercise else "custom",
                    avoided=bool(self.library.avoid_matches(subject)) and not resolved.missing,
                )
            )
        return views, timeline.total_seconds(phases)

    def _show_routine(self, highlight: int | None = None) -> None:
        views, total = self._step_views()
        steps = self.query_one("#steps", RoutineSteps)
        steps.show_steps(views, highlight)
        steps.display = bool(views)
        self.query_one("#steps-hint").display = not views
        count = len(views)
        if self.dirty:
            state = "● unsaved"
        elif self.bundled:
            state = "bundled: saves a copy"
        else:
            state = "saved" if self.on_disk else "new"
        plural = "" if count == 1 else "s"
        self.query_one("#total", Static).update(f"{count} step{plural}, [b]{mmss(total)}[/b] · {state}")
        self.query_one("#routine-pane").border_subtitle = mmss(total)

    @on(Input.Changed, "#routine-name")
    def _name_changed(self, event: Input.Changed) -> None:
        if event.value != self.routine.name:
            self._set_routine(msgspec.structs.replace(self.routine, name=event.value))

    @on(Input.Changed, "#routine-desc")
    def _description_changed(self, event: Input.Changed) -> None:
        if event.value != self.routine.description:
            self._set_routine(msgspec.structs.replace(self.routine, description=event.value))

    def _append(self, step: Step) -> None:
        steps = [*self.routine.steps, step]
        self._set_routine(msgspec.structs.replace(self.routine, steps=steps), highlight=len(steps) - 1)

    def _confirm_avoid(self, subject: str, matches: list[AvoidMatch], then: Callable[[], None]) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                then()

        self.app.push_screen(
            ConfirmScreen(
                "On an avoid list", avoid_message(subject, matches), yes="Add anyway", no="Cancel", danger=True
            ),
            answered,
        )

    def add_exercise(self, exercise: Exercise) -> None:
        """Add ``exercise`` as a new last step, asking first if a source says to avoid it."""
        step = Step(exercise=exercise.id)

        def add() -> None:
            self._append(step)
            if exercise.stages:  # the whole exercise goes in; say how to pick one of its stages
                names = ", ".join(stage.name for stage in exercise.stages)
                message = f"{exercise.name} comes in stages ({names}): press e on its step to pick one."
                tell(self, message)

        matches = self.library.avoid_matches(exercise)
        if matches:
            self._confirm_avoid(exercise.name, matches, add)
        else:
            add()

    def action_custom_step(self) -> None:
        def done(step: Step | None) -> None:
            if step is None or not step.name:
                return
            name = step.name
            matches = self.library.avoid_matches(name)
            if matches:
                self._confirm_avoid(name, matches, lambda: self._append(step))
            else:
                self._append(step)

        inherited = Inherited(sets=1, rest_s=self.routine.defaults.rest_s)
        self.app.push_screen(StepFormScreen("New custom step", Step(), custom=True, inherited=inherited), done)

    def _highlighted_step(self) -> int | None:
        steps = self.query_one("#steps", RoutineSteps)
        if not self.routine.steps or steps.highlighted is None:
            return None
        return steps.highlighted

    def edit_step(self, index: int) -> None:
        step = self.routine.steps[index]
        exercise = self.library.get(step.exercise) if step.exercise else None
        defaults = self.routine.defaults
        stages: tuple[StageChoice, ...] = ()
        if exercise is not None:
            d = step_dosage(step, exercise) or exercise.dosage  # the stage the step picks, if any
            inherited = Inherited.from_dosage(d, rest_s=defaults.rest_s)
            stages = stage_choices(exercise, rest_s=defaults.rest_s, current=step.stage)
            title = exercise.name
        else:
            inherited = Inherited(sets=1, rest_s=defaults.rest_s)
            title = step.name or step.exercise or "step"

        def done(new: Step | None) -> None:
            if new is None or new == step:
                return
            steps = list(self.routine.steps)
            steps[index] = new
            self._set_routine(msgspec.structs.replace(self.routine, steps=steps), highlight=index)

        custom = step.is_custom
        screen_title = printable(f"Custom step: {title}" if custom else f"Dosage: {title}")
        form = StepFormScreen(screen_title, step, custom=custom, inherited=inherited, stages=stages)
        # Notices about the steps ("comes in stages: press e") have been acted on, and at 60×18
        # one would cover the form's buttons.
        self.app.clear_notifications()
        self.app.push_screen(form, done)

    def remove_step(self, index: int) -> None:
        steps = list(self.routine.steps)
        removed = steps.pop(index)
        self._undo.append((self.routine, index))
        self._set_routine(msgspec.structs.replace(self.routine, steps=steps), highlight=min(index, len(steps) - 1))
        exercise = self.library.get(removed.exercise) if removed.exercise else None
        title = removed.name or (exercise.name if exercise else removed.exercise) or "the step"
        tell(self, f"Removed {title}. Press u to undo.")

    def move_step(self, index: int, delta: int) -> None:
        target = index + delta
        steps = list(self.routine.steps)
        if not 0 <= target < len(steps):
            return
        self._undo.append((self.routine, index))
        steps[index], steps[target] = steps[target], steps[index]
        self._set_routine(msgspec.structs.replace(self.routine, steps=steps), highlight=target)

    def action_undo(self) -> None:
        """Put back the step last removed or moved."""
        if not self._undo:
            self.notify("Nothing to undo: u undoes removing or moving a step.")
            return
        routine, index = self._undo.pop()
        self._set_routine(msgspec.structs.replace(self.routine, steps=routine.steps), highlight=index)

    @on(RoutineSteps.Edit)
    def _on_edit(self, event: RoutineSteps.Edit) -> None:
        self.edit_step(event.index)

    @on(RoutineSteps.Remove)
    def _on_remove(self, event: RoutineSteps.Remove) -> None:
        self.remove_step(event.index)

    @on(RoutineSteps.Move)
    def _on_move(self, event: RoutineSteps.Move) -> None:
        self.move_step(event.index, event.delta)

    @on(OptionList.OptionHighlighted, "#steps")
    def _step_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if not self.query_one("#steps").has_focus:
            return
        step = self.routine.steps[event.option_index]
        exercise = self.library.get(step.exercise) if step.exercise else None
        if exercise is not None:
            self.query_one(ExerciseDetail).show(exercise)

    @on(Button.Pressed, "#step-buttons Button")
    def _step_button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "b-custom":
            self.action_custom_step()
            return
        index = self._highlighted_step()
        if index is None:
            self.notify("Add a step first.")
            return
        if event.button.id == "b-up":
            self.move_step(index, -1)
        elif event.button.id == "b-down":
            self.move_step(index, 1)
        elif event.button.id == "b-dosage":
            self.edit_step(index)
        elif event.button.id == "b-remove":
            self.remove_step(index)

    # -- panes -----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        # Below 70 columns the routine pane can't fit every step button: "+Custom" goes,
        # and Ctrl+N (in the key bar) still adds a custom step.
        self.set_class(event.size.width < 70, "-cramped")

    def action_toggle_detail(self) -> None:
        self.toggle_class("-show-detail")

    def action_avoid_list(self) -> None:
        try:
            module: Any = importlib.import_module("backtui.tui.screens.avoid")
        except ImportError:
            self.notify("The avoid list view is not available in this build.", severity="warning")
            return
        self.app.push_screen(module.AvoidScreen(self.library))

    # -- saving and leaving -------------------------------------------------------------------

    def _write(self, routine: Routine, path: Path | None, message: str, *, own: Path | None = None) -> bool:
        """Save ``routine`` to ``path``, or (``path`` None) to a new file named for it, claimed
        atomically in the user's folder; ``own`` is the routine's file, reused if its name comes up."""
        if not routine.name.strip():
            self.notify("Give the routine a name before saving.", severity="error")
            return False
        try:
            msgspec.convert(msgspec.to_builtins(routine), Routine)
        except msgspec.ValidationError as exc:
            tell(self, f"Cannot save: {exc}", severity="error")
            return False
        try:
            if path is None:
                path = save_as_user(routine, exclude=own)
            else:
                save_routine(routine, path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            where = str(path) if path is not None else "in your routines folder"
            tell(self, f"Could not save {where}: {reason}", severity="error")
            return False
        self.routine = routine
        self.path = path
        self.bundled = False
        self.on_disk = True
        self.saved_to = path
        self._saved_text = dumps(routine)
        self._show_routine()
        tell(self, message.format(path=path))
        if (then := self._after_save) is not None:
            self._after_save = None
            then()
        return True

    def action_save(self) -> None:
        if not self.routine.name.strip():
            self.action_save_as(keep_path=self.path is not None and not self.bundled)
            return
        if self.path is not None and not self.bundled:
            self._write(self.routine, self.path, "Saved {path}")
            return
        if not self.bundled and self._taken().get(self.routine.name.casefold().strip()):
            self.action_save_as()  # a new file under a name another routine has: ask
            return
        target = None  # a new file, named for the routine
        if self.bundled:
            self._write(self.routine, target, "Bundled routines stay as shipped; saved your copy to {path}")
        else:
            self._write(self.routine, target, "Saved {path}")

    def _taken(self) -> dict[str, str]:
        """Other routines' names, which saving under asks about first."""
        from backtui.core.routine_names import names_in_use

        return names_in_use(exclude=self.path)

    def action_save_as(self, keep_path: bool = False) -> None:
        """Ask for a name, then save under it: a new file in the user's folder, or
        (``keep_path``, when Ctrl+S found the routine unnamed) this routine's own file."""

        def named(name: str | None) -> None:
            if not name:
                self._after_save = None  # "save and leave" stays when the name is cancelled
                return
            routine = msgspec.structs.replace(self.routine, name=name)
            own = self.path if self.path is not None and not self.bundled else None
            target = own if keep_path and own is not None else None
            if self._write(routine, target, "Saved {path}" if keep_path else "Saved as {path}", own=own):
                name_input = self.query_one("#routine-name", Input)
                with name_input.prevent(Input.Changed):
                    name_input.value = name

        hint = "Saved as a new file in your routines folder."
        screen = RoutineNameScreen("Save routine as", self.routine.name, hint=hint, taken=self._taken())
        self.app.push_screen(screen, named)

    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss(self.saved_to)
            return

        def answered(choice: str | None) -> None:
            if choice == "discard":
                self.dismiss(self.saved_to)
            elif choice == "save":
                self._save_and_leave()

        self.app.push_screen(
            LeaveScreen(f"{self.routine.name or 'This routine'} has unsaved changes. Save them before leaving?"),
            answered,
        )

    def _save_and_leave(self) -> None:
        def leave() -> None:
            self.dismiss(self.saved_to)

        self._after_save = leave
        self.action_save()
        if self.app.screen is self and self.dirty:  # it couldn't be saved (and said why): stay
            self._after_save = None
