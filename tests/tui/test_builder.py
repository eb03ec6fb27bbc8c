"""The routine builder: library filters, the avoid warning, the dosage form, saving, leaving.

Every test runs the real ``BuilderScreen`` inside a small host app over a synthetic
library built from model objects (three sources, one with an avoid list), so results
don't depend on which plugins are installed.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input, Select, Static

from backtui.core.library import Library
from backtui.core.model import Avoid, Dosage, Exercise, Source
from backtui.core.plugins import PluginRecord
from backtui.core.routine import Routine, Step
from backtui.core.routine_files import load_routine, save_routine
from backtui.tui.screens.builder import BuilderScreen
from backtui.tui.screens.confirm import ConfirmScreen, LeaveScreen
from backtui.tui.screens.routine_name import RoutineNameScreen
from backtui.tui.screens.step_form import StepFormScreen
from backtui.tui.widgets.exercise_detail import ExerciseDetail
from backtui.tui.widgets.exercise_list import ExerciseList
from backtui.tui.widgets.routine_steps import RoutineSteps


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test on a fresh event loop (no async pytest plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


NARROW = (80, 24)
ROOMY = (160, 44)


# -- a synthetic library ------------------------------------------------------------------------


def _ex(id: str, name: str, category: str, position: str, **kw: object) -> Exercise:
    return Exercise(
        id=id,
        name=name,
        category=category,  # type: ignore[arg-type]
        position=position,  # type: ignore[arg-type]
        steps=kw.pop("steps", ("Move slowly.", "Breathe.")),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def make_library() -> Library:
    verywell = Source(id="verywell", title="Lower Back Exercises", author="Brett Sears, PT")
    merative = Source(id="merative", title="Lower Back Exercises (care notes)", publisher="Merative")
    twelve = Source(id="twelve-best", title="The Best Lower Back Exercises")
    records = [
        PluginRecord(
            name="verywell",
            source=verywell,
            exercises=(
                _ex(
                    "verywell:prone-lying",
                    "Prone lying",
                    "relaxation",
                    "prone",
                    dosage=Dosage(duration_s=90, duration_range_s=(60, 120)),
                    steps=("Lie on your stomach.", "Rest your arms at your sides.", "Breathe deeply and relax."),
                    cautions=("Stop if your pain increases.",),
                    progressions=("Prone prop-ups",),
                ),
                _ex(
                    "verywell:pelvic-tilt",
                    "Pelvic tilt",
                    "strengthen",
                    "supine",
                    movement="pelvic-tilt",
                    dosage=Dosage(reps=10, hold_s=3),
                ),
            ),
        ),
        PluginRecord(
            name="merative",
            source=merative,
            exercises=(
                _ex("merative:ankle-pumps", "Ankle pumps", "mobility", "supine", dosage=Dosage(reps=10)),
                _ex(
                    "merative:pelvic-tilt",
                    "Pelvic tilt",
                    "strengthen",
                    "supine",
                    movement="pelvic-tilt",
                    dosage=Dosage(reps=10, hold_s=5),
                ),
                _ex(
                    "merative:knee-to-chest",
                    "Knee to chest",
                    "stretch",
                    "supine",
                    movement="knee-to-chest",
                    aliases=("Single knee to chest",),
                    dosage=Dosage(reps=3, hold_s=20, sides="each"),
                ),
            ),
        ),
        PluginRecord(
            name="twelve-best",
            source=twelve,
            exercises=(
                _ex(
                    "twelve-best:knee-to-chest",
                    "Knee-to-chest stretch",
                    "stretch",
                    "supine",
                    movement="knee-to-chest",
                    dosage=Dosage(sets=2, reps=10, rest_s=60, sides="each"),
                ),
                _ex(
                    "twelve-best:bird-dog",
                    "Bird dog",
                    "strengthen",
                    "quadruped",
                    dosage=Dosage(sets=2, reps=10, rest_s=60, sides="alternate"),
                    sciatica_ok=True,
                ),
                _ex(
                    "twelve-best:partial-curls",
                    "Partial curls",
                    "strengthen",
                    "supine",
                    aliases=("Curl-ups", "Crunches"),
                    dosage=Dosage(sets=2, reps=10, rest_s=60),
                ),
            ),
            avoid=(
                Avoid(
                    id="twelve-best:sit-ups",
                    name="Sit-ups",
                    reason="Sit-ups pull on the hip flexors, which attach directly to the lumbar spine.",
                ),
                Avoid(
                    id="twelve-best:abdominal-crunches",
                    name="Abdominal crunches",
                    aliases=("Crunches",),
                    reason="Repetitive motion increases the pressure in the discs between your vertebrae.",
                ),
            ),
        ),
    ]
    return Library(records)


class Host(App[None]):
    """Pushes the builder at start and records what it dismissed with."""

    def __init__(self, screen: BuilderScreen) -> None:
        super().__init__()
        self.builder = screen
        self.results: list[Path | None] = []

        self.helped = 0

    def on_mount(self) -> None:
        self.push_screen(self.builder, self.results.append)

    def action_help(self) -> None:  # the real app opens the help screen
        self.helped += 1


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make snapshots depend on timing."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


def make_host(**kwargs: object) -> Host:
    return Host(BuilderScreen(make_library(), **kwargs))  # type: ignore[arg-type]


def names_in_list(host: Host) -> list[str]:
    return [row.exercise.name for row in host.screen.query_one(ExerciseList).rows]


def step_ids(host: Host) -> list[str | None]:
    return [s.exercise or s.name for s in host.builder.routine.steps]


async def type_text(pilot: Pilot[None], text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)
    await pilot.pause()


def step_ids_of(routine: Routine) -> list[str | None]:
    return [s.exercise or s.name for s in routine.steps]


def user_files(home: Path) -> list[Path]:
    folder = home / "routines"
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


# -- the library pane -------------------------------------------------------------------------------


class TestLibrary:
    @sync
    async def test_every_exercise_is_listed_and_typing_filters_by_name_or_alias(self) -> None:
        host = make_host()
        async with host.run_test(size=ROOMY) as pilot:
            await pilot.pause()
            assert len(names_in_list(host)) == 8
            await type_text(pilot, "KNEE")
            assert names_in_list(host) == ["Knee to chest", "Knee-to-chest stretch"]
            await pilot.press("ctrl+u")
            await type_text(pilot, "curl-ups")  # an alias of "Partial curls"
            assert names_in_list(host) == ["Partial curls"]

    @sync
    async def test_filters_for_source_category_position_and_sciatica(self) -> None:
        host = make_host()
        async with host.run_test(size=ROOMY) as pilot:
            screen = host.builder
            screen.query_one("#f-source", Select).value = "merative"
            await pilot.pause()
            assert names_in_list(host) == ["Ankle pumps", "Pelvic tilt", "Knee to chest"]
            screen.query_one("#f-category", Select).value = "stretch"
            await pilot.pause()
            assert names_in_list(host) == ["Knee to chest"]
            screen.query_one("#f-source", Select).value = Select.NULL
            screen.query_one("#f-category", Select).value = Select.NULL
            screen.query_one("#f-position", Select).value = "quadruped"
            await pilot.pause()
            assert names_in_list(host) == ["Bird dog"]
            screen.query_one("#f-position", Select).value = Select.NULL
            await pilot.click("#f-sciatica")
            await pilot.pause()
            assert screen.query_one("#f-sciatica", Checkbox).value is True
            assert names_in_list(host) == ["Bird dog"]
            assert screen.query_one(ExerciseList).status == "1 of 8 exercises"

    @sync
    async def test_detail_shows_the_highlighted_exercise_with_its_source_and_other_versions(self) -> None:
        host = make_host()
        async with host.run_test(size=ROOMY) as pilot:
            await type_text(pilot, "pelvic")
            await pilot.press("down")  # the search box moves the list's cursor
            await pilot.pause()
            detail = host.builder.query_one(ExerciseDetail)
            assert detail.exercise is not None and detail.exercise.id == "merative:pelvic-tilt"
            text = str(detail.query_one("#detail-body", Static).content)
            assert "Lower Back Exercises (care notes)" in text
            assert "Also in: verywell" in text
            assert "10 reps hold 5s" in text

    @sync
    async def test_prone_lying_detail_lists_steps_cautions_progressions_and_author(self) -> None:
        host = make_host()
        async with host.run_test(size=ROOMY) as pilot:
            await pilot.pause()
            text = str(host.builder.query_one("#detail-body", Static).content)
            for expected in ("Prone lying", "Brett Sears, PT", "1. Lie on your stomach.", "Cautions", "Progressions"):
                assert expected in text

    @sync
    async def test_mouse_click_highlights_and_double_click_adds(self) -> None:
        host = make_host()
        async with host.run_test(size=NARROW) as pilot:
            await pilot.pause()
            # narrow rows are two lines high: line 2 is the second exercise
            await pilot.click(ExerciseList, offset=(3, 2))
            await pilot.pause()
            assert host.builder.query_one(ExerciseList).highlighted.name == "Pelvic tilt"  # type: ignore[union-attr]
            assert host.builder.routine.steps == []
            await pilot.double_click(ExerciseList, offset=(3, 4))
            await pilot.pause()
            assert step_ids(host) == ["merative:ankle-pumps"]


# -- building a routine ------------------------------------------------------------------------------


class TestBuilding:
    @sync
    async def test_build_save_and_read_back(self, backtui_home: Path) -> None:
        host = make_host()
        async with host.run_test(size=ROOMY) as pilot:
            screen = host.builder
            # filter, then add two exercises (Enter from the search box, then "a" in the list)
            await type_text(pilot, "pelvic")
            await pilot.press("enter")
            await pilot.press("ctrl+u")
            await type_text(pilot, "ankle")
            await pilot.press("tab", "tab", "tab", "tab", "tab")  # sciatica, 3 selects, then the list
            assert screen.focused is screen.query_one(ExerciseList)
            await pilot.press("a")
            await pilot.pause()
            assert step_ids(host) == ["verywell:pelvic-tilt", "merative:ankle-pumps"]
            total_before = str(screen.query_one("#total", Static).content)

            # a custom step
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert isinstance(host.screen, StepFormScreen)
            await type_text(pilot, "Walk")
            host.screen.query_one("#f-duration_s", Input).value = "300"
            await pilot.pause()
            await pilot.click("#apply")
            await pilot.pause()
            assert step_ids(host) == ["verywell:pelvic-tilt", "merative:ankle-pumps", "Walk"]
            assert str(screen.query_one("#total", Static).content) != total_before

            # edit the dosage of the first step
            steps = screen.query_one(RoutineSteps)
            steps.focus()
            steps.highlighted = 0
            await pilot.press("e")
            await pilot.pause()
            form = host.screen
            assert isinstance(form, StepFormScreen)
            form.query_one("#f-reps", Input).value = "12"
            form.query_one("#f-sets", Input).value = "2"
            await pilot.pause()
            await pilot.press("enter")  # Enter in a field applies
            await pilot.pause()
            assert host.screen is screen
            assert screen.routine.steps[0].reps == 12 and screen.routine.steps[0].sets == 2

            # reorder: the first step moves down with J, then the walk moves up with the button
            await pilot.press("J")
            await pilot.pause()
            assert step_ids(host) == ["merative:ankle-pumps", "verywell:pelvic-tilt", "Walk"]
            steps.highlighted = 2
            await pilot.click("#b-up")
            await pilot.pause()
            assert step_ids(host) == ["merative:ankle-pumps", "Walk", "verywell:pelvic-tilt"]

            # remove the ankle pumps
            steps.focus()
            steps.highlighted = 0
            await pilot.press("x")
            await pilot.pause()
            assert step_ids(host) == ["Walk", "verywell:pelvic-tilt"]

            # name it and save
            name = screen.query_one("#routine-name", Input)
            name.focus()
            await type_text(pilot, "Evening stretch")
            await pilot.press("ctrl+s")
            await pilot.pause()
            total = str(screen.query_one("#total", Static).content)
            assert total.endswith("· saved") and not screen.dirty
            expected = screen.routine

        saved = backtui_home / "routines" / "evening-stretch.toml"
        assert user_files(backtui_home) == [saved]
        assert load_routine(saved) == expected
        assert load_routine(saved).steps == [
            Step(name="Walk", duration_s=300),
            Step(exercise="verywell:pelvic-tilt", sets=2, reps=12),
        ]
        assert host.results == []  # still on the builder when the test ended

    @sync
    async def test_step_keys_move_remove_and_slash_returns_to_search(self) -> None:
        steps = [Step(exercise="verywell:prone-lying"), Step(exercise="merative:ankle-pumps"), Step(name="Walk")]
        host = make_host(routine=Routine(name="R", steps=steps))
        async with host.run_test(size=NARROW) as pilot:
            steps_list = host.builder.query_one(RoutineSteps)
            steps_list.focus()
            steps_list.highlighted = 2
            await pilot.press("K")
            await pilot.pause()
            assert step_ids(host) == ["verywell:prone-lying", "Walk", "merative:ankle-pumps"]
            await pilot.press("ctrl+up")
            await pilot.pause()
            assert step_ids(host) == ["Walk", "verywell:prone-lying", "merative:ankle-pumps"]
            await pilot.press("ctrl+down", "delete")
            await pilot.pause()
            assert step_ids(host) == ["verywell:prone-lying", "merative:ankle-pumps"]
            await pilot.press("slash")
            await pilot.pause()
            assert host.builder.focused is host.builder.query_one("#search", Input)

    @sync
    async def test_a_new_routine_given_a_file_is_named_after_it_and_saved_there(self, tmp_path: Path) -> None:
        path = tmp_path / "evening-stretch.toml"  # `backtui build evening-stretch.toml`, not yet existing
        host = make_host(path=path)
        async with host.run_test(size=NARROW) as pilot:
            assert host.builder.query_one("#routine-name", Input).value == "Evening stretch"
            await type_text(pilot, "bird")
            await pilot.press("enter", "ctrl+s")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        assert host.results == [path]
        assert load_routine(path) == Routine(name="Evening stretch", steps=[Step(exercise="twelve-best:bird-dog")])

    @sync
    async def test_leaving_after_saving_returns_the_saved_path(self, backtui_home: Path) -> None:
        host = make_host(routine=Routine(name="Quick", steps=[Step(exercise="merative:ankle-pumps")]))
        async with host.run_test(size=NARROW) as pilot:
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        assert host.results == [backtui_home / "routines" / "quick.toml"]

    @sync
    async def test_a_bundled_routine_is_never_overwritten(self, tmp_path: Path, backtui_home: Path) -> None:
        bundled = tmp_path / "bundled" / "gentle.toml"
        original = Routine(name="Gentle", steps=[Step(exercise="merative:ankle-pumps")])
        save_routine(original, bundled)
        before = bundled.read_bytes()
        host = make_host(routine=original, path=bundled, bundled=True)
        async with host.run_test(size=NARROW, notifications=True) as pilot:
            await type_text(pilot, "bird")
            await pilot.press("enter")
            await pilot.press("ctrl+s")
            await pilot.pause()
            messages = [n.message for n in host._notifications]
            assert any("saved your copy to" in m for m in messages)
        assert bundled.read_bytes() == before
        copy = backtui_home / "routines" / "gentle.toml"
        assert user_files(backtui_home) == [copy]
        assert [s.exercise for s in load_routine(copy).steps] == ["merative:ankle-pumps", "twelve-best:bird-dog"]

    @sync
    async def test_save_as_asks_for_a_name_and_keeps_other_routines(self, backtui_home: Path) -> None:
        other = backtui_home / "routines" / "daily.toml"
        save_routine(Routine(name="Daily"), other)
        other_before = other.read_bytes()
        host = make_host(routine=Routine(name="Mine", steps=[Step(exercise="verywell:prone-lying")]))
        async with host.run_test(size=NARROW) as pilot:
            await pilot.press("f2")
            await pilot.pause()
            assert isinstance(host.screen, RoutineNameScreen)
            await pilot.press("ctrl+u")
            await type_text(pilot, "Daily")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(host.screen, ConfirmScreen)  # "Daily" is taken: it asks first
            await pilot.press("y")
            await pilot.pause()
            assert host.screen is host.builder
            assert host.builder.query_one("#routine-name", Input).value == "Daily"
        assert other.read_bytes() == other_before
        assert load_routine(backtui_home / "routines" / "daily-2.toml").name == "Daily"

    @sync
    async def test_save_as_refuses_an_empty_name_with_a_message(self, backtui_home: Path) -> None:
        host = make_host(routine=Routine(name="Mine", steps=[Step(exercise="verywell:prone-lying")]))
        async with host.run_test(size=NARROW) as pilot:
            await pilot.press("f2")
            await pilot.pause()
            await pilot.press("ctrl+u", "enter")
            await pilot.pause()
            assert isinstance(host.screen, RoutineNameScreen)
            assert "needs a name" in str(host.screen.query_one("#name-error", Static).content)
        assert user_files(backtui_home) == []

    @sync
    async def test_a_new_file_reads_new_until_it_is_saved(self, tmp_path: Path) -> None:
        path = tmp_path / "new-file.toml"
        host = make_host(path=path)
        async with host.run_test(size=NARROW) as pilot:
            total = host.builder.query_one("#total", Static)
            assert str(total.content).endswith("· new")
            await type_text(pilot, "bird")
            await pilot.press("enter", "ctrl+s")
            await pilot.pause()
            assert str(total.content).endswith("· saved")

    @sync
    async def test_a_missing_exercise_is_shown_and_kept_on_save(self, backtui_home: Path) -> None:
        steps = [Step(exercise="gone:thing", reps=5), Step(exercise="verywell:pelvic-tilt")]
        routine = Routine(name="Old", steps=steps)
        host = make_host(routine=routine)
        async with host.run_test(size=ROOMY, notifications=True) as pilot:
            await pilot.pause()
            first = str(host.builder.query_one(RoutineSteps).get_option_at_index(0).prompt)
            assert "gone:thing" in first and "not installed" in first and "'gone'" in first
            assert any("not installed" in n.message for n in host._notifications)
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert load_routine(backtui_home / "routines" / "old.toml") == routine

    @sync
    async def test_a_save_error_is_one_line_and_loses_nothing(self, backtui_home: Path) -> None:
        (backtui_home / "routines").write_text("not a folder")  # the folder can't be created
        host = make_host(routine=Routine(name="Blocked", steps=[Step(exercise="verywell:prone-lying")]))
        async with host.run_test(size=NARROW, notifications=True) as pilot:
            await type_text(pilot, "bird")
            await pilot.press("enter")
            await pilot.press("ctrl+s")
            await pilot.pause()
            errors = [n.message for n in host._notifications if n.severity == "error"]
            assert len(errors) == 1 and "\n" not in errors[0] and errors[0].startswith("Could not save")
            assert host.builder.dirty
            assert len(host.builder.routine.steps) == 2


# -- leaving with unsaved changes ------------------------------------------------------------------------


class TestKeyboard:
    @sync
    async def test_one_key_each_reaches_search_library_routine_and_filters(self) -> None:
        host = make_host(routine=Routine(name="R", steps=[Step(exercise="verywell:prone-lying")]))
        async with host.run_test(size=NARROW) as pilot:
            builder = host.builder
            for key, target in [
                ("ctrl+r", "#steps"),
                ("ctrl+l", "#exercises"),
                ("ctrl+t", "#f-source"),
                ("ctrl+f", "#search"),
                ("ctrl+r", "#steps"),
            ]:
                await pilot.press(key)
                await pilot.pause()
                assert builder.focused is builder.query_one(target), key

    @sync
    async def test_f5_clears_the_search_and_every_filter(self) -> None:
        host = make_host()
        async with host.run_test(size=NARROW) as pilot:
            builder = host.builder
            everything = names_in_list(host)
            await type_text(pilot, "knee")
            builder.query_one("#f-source", Select).value = "merative"
            builder.query_one("#f-sciatica", Checkbox).value = True
            await pilot.pause()
            assert names_in_list(host) != everything
            await pilot.press("f5")
            await pilot.pause()
            assert names_in_list(host) == everything
            assert builder.query_one("#search", Input).value == ""
            assert builder.query_one("#f-source", Select).value is Select.NULL
            assert not builder.query_one("#f-sciatica", Checkbox).value

    @sync
    async def test_question_mark_opens_help_from_the_search_box_without_typing(self) -> None:
        host = make_host()
        async with host.run_test(size=NARROW) as pilot:
            await type_text(pilot, "bird?")
            assert host.builder.query_one("#search", Input).value == "bird"
            assert host.helped == 1

    @sync
    async def test_a_search_for_an_avoided_movement_says_why_it_is_not_there(self) -> None:
        host = make_host()
        async with host.run_test(size=NARROW) as pilot:
            note = host.builder.query_one("#avoid-note", Static)
            assert not note.display
            await type_text(pilot, "sit up")
            assert names_in_list(host) == []
            assert note.display
            text = str(note.render())
            assert "Sit-ups" in text and "twelve-best" in text and "hip flexors" in text
            await pilot.press("ctrl+u")
            await type_text(pilot, "bird")
            assert not note.display

    @sync
    async def test_u_undoes_removing_and_moving_steps(self) -> None:
        steps = [Step(exercise="verywell:prone-lying"), Step(exercise="merative:ankle-pumps"), Step(name="Walk")]
        host = make_host(routine=Routine(name="R", steps=steps))
        original = ["verywell:prone-lying", "merative:ankle-pumps", "Walk"]
        async with host.run_test(size=NARROW, notifications=True) as pilot:
            await pilot.press("ctrl+r", "down", "x")
            await pilot.pause()
            assert step_ids(host) == ["verywell:prone-lying", "Walk"]
            assert any("Removed Ankle pumps. Press u to undo." in n.message for n in host._notifications)
            await pilot.press("u")
            await pilot.pause()
            assert step_ids(host) == original
            await pilot.press("J", "J")
            await pilot.pause()
            assert step_ids(host) == ["verywell:prone-lying", "Walk", "merative:ankle-pumps"]
            await pilot.press("u")
            await pilot.pause()
            assert step_ids(host) == original
            await pilot.press("u")  # nothing left to undo: nothing changes
            await pilot.pause()
            assert step_ids(host) == original


class TestLeaving:
    @sync
    async def test_unsaved_changes_ask_first_no_stays_yes_leaves(self, backtui_home: Path) -> None:
        path = backtui_home / "routines" / "mine.toml"
        save_routine(Routine(name="Mine", steps=[Step(exercise="verywell:prone-lying")]), path)
        before = path.read_bytes()
        host = make_host(routine=load_routine(path), path=path)
        async with host.run_test(size=NARROW) as pilot:
            await type_text(pilot, "ankle")
            await pilot.press("enter")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(host.screen, LeaveScreen)
            await pilot.press("n")
            await pilot.pause()
            assert host.screen is host.builder
            assert host.results == []
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("d")
            await pilot.pause()
            assert host.results == [None]
        assert path.read_bytes() == before

    @sync
    async def test_save_and_leave_saves_then_leaves(self, backtui_home: Path) -> None:
        path = backtui_home / "routines" / "mine.toml"
        save_routine(Routine(name="Mine", steps=[Step(exercise="verywell:prone-lying")]), path)
        host = make_host(routine=load_routine(path), path=path)
        async with host.run_test(size=NARROW) as pilot:
            await type_text(pilot, "ankle")
            await pilot.press("enter", "escape")
            await pilot.pause()
            assert "Save and leave (s)" in str(host.screen.query_one("#save", Button).label)
            await pilot.press("s")
            await pilot.pause()
            assert host.results == [path]
        assert step_ids_of(load_routine(path)) == ["verywell:prone-lying", "merative:ankle-pumps"]

    @sync
    async def test_save_and_leave_a_new_routine_asks_its_name_first(self, backtui_home: Path) -> None:
        host = make_host()
        async with host.run_test(size=NARROW) as pilot:
            await type_text(pilot, "ankle")
            await pilot.press("enter", "escape", "s")
            await pilot.pause()
            assert isinstance(host.screen, RoutineNameScreen)
            await type_text(pilot, "Ankles")
            await pilot.press("enter")
            await pilot.pause()
            assert host.results == [backtui_home / "routines" / "ankles.toml"]

    @sync
    async def test_no_changes_leave_at_once(self) -> None:
        host = make_host()
        async with host.run_test(size=NARROW) as pilot:
            await pilot.press("escape")
            await pilot.pause()
            assert host.results == [None]

    @sync
    async def test_typing_q_in_the_search_box_types_it(self) -> None:
        host = make_host()
        async with host.run_test(size=NARROW) as pilot:
            await pilot.press("q")
            await pilot.pause()
            assert host.builder.query_one("#search", Input).value == "q"
            assert host.results == []


# -- the avoid list ------------------------------------------------------------------------------------------


class TestAvoid:
    async def _add_partial_curls(self, pilot: Pilot[None]) -> None:
        await type_text(pilot, "partial")
        await pilot.press("enter")
        await pilot.pause()

    @sync
    async def test_adding_an_avoided_exercise_asks_and_cancel_adds_nothing(self) -> None:
        host = make_host()
        async with host.run_test(size=NARROW) as pilot:
            await self._add_partial_curls(pilot)
            assert isinstance(host.screen, ConfirmScreen)
            message = str(host.screen.query_one("#confirm-message", Static).content)
            assert "Abdominal crunches" in message
            assert "The Best Lower Back Exercises" in message
            assert "pressure in the discs" in message
            await pilot.press("n")
            await pilot.pause()
            assert host.builder.routine.steps == []

    @sync
    async def test_confirming_adds_it(self) -> None:
        host = make_host()
        async with host.run_test(size=NARROW) as pilot:
            await self._add_partial_curls(pilot)
            await pilot.press("y")
            await pilot.pause()
            assert step_ids(host) == ["twelve-best:partial-curls"]

    @sync
    async def test_a_custom_step_named_like_an_avoid_item_asks_too(self) -> None:
        host = make_host()
        async with host.run_test(size=NARROW) as pilot:
            await pilot.press("ctrl+n")
            await pilot.pause()
            await type_text(pilot, "sit ups")
            host.screen.query_one("#f-reps", Input).value = "10"
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(host.screen, ConfirmScreen)
            assert "hip flexors" in str(host.screen.query_one("#confirm-message", Static).content)
            await pilot.press("n")
            await pilot.pause()
            assert host.builder.routine.steps == []

    @sync
    async def test_the_avoid_list_key_never_fails(self) -> None:
        host = make_host()
        async with host.run_test(size=NARROW, notifications=True) as pilot:
            await pilot.press("f4")
            await pilot.pause()
            opened = type(host.screen).__name__ == "AvoidScreen"
            told = any("avoid list" in n.message.lower() for n in host._notifications)
            assert opened or told


# -- the dosage form -------------------------------------------------------------------------------------------


class TestDosageForm:
    async def _open_form(self, pilot: Pilot[None], host: Host) -> StepFormScreen:
        steps = host.builder.query_one(RoutineSteps)
        steps.focus()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(host.screen, StepFormScreen)
        return host.screen

    @sync
    async def test_reps_zero_is_rejected_with_a_visible_message(self) -> None:
        host = make_host(routine=Routine(name="R", steps=[Step(exercise="verywell:pelvic-tilt")]))
        async with host.run_test(size=NARROW) as pilot:
            form = await self._open_form(pilot, host)
            form.query_one("#f-reps", Input).focus()
            await type_text(pilot, "0")
            assert str(form.query_one("#e-reps", Static).content) == "must be at least 1"
            assert form.query_one("#apply", Button).disabled
            await pilot.press("enter")
            await pilot.pause()
            assert host.screen is form  # not applied
            await pilot.press("backspace")
            await type_text(pilot, "8")
            assert str(form.query_one("#e-reps", Static).content) == ""
            assert not form.query_one("#apply", Button).disabled
            await pilot.press("enter")
            await pilot.pause()
        assert host.builder.routine.steps == [Step(exercise="verywell:pelvic-tilt", reps=8)]

    @sync
    async def test_limits_come_from_the_routine_schema(self) -> None:
        host = make_host(routine=Routine(name="R", steps=[Step(exercise="verywell:pelvic-tilt")]))
        async with host.run_test(size=NARROW) as pilot:
            form = await self._open_form(pilot, host)
            form.query_one("#f-sets", Input).value = "1001"
            form.query_one("#f-rest_s", Input).value = "0"
            form.query_one("#f-hold_s", Input).value = "two"
            await pilot.pause()
            assert str(form.query_one("#e-sets", Static).content) == "must be at most 1000"
            assert str(form.query_one("#e-rest_s", Static).content) == ""  # rest may be 0
            assert str(form.query_one("#e-hold_s", Static).content) == "must be a whole number"
            await pilot.press("escape")
            await pilot.pause()
        assert host.builder.routine.steps == [Step(exercise="verywell:pelvic-tilt")]

    @sync
    async def test_a_custom_step_needs_a_name_and_reps_or_a_time(self) -> None:
        host = make_host()
        async with host.run_test(size=NARROW) as pilot:
            await pilot.press("ctrl+n")
            await pilot.pause()
            form = host.screen
            assert isinstance(form, StepFormScreen)
            assert str(form.query_one("#e-name", Static).content) == "required"
            await type_text(pilot, "March")
            assert "needs reps or a time" in str(form.query_one("#form-problem", Static).content)
            assert form.query_one("#apply", Button).disabled
            form.query_one("#f-reps", Input).value = "20"
            await pilot.pause()
            assert not form.query_one("#apply", Button).disabled


def test_form_limits_match_the_step_schema() -> None:
    from backtui.tui.widgets.dosage_form import check_int

    assert check_int("reps", "0") == (None, "must be at least 1")
    assert check_int("rest_s", "0") == (0, "")
    assert check_int("hold_s", "86401") == (None, "must be at most 86400")
    assert check_int("sets", " ") == (None, "")


# -- snapshots -----------------------------------------------------------------------------------------------------

SIZES = pytest.mark.parametrize("size", [NARROW, ROOMY], ids=["80x24", "roomy"])
SAMPLE = Routine(
    name="Morning",
    description="Gentle start",
    steps=[
        Step(exercise="verywell:prone-lying"),
        Step(exercise="merative:knee-to-chest", reps=5),
        Step(name="Walk", duration_s=300),
    ],
)


class TestSnapshots:
    @SIZES
    def test_filtered_library(self, snap_compare: Any, size: tuple[int, int]) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await type_text(pilot, "knee")
            await pilot.press("down")
            await pilot.pause()

        assert snap_compare(make_host(routine=SAMPLE), run_before=run_before, terminal_size=size)

    @SIZES
    def test_avoid_warning(self, snap_compare: Any, size: tuple[int, int]) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await type_text(pilot, "crunches")
            await pilot.press("enter")
            await pilot.pause()

        assert snap_compare(make_host(routine=SAMPLE), run_before=run_before, terminal_size=size)

    @SIZES
    def test_dosage_form_with_an_error(self, snap_compare: Any, size: tuple[int, int]) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            host = pilot.app
            assert isinstance(host, Host)
            steps = host.builder.query_one(RoutineSteps)
            steps.focus()
            steps.highlighted = 1
            await pilot.press("e")
            await pilot.pause()
            host.screen.query_one("#f-reps", Input).focus()
            await pilot.press("ctrl+u", "0")
            await pilot.pause()

        assert snap_compare(make_host(routine=SAMPLE), run_before=run_before, terminal_size=size)

    @pytest.mark.parametrize("size", [pytest.param((60, 18), id="60x18"), pytest.param((80, 24), id="80x24")])
    @pytest.mark.parametrize("menu", ["#f-source", "#f-category"])
    def test_a_filter_menu_open(self, snap_compare: Any, size: tuple[int, int], menu: str) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            host = pilot.app
            assert isinstance(host, Host)
            host.builder.query_one(menu, Select).focus()
            await pilot.press("enter")
            await pilot.pause()

        assert snap_compare(make_host(routine=SAMPLE), run_before=run_before, terminal_size=size)

    def test_narrow_detail_swaps_with_the_routine(self, snap_compare: Any) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await pilot.press("f3")
            await pilot.pause()

        assert snap_compare(make_host(routine=SAMPLE), run_before=run_before, terminal_size=NARROW)
