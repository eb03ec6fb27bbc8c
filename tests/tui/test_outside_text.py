"""Names and notes from routines and plugins reach the runner and the plugins view as visible
text: escape sequences shown as escapes, markup shown as its brackets."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from rich.text import Text
from textual.app import App
from textual.widgets import DataTable, Static

from backtui.core.history import CheckIn, History
from backtui.core.library import Library
from backtui.core.model import Dosage, Exercise, Source
from backtui.core.plugins import PluginRecord
from backtui.core.routine import Defaults, Routine, Step
from backtui.tui.screens.history import HistoryScreen, SessionScreen
from backtui.tui.screens.plugins import PluginsScreen
from tests.tui.test_runner import Host, pilot_test

EVIL = "A\x1b]52;c;aGk=\x07\x1b[2J[bold red]x[/]"
#: What a person should read in place of ``EVIL``.
SHOWN = "A\\x1b]52;c;aGk=\\x07\\x1b[2J[bold red]x[/]"

SOURCE = Source(id="evil", title="Title " + EVIL, author="Author " + EVIL, safety_notes=("Safety " + EVIL,))
EXERCISE = Exercise(
    id="evil:move",
    name="Move " + EVIL,
    category="stretch",
    position="supine",
    start="Start " + EVIL,
    steps=("Step " + EVIL,),
    cautions=("Caution " + EVIL,),
    dosage=Dosage(reps=1, hold_s=5),
)


def shown(widget: Static) -> str:
    return str(widget.render())


def assert_safe(text: str, label: str) -> None:
    assert "\x1b" not in text and "\x07" not in text
    assert f"{label} {SHOWN}" in text, text


@pilot_test
async def test_the_runner_shows_outside_text_as_visible_escapes_and_literal_brackets() -> None:
    library = Library([PluginRecord(name="evil", source=SOURCE, exercises=(EXERCISE,))])
    routine = Routine(
        name="Routine " + EVIL,
        defaults=Defaults(prepare_s=5, transition_s=5),
        steps=[
            Step(exercise="evil:move", note="Note " + EVIL),
            Step(name="Walk " + EVIL, duration_s=30),
        ],
    )
    app = Host(routine, library)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        runner = app.runner
        assert_safe(shown(runner.query_one("#routine-name", Static)), "Routine")
        assert_safe(shown(runner.query_one("#exercise-name", Static)), "Move")
        await pilot.press("i")
        await pilot.pause()
        assert_safe(shown(runner.query_one("#detail-note", Static)), "Note")
        instructions = shown(runner.query_one("#instructions-text", Static))
        for label in ("Start: Start", "1. Step", "Careful: Caution"):
            assert_safe(instructions, label)
        app.go_to(app.find("hold"))
        await pilot.pause()
        assert_safe(shown(runner.query_one("#next-up", Static)), "Next: Walk")
        await pilot.press("exclamation_mark")
        await pilot.pause()
        advice = shown(runner.query_one("#advice", Static))
        assert_safe(advice, "Title")
        assert_safe(advice, "• Safety")
        assert f"(Author {SHOWN})" in advice
        summary = shown(runner.query_one("#end-summary", Static))
        assert "\x1b" not in summary and f"Move {SHOWN}" in summary


class PluginsHost(App[None]):
    def __init__(self, records: list[PluginRecord]) -> None:
        super().__init__()
        self.records = records

    def on_mount(self) -> None:
        self.push_screen(PluginsScreen(self.records, error="Stopped " + EVIL))


@pilot_test
async def test_the_plugins_view_shows_outside_text_as_visible_escapes_and_literal_brackets() -> None:
    good = PluginRecord(
        name="evil",
        source=SOURCE,
        exercises=(EXERCISE,),
        distribution="dist " + EVIL,
        location="/where " + EVIL,
        warnings=("warned " + EVIL,),
    )
    bad = PluginRecord(name="broken " + EVIL, error="boom " + EVIL)
    app = PluginsHost([good, bad])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PluginsScreen)
        good_card, bad_card = (shown(card) for card in screen.query(".plugin-card").results(Static))
        for label in ("Title", "dist", "/where", "warning: warned"):
            assert_safe(good_card, label)
        for label in ("broken", "error: boom"):
            assert_safe(bad_card, label)
        assert_safe(shown(screen.query_one("#plugins-error", Static)), "Loading stopped: Stopped")


class HistoryHost(App[None]):
    def __init__(self, history: History) -> None:
        super().__init__()
        self.history = history

    def on_mount(self) -> None:
        self.push_screen(HistoryScreen(self.history))


@pilot_test
async def test_the_history_view_and_a_session_show_outside_text_as_visible_escapes(tmp_path: Path) -> None:
    history = History(tmp_path / "history.db")
    started = datetime(2026, 3, 2, 8, 0)
    sid = history.start_session("Routine " + EVIL, tmp_path / "r.toml", started_at=started)
    history.record_step(sid, 0, "Move " + EVIL, "evil:move", "completed", at=started + timedelta(minutes=1))
    history.add_checkin(sid, "before", CheckIn(3, (), "Note " + EVIL), at=started)
    history.finish_session(sid, "complete", elapsed_s=60, ended_at=started + timedelta(minutes=2))
    app = HistoryHost(history)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        cell = table.get_row_at(0)[1]
        assert isinstance(cell, Text) and "\x1b" not in cell.plain and cell.plain.startswith("Routine A\\x1b]52")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert_safe(shown(app.screen.query_one("#session-title", Static)), "Routine")
        assert_safe(shown(app.screen.query_one("#session-checkins", Static)), "note: Note")
        step = app.screen.query_one("#session-steps", DataTable).get_row_at(0)[1]
        assert isinstance(step, Text) and f"Move {SHOWN}" == step.plain


#: A Windows folder, a name with brackets and a backslash before one: what markup escaping gets wrong.
AWKWARD = "C:\\Users\\me\\ [draft] x\\[y]"


@pilot_test
async def test_dialogs_show_backslashes_and_brackets_exactly() -> None:
    from backtui.tui.screens.confirm import ConfirmScreen
    from backtui.tui.screens.error import ErrorScreen
    from backtui.tui.screens.routine_name import RoutineNameScreen

    class Dialogs(App[None]):
        pass

    app = Dialogs()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ConfirmScreen("Delete " + AWKWARD + "?", "The file " + AWKWARD + " goes.", yes="Delete"))
        await pilot.pause()
        assert shown(app.screen.query_one("#confirm-title", Static)) == "Delete " + AWKWARD + "?"
        assert shown(app.screen.query_one("#confirm-message", Static)) == "The file " + AWKWARD + " goes."
        app.pop_screen()
        app.push_screen(ErrorScreen(AWKWARD + ".toml", "line 1: " + AWKWARD))
        await pilot.pause()
        assert shown(app.screen.query_one("#error-file", Static)) == "File  " + AWKWARD + ".toml"
        assert shown(app.screen.query_one("#error-message", Static)) == "line 1: " + AWKWARD
        app.pop_screen()
        app.push_screen(RoutineNameScreen("Save " + AWKWARD, hint="Was " + AWKWARD))
        await pilot.pause()
        assert shown(app.screen.query_one("#name-title", Static)) == "Save " + AWKWARD
        assert shown(app.screen.query_one("#name-hint", Static)) == "Was " + AWKWARD


@pilot_test
async def test_the_builders_avoid_note_shows_outside_text_as_visible_escapes() -> None:
    from backtui.core.model import Avoid
    from backtui.tui.screens.builder import BuilderScreen
    from tests.tui.test_builder import Host as BuilderHost
    from tests.tui.test_builder import type_text

    avoid = Avoid(id="evil:sit-ups", name="Sit-ups " + EVIL, reason="Reason " + EVIL)
    library = Library([PluginRecord(name="evil", source=SOURCE, exercises=(EXERCISE,), avoid=(avoid,))])
    host = BuilderHost(BuilderScreen(library))
    async with host.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "sit ups")
        note = shown(host.builder.query_one("#avoid-note", Static))
        assert_safe(note, "Sit-ups")
        assert_safe(note, "Reason")
