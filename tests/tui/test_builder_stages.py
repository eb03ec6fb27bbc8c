"""The builder's step form picks one of an exercise's stages (the back extension's lead-in).

The same small host as ``test_builder``, over its synthetic library plus one source
whose exercise is built up in stages, so nothing depends on the installed plugins.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label, Select, Static
from textual.widgets._select import SelectCurrent

from backtui.core import timeline
from backtui.core.library import Library
from backtui.core.model import Dosage, Exercise, RepPosition, Source, Stage
from backtui.core.plugins import PluginRecord
from backtui.core.routine import Routine, Step
from backtui.core.routine_files import load_routine, save_routine
from backtui.tui.screens.builder import BuilderScreen
from backtui.tui.screens.step_form import StepFormScreen
from backtui.tui.widgets.routine_steps import RoutineSteps

from .test_builder import NARROW, Host, make_library, sync, type_text

LEAD_IN = Dosage(positions=(RepPosition(name="Face down", hold_s=300), RepPosition(name="On elbows", hold_s=120)))
PRESS_UPS = Dosage(sets=4, reps=10, hold_s=1, hold_range_s=(1, 10), rest_s=60)
#: A stage name a plugin could send: markup and a terminal control sequence, both to be shown as text.
ODD_NAME = "[b]slow[/b] \x1b[2J"

BACK_EXTENSION = Exercise(
    id="staged:back-extension",
    name="Back extension",
    category="stretch",
    position="prone",
    steps=("Lie face down.", "Press up through your hands."),
    dosage=PRESS_UPS,
    stages=(
        Stage(
            id="lead-in", name="lead-in", steps=("Lie face down for 5 minutes.", "Then on your elbows."), dosage=LEAD_IN
        ),
        Stage(id="press-ups", name="press-ups", dosage=PRESS_UPS),
        Stage(id="odd", name=ODD_NAME, dosage=Dosage(reps=2, sides="each", start_side="right")),
    ),
)


def staged_library() -> Library:
    staged = PluginRecord(
        name="staged",
        source=Source(id="staged", title="Built Up in Stages"),
        exercises=(BACK_EXTENSION,),
    )
    return Library((*make_library().records, staged))


def staged_host(**kwargs: Any) -> Host:
    return Host(BuilderScreen(staged_library(), **kwargs))


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make snapshots depend on timing."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


async def open_form(pilot: Pilot[None], host: Host, index: int) -> StepFormScreen:
    await pilot.press("ctrl+r")
    host.builder.query_one(RoutineSteps).highlighted = index
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(host.screen, StepFormScreen)
    return host.screen


def shown(form: StepFormScreen, selector: str) -> str:
    """The text a menu shows for its current choice."""
    return str(form.query_one(selector, Select).query_one(SelectCurrent).query_one("#label", Static).render())


def placeholders(form: StepFormScreen) -> dict[str, str]:
    return {f: form.query_one(f"#f-{f}", Input).placeholder for f in ("sets", "reps", "hold_s", "rest_s")}


class TestStageChoice:
    @sync
    async def test_add_pick_a_stage_save_and_reopen(self, backtui_home: Path) -> None:
        host = staged_host(routine=Routine(name="Evening"))
        async with host.run_test(size=NARROW, notifications=True) as pilot:
            await type_text(pilot, "back ext")
            await pilot.press("enter")
            await pilot.pause()
            assert host.builder.routine.steps == [Step(exercise="staged:back-extension")]
            assert any("comes in stages" in n.message for n in host._notifications)

            form = await open_form(pilot, host, 0)
            assert not host._notifications  # acted on: it would cover the form's buttons at 60×18
            stage = form.query_one("#f-stage", Select)
            assert form.focused is stage  # the stage comes first: it decides what the fields inherit
            assert shown(form, "#f-stage") == "The whole exercise"
            assert placeholders(form) == {"sets": "4", "reps": "10", "hold_s": "1", "rest_s": "60"}
            form.query_one("#f-sets", Input).value = "3"  # typed, then a stage is chosen: the stage's dosage wins
            await pilot.pause()

            # Enter opens the menu; the lead-in is the second choice
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("down", "enter")
            await pilot.pause()
            assert stage.value == "lead-in" and shown(form, "#f-stage") == "lead-in"
            assert form.query_one("#f-sets", Input).value == ""
            assert placeholders(form) == {"sets": "1", "reps": "—", "hold_s": "—", "rest_s": "30"}
            assert "face down 300s/on elbows 120s" in str(form.query_one("#stage-dosage", Static).render())
            assert "stage's own dosage" in str(form.query_one("#form-hint", Static).render())

            # Tab on to the note, then Enter in it applies
            await pilot.press("tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab")
            assert form.focused is form.query_one("#f-note", Input)
            await type_text(pilot, "easy")
            await pilot.press("enter")
            await pilot.pause()
            assert host.screen is host.builder
            first = str(host.builder.query_one(RoutineSteps).get_option_at_index(0).prompt)
            assert "Back extension: lead-in" in first

            await pilot.press("ctrl+s")
            await pilot.pause()

        saved = backtui_home / "routines" / "evening.toml"
        data = tomllib.loads(saved.read_text(encoding="utf-8"))
        assert data["steps"] == [{"exercise": "staged:back-extension", "stage": "lead-in", "note": "easy"}]
        routine = load_routine(saved)
        # the step runs the stage's dosage: one set of the two timed positions
        (resolved,) = timeline.resolve_all(routine, staged_library())
        assert resolved.stage == "lead-in" and resolved.sets == 1 and resolved.reps == 1
        assert resolved.positions == (("Face down", 300), ("On elbows", 120))

        reopened = staged_host(routine=routine, path=saved)
        async with reopened.run_test(size=NARROW) as pilot:
            form = await open_form(pilot, reopened, 0)
            assert form.query_one("#f-stage", Select).value == "lead-in"
            assert shown(form, "#f-stage") == "lead-in"
            assert placeholders(form)["sets"] == "1"
            assert "stage's own dosage" in str(form.query_one("#form-hint", Static).render())

    @sync
    async def test_a_value_typed_after_the_stage_is_kept_and_the_whole_exercise_drops_the_stage(self) -> None:
        routine = Routine(name="R", steps=[Step(exercise="staged:back-extension", stage="lead-in", sets=2)])
        host = staged_host(routine=routine)
        async with host.run_test(size=NARROW) as pilot:
            form = await open_form(pilot, host, 0)
            assert form.query_one("#f-sets", Input).value == "2"  # the step's own value, as saved
            form.query_one("#f-stage", Select).value = "press-ups"
            await pilot.pause()
            assert placeholders(form) == {"sets": "4", "reps": "10", "hold_s": "1", "rest_s": "60"}
            form.query_one("#f-reps", Input).value = "8"
            await pilot.pause()
            await pilot.click("#apply")
            await pilot.pause()
            assert host.builder.routine.steps == [Step(exercise="staged:back-extension", stage="press-ups", reps=8)]

            form = await open_form(pilot, host, 0)
            form.query_one("#f-stage", Select).value = ""  # "The whole exercise"
            await pilot.pause()
            assert "exercise's own dosage" in str(form.query_one("#form-hint", Static).render())
            await pilot.click("#apply")
            await pilot.pause()
        assert host.builder.routine.steps == [Step(exercise="staged:back-extension")]

    @sync
    async def test_stage_names_are_text_never_markup_or_control_sequences(self) -> None:
        routine = Routine(name="R", steps=[Step(exercise="staged:back-extension", stage="odd")])
        host = staged_host(routine=routine)
        async with host.run_test(size=NARROW) as pilot:
            form = await open_form(pilot, host, 0)
            assert shown(form, "#f-stage") == "[b]slow[/b] \\x1b[2J"
            # the stage's start side shows as the menu's prompt
            assert shown(form, "#f-start_side") == "right first"
            assert shown(form, "#f-sides") == "as given: each"
            await pilot.press("escape")
            await pilot.pause()
            row = str(host.builder.query_one(RoutineSteps).get_option_at_index(0).prompt)
            assert "Back extension: [b]slow[/b] \\x1b[2J" in row and "\x1b" not in row

    @sync
    async def test_a_stage_the_exercise_lacks_is_kept_as_it_is(self) -> None:
        routine = Routine(name="R", steps=[Step(exercise="staged:back-extension", stage="gone", reps=5)])
        host = staged_host(routine=routine)
        async with host.run_test(size=NARROW) as pilot:
            form = await open_form(pilot, host, 0)
            assert shown(form, "#f-stage") == "gone (not in this exercise)"
            form.query_one("#f-reps", Input).value = "6"
            await pilot.pause()
            await pilot.click("#apply")
            await pilot.pause()
        assert host.builder.routine.steps == [Step(exercise="staged:back-extension", stage="gone", reps=6)]

    @sync
    async def test_an_exercise_without_stages_shows_no_stage_control(self) -> None:
        routine = Routine(name="R", steps=[Step(exercise="verywell:pelvic-tilt"), Step(name="Walk", duration_s=60)])
        host = staged_host(routine=routine)
        async with host.run_test(size=NARROW) as pilot:
            for index in (0, 1):  # a library exercise with no stages, and a custom step
                form = await open_form(pilot, host, index)
                assert not form.query("#f-stage") and not form.query("#stage-row")
                assert "Stage" not in [str(label.render()) for label in form.query(Label)]
                assert form.focused is form.query(Input).first()
                await pilot.press("escape")
                await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert isinstance(host.screen, StepFormScreen) and not host.screen.query("#f-stage")

    @sync
    async def test_the_form_with_a_stage_fits_at_60x18(self) -> None:
        routine = Routine(name="R", steps=[Step(exercise="staged:back-extension", stage="lead-in")])
        host = staged_host(routine=routine)
        async with host.run_test(size=(60, 18)) as pilot:
            form = await open_form(pilot, host, 0)
            dialog = form.query_one("VerticalScroll")
            assert dialog.max_scroll_y == 0  # nothing hidden below the fold
            for selector in ("#f-stage", "#f-sets", "#f-note", "#cancel", "#apply"):
                assert dialog.region.contains_region(form.query_one(selector).region), selector


def test_saving_a_stage_writes_the_key_and_no_stage_writes_none(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    save_routine(
        Routine(name="R", steps=[Step(exercise="staged:back-extension", stage="lead-in"), Step(exercise="a:b")]), path
    )
    text = path.read_text(encoding="utf-8")
    assert text.count("stage =") == 1 and 'stage = "lead-in"' in text
    assert load_routine(path).steps[0].stage == "lead-in"


class TestStageSnapshots:
    @pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((60, 18), id="60x18")])
    def test_the_step_form_with_a_stage_chosen(self, snap_compare: Any, size: tuple[int, int]) -> None:
        routine = Routine(
            name="Evening",
            steps=[Step(exercise="verywell:prone-lying"), Step(exercise="staged:back-extension", stage="lead-in")],
        )

        async def run_before(pilot: Pilot[None]) -> None:
            host = pilot.app
            assert isinstance(host, Host)
            await open_form(pilot, host, 1)

        assert snap_compare(staged_host(routine=routine), run_before=run_before, terminal_size=size)


@sync
async def test_the_detail_pane_lists_each_stage_with_its_dosage_and_instructions() -> None:
    host = staged_host()
    async with host.run_test(size=(160, 44)) as pilot:
        await type_text(pilot, "back ext")
        text = str(host.builder.query_one("#detail-body", Static).content)
        assert "Stages" in text
        assert "• lead-in: face down 300s/on elbows 120s" in text
        assert "1. Lie face down for 5 minutes." in text
        assert "[b]slow[/b] \\x1b[2J: 2 reps each side" in text and "\x1b" not in text
