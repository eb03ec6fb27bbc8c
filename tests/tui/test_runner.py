"""The runner screen on a fake clock: Pilot journeys and snapshots of every state."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from textual.app import App
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from backtui.core.clock import FakeClock
from backtui.core.library import Library
from backtui.core.model import Dosage, Exercise, Source
from backtui.core.plugins import PluginRecord
from backtui.core.routine import Defaults, Routine, Step
from backtui.core.session import Summary
from backtui.core.timeline import Phase
from backtui.tui.screens.confirm import ConfirmScreen
from backtui.tui.screens.runner import PAUSED_COLOUR, PHASE_COLOURS, RunnerScreen, next_text
from backtui.tui.widgets.countdown import Countdown, clock_text
from backtui.tui.widgets.key_bar import KeyBar
from backtui.tui.widgets.phase_banner import PhaseBanner

SOURCE = Source(
    id="verywell",
    title="Exercises for Lower Back Pain",
    author="Test Author, PT",
    safety_notes=(
        "Monitor your symptoms while exercising, and stop if you feel any increase in pain.",
        "If your back pain is severe or lasts more than a few weeks, visit your doctor or physical therapist.",
    ),
)
OTHER = Source(id="merative", title="Back Exercises care notes", safety_notes=("Stop if you feel pain.",))

EXERCISES = (
    Exercise(
        id="verywell:pelvic-tilt",
        name="Pelvic Tilt",
        category="strengthen",
        position="supine",
        start="Lie on your back with your knees bent and your feet flat on the floor.",
        steps=(
            "Tighten your stomach muscles and flatten your lower back against the floor.",
            "Hold, then relax.",
        ),
        cautions=("Keep breathing while you hold.",),
        dosage=Dosage(sets=2, reps=3, hold_s=5, rest_s=30),
    ),
    Exercise(
        id="verywell:knee-to-chest",
        name="Knee to Chest",
        category="stretch",
        position="supine",
        steps=("Bring one knee to your chest with both hands.", "Hold, then lower it."),
        dosage=Dosage(reps=2, hold_s=10, sides="each"),
    ),
)


def library() -> Library:
    return Library(
        [
            PluginRecord(name="verywell", source=SOURCE, exercises=EXERCISES),
            PluginRecord(name="merative", source=OTHER),
        ]
    )


def routine() -> Routine:
    return Routine(
        name="Morning back routine",
        defaults=Defaults(prepare_s=5, transition_s=10, release_s=2, switch_s=5),
        steps=[
            Step(exercise="verywell:pelvic-tilt"),
            Step(exercise="verywell:knee-to-chest", note="Go only as far as is comfortable."),
            Step(name="Walk around the room", duration_s=60, note="An easy pace; let your back loosen."),
        ],
    )


class Host(App[None]):
    """Pushes a RunnerScreen on a fake clock and keeps what it dismisses with."""

    def __init__(self, routine: Routine | None = None, lib: Library | None = None, **screen_kwargs: Any) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.result: object = None
        self.dismissed = False
        screen_kwargs.setdefault("flash_s", 0)
        self.runner = RunnerScreen(routine or globals()["routine"](), lib or library(), self.clock, **screen_kwargs)

    def on_mount(self) -> None:
        self.push_screen(self.runner, self._done)

    def _done(self, result: object) -> None:
        self.dismissed = True
        self.result = result

    def advance(self, seconds: float) -> None:
        """Move the fake clock and let the screen see it, as its interval would."""
        self.clock.advance(seconds)
        self.runner.tick()

    def find(self, kind: str, nth: int = 0) -> Phase:
        return [p for p in self.runner.session.phases if p.kind == kind][nth]

    def go_to(self, phase: Phase, into: float = 1.0) -> None:
        """From an unpaused start, advance the clock to ``into`` seconds into ``phase``."""
        target = phase.start_s + into
        self.advance(target - self.runner.session.elapsed_s)


def pilot_test(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test in its own event loop (no async pytest plugin needed)."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run


def text_of(app: Host, selector: str) -> str:
    """What a widget shows, as plain text (markup applied)."""
    content = app.runner.query_one(selector, Static).content
    return Content.from_markup(content).plain if isinstance(content, str) else str(content)


def banner(app: Host) -> str:
    """The phase word the mat view shows in large letters."""
    return app.runner.query_one(PhaseBanner).text


def countdown(app: Host) -> str:
    return app.runner.query_one(Countdown).value


# ------------------------------------------------------------------ journeys


@pilot_test
async def test_a_routine_runs_to_routine_complete_and_leaves_with_its_summary() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        assert banner(app) == "GET READY"
        assert countdown(app) == "0:05"
        seen = set()
        while not app.runner.session.finished:
            app.advance(app.runner.session.remaining_s + 0.25)  # a quarter second into each phase
            await pilot.pause()
            seen.add(banner(app).split(" ")[0])
        assert {"HOLD", "RELAX", "REST", "SWITCH", "NEXT"} <= seen
        assert text_of(app, "#end-title") == "Routine complete"
        summary_text = text_of(app, "#end-summary")
        assert "Pelvic Tilt" in summary_text and "Walk around the room" in summary_text
        assert "Completed (3 of 3)" in summary_text
        assert "Skipped" not in summary_text
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.result, Summary)
    assert app.result.status == "complete"
    assert app.result.completed_names == ["Pelvic Tilt", "Knee to Chest", "Walk around the room"]
    assert app.result.elapsed_s == app.result.total_planned_s


@pilot_test
async def test_the_screen_wakes_itself_and_reads_the_clock() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.clock.advance(6)  # no explicit tick: the screen's own wake-up must notice
        for _ in range(100):  # it wakes at the next second of the countdown (about 1 s of real time)
            if banner(app) == "HOLD":
                break
            await pilot.pause(0.05)
        assert banner(app) == "HOLD"
        assert countdown(app) == "0:04"
        assert "Rep 1 of 3" in text_of(app, "#counters")


@pilot_test
async def test_it_wakes_when_the_shown_second_or_a_progress_cell_changes_and_sleeps_while_paused() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        runner = app.runner
        assert runner.next_change_s() == pytest.approx(1.0, abs=0.01)  # 0:05 → 0:04 in one second
        app.advance(0.3)
        assert runner.next_change_s() == pytest.approx(0.7, abs=0.01)
        assert runner._wake is not None
        await pilot.press("space")
        assert runner._wake is None  # paused: nothing changes, so nothing wakes
        await pilot.press("space")
        assert runner._wake is not None


@pilot_test
async def test_a_short_routine_wakes_for_each_half_cell_of_the_progress_bar() -> None:
    short = Routine(name="Short", defaults=Defaults(prepare_s=0), steps=[Step(name="Stand", duration_s=10)])
    app = Host(routine=short)
    async with app.run_test(size=(80, 24)):
        cells = 2 * app.runner.query_one("#progress").content_size.width
        assert cells > 20
        assert app.runner.next_change_s() == pytest.approx(10 / cells, abs=0.01)


@pilot_test
async def test_pause_and_resume_cost_no_drift() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go_to(app.find("hold"), into=1.5)
        await pilot.press("space")
        assert "PAUSED" in text_of(app, "#paused-label")
        assert banner(app) == "PAUSED" and app.runner.query_one("#paused-label").display
        remaining = app.runner.session.remaining_s
        app.advance(10)
        await pilot.pause()
        assert app.runner.session.remaining_s == remaining == 3.5
        assert countdown(app) == "0:04" and banner(app) == "PAUSED"
        assert "PAUSED in HOLD" in text_of(app, "#paused-label")
        await pilot.press("space")
        assert banner(app) == "HOLD" and not app.runner.query_one("#paused-label").display
        app.advance(3.49)
        await pilot.pause()
        assert banner(app) == "HOLD"
        app.advance(0.01)
        await pilot.pause()
        assert banner(app) == "RELAX"
        assert app.runner.session.elapsed_s == 5 + 5


@pilot_test
async def test_next_previous_and_skip_keys() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert banner(app) == "HOLD" and countdown(app) == "0:05"
        app.advance(3)
        await pilot.press("p")  # 3 s in: restart this hold
        assert banner(app) == "HOLD" and countdown(app) == "0:05"
        await pilot.press("p")  # just started: back to get ready
        assert banner(app) == "GET READY"
        await pilot.press("s")
        assert banner(app) == "NEXT"
        assert text_of(app, "#exercise-name") == "Knee to Chest"
        assert "Bring one knee" in text_of(app, "#instructions-text")
        assert [s.name for s in app.runner.session.summary().skipped] == ["Pelvic Tilt"]


@pilot_test
async def test_quit_asks_first_and_no_keeps_going() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go_to(app.find("hold"), into=1)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        app.advance(20)  # the question does not eat the hold
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is app.runner and app.runner.session.running
        assert app.runner.session.remaining_s == 4
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.dismissed
    assert isinstance(app.result, Summary) and app.result.status == "quit"
    assert app.result.skipped_names == ["Pelvic Tilt"]


@pilot_test
async def test_escape_asks_while_running_and_leaves_once_finished() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no
        await pilot.pause()
        assert app.screen is app.runner and app.runner.session.running
        app.advance(10_000)
        await pilot.pause()
        assert text_of(app, "#end-title") == "Routine complete"
        await pilot.press("escape")
        await pilot.pause()
    assert app.dismissed and isinstance(app.result, Summary) and app.result.status == "complete"


@pytest.mark.parametrize("key", ["H", "exclamation_mark"])
@pilot_test
async def test_the_hurt_key_stops_and_shows_the_sources_advice(key: str) -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go_to(app.find("hold"))
        await pilot.press(key)
        await pilot.pause()
        assert app.runner.session.status == "pain"
        advice = text_of(app, "#advice")
        assert app.runner.query_one("#advice").display
        assert "stop if you feel any increase in pain" in advice
        assert "visit your doctor or physical therapist" in advice
        assert "Exercises for Lower Back Pain" in advice
        # Only the sources the routine uses.
        assert "Back Exercises care notes" not in advice
        app.advance(30)
        await pilot.pause()
        assert app.runner.session.status == "pain"
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(app.result, Summary) and app.result.status == "pain"


@pilot_test
async def test_a_routine_of_custom_steps_shows_every_loaded_source_when_it_hurts() -> None:
    custom = Routine(name="Custom", steps=[Step(name="Gentle walk", duration_s=30)])
    app = Host(routine=custom)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("H")
        advice = text_of(app, "#advice")
        assert "uses no loaded source" in advice
        assert "Stop if you feel pain." in advice and "increase in pain" in advice


@pilot_test
async def test_the_bell_rings_once_per_phase_change_and_not_when_muted(monkeypatch: pytest.MonkeyPatch) -> None:
    app = Host()
    rings: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test(size=(80, 24)) as pilot:
        assert rings == []  # starting is not a change
        app.advance(5)  # prepare → hold
        app.advance(4)
        app.advance(1)  # hold → release
        await pilot.press("n")  # release → hold
        await pilot.pause()
        assert len(rings) == 3
        await pilot.press("m")
        assert text_of(app, "#bell-state") == "bell off"
        app.advance(5)
        await pilot.press("n")
        await pilot.pause()
        assert len(rings) == 3
        await pilot.press("m")
        await pilot.press("n")
        assert len(rings) == 4


def backgrounds(widget: Widget) -> set[str]:
    """The background colours of the first row ``widget`` draws, as hex."""
    strip = widget.render_lines(Region(0, 0, widget.size.width, 1))[0]
    return {
        seg.style.bgcolor.triplet.hex for seg in strip if seg.style and seg.style.bgcolor and seg.style.bgcolor.triplet
    }


@pilot_test
async def test_the_colour_changes_with_the_phase_and_the_word_flashes_when_it_cannot() -> None:
    holds = Routine(
        name="Holds", defaults=Defaults(prepare_s=5, release_s=0), steps=[Step(name="Hold", reps=2, hold_s=5)]
    )
    app = Host(routine=holds, flash_s=30)
    async with app.run_test(size=(80, 24)) as pilot:
        banner = app.runner.query_one("#banner")
        assert backgrounds(banner) == {PHASE_COLOURS["prepare"]}
        app.advance(5)  # get ready → hold: a new colour
        await pilot.pause()
        assert backgrounds(banner) == {PHASE_COLOURS["hold"]} and not banner.has_class("-flash")
        app.advance(5)  # hold → hold: the same colour, so the word flashes
        await pilot.pause()
        assert banner.has_class("-flash") and "Rep 2 of 2" in text_of(app, "#counters")


@pilot_test
async def test_after_a_colour_change_every_view_draws_on_the_new_colour() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go_to(app.find("hold"))  # from get ready (amber) to a hold (green)
        await pilot.pause()
        green = PHASE_COLOURS["hold"]
        for selector in ("#counters", "#next-up", "#time-left"):
            assert backgrounds(app.runner.query_one(selector)) == {green}, selector
        assert green in backgrounds(app.runner.query_one(Countdown))
        await pilot.press("i")  # the detail view was hidden when the colour changed
        await pilot.pause()
        for selector in ("#detail-phase", "#counters", "#exercise-name"):
            assert backgrounds(app.runner.query_one(selector)) == {green}, selector
        await pilot.press("space")  # paused: grey, the detail view on show this time
        await pilot.pause()
        assert backgrounds(app.runner.query_one("#detail-phase")) == {PAUSED_COLOUR}
        await pilot.press("i")
        await pilot.pause()
        assert PAUSED_COLOUR in backgrounds(app.runner.query_one(Countdown))


@pilot_test
async def test_suspending_the_app_pauses_and_it_stays_paused_after_fg() -> None:
    app = Host()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.go_to(app.find("hold"), into=2)
        app.app_suspend_signal.publish(app)
        assert app.runner.session.paused
        app.clock.advance(120)  # stopped in the background for two minutes
        app.app_resume_signal.publish(app)
        await pilot.pause()
        assert app.runner.session.paused and app.runner.session.remaining_s == 3
        assert "PAUSED" in text_of(app, "#paused-label")
        assert any("background" in n.message for n in app._notifications)
        await pilot.press("space")
        app.advance(3)
        await pilot.pause()
        assert banner(app) == "RELAX"


@pilot_test
async def test_a_missing_exercise_runs_with_a_clear_note() -> None:
    gone = Routine(name="Gone", steps=[Step(exercise="verywell:not-here", duration_s=20)])
    app = Host(routine=gone)
    async with app.run_test(size=(80, 24)):
        assert "verywell:not-here" in text_of(app, "#instructions-text")
        assert "not in the loaded sources" in text_of(app, "#instructions-text")


@pytest.mark.parametrize(("size", "rows"), [((80, 24), 7), ((200, 60), 25)])
@pilot_test
async def test_the_countdown_digits_are_large_enough_to_read_from_the_floor(size: tuple[int, int], rows: int) -> None:
    app = Host()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        clock = app.runner.query_one(Countdown)
        drawn = [line for line in clock.lines if "█" in line]
        assert len(drawn) >= rows  # at least 7 rows at 80×24, about half the height at 200×60
        assert clock.region.height == clock.rows >= rows  # and all of them on the screen


@pilot_test
async def test_at_60x18_every_runner_key_fits_on_the_bar_and_the_clock_keeps_7_rows() -> None:
    app = Host()
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        keys = app.runner.query_one(KeyBar)._keys()
        assert keys.width <= 60
        assert {"toggle_pause", "next_phase", "skip_exercise", "hurt", "details", "mute", "quit_routine"} <= {
            key.action for key in keys.keys
        }
        assert app.runner.query_one(Countdown).region.height >= 7


@pilot_test
async def test_i_shows_the_note_and_steps_and_i_again_the_big_clock() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.go_to(app.find("hold", 6))  # knee to chest, whose step has a note
        await pilot.press("i")
        note = app.runner.query_one("#detail-note")
        assert "Go only as far as is comfortable." in text_of(app, "#detail-note")
        assert note.region.height and note.region.bottom <= 24  # visible without scrolling
        assert "Bring one knee" in text_of(app, "#instructions-text")
        assert not app.runner.query_one(Countdown).region
        await pilot.press("i")
        await pilot.pause()
        assert app.runner.query_one(Countdown).region.height >= 7


def test_next_text_says_what_comes_next() -> None:
    app = Host()
    phases = app.runner.session.phases
    first_hold = phases.index(app.find("hold"))
    assert next_text(phases[0], phases[1]) == "Next: HOLD · 5 s"
    assert next_text(phases[first_hold], phases[first_hold + 1]) == "Next: RELAX · 2 s"
    assert next_text(phases[first_hold + 1], phases[first_hold + 2]) == "Next: HOLD · 5 s · rep 2 of 3"
    rest = app.find("rest")
    assert next_text(phases[phases.index(rest) - 1], rest) == "Next: REST · 30 s · then set 2 of 2"
    transition = app.find("transition")
    assert next_text(phases[phases.index(transition) - 1], transition) == "Next: Knee to Chest"
    switch = app.find("switch")
    assert next_text(phases[phases.index(switch) - 1], switch) == "Next: SWITCH SIDES · 5 s · then the right side"
    assert next_text(phases[-2], phases[-1]) == "Next: the end of the routine"


def test_clock_text_rounds_up_like_a_countdown() -> None:
    assert [clock_text(s) for s in (0, 0.2, 4.2, 5, 59.5, 75, 3600, 3725)] == [
        "0:00", "0:01", "0:05", "0:05", "1:00", "1:15", "1:00:00", "1:02:05",
    ]  # fmt: skip


# ------------------------------------------------------------------ snapshots


def _at(kind: str, nth: int = 0, into: float = 1.0, keys: tuple[str, ...] = ()) -> Any:
    async def run_before(pilot: Any) -> None:
        app: Host = pilot.app
        await pilot.pause()
        if kind:
            app.go_to(app.find(kind, nth), into=into)
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


#: The states every size is drawn in: (kind of phase, which one, seconds into it, keys).
STATES = {
    "get_ready": ("", 0, 1.0, ()),
    "hold_count_in": ("hold", 1, 3.0, ()),  # the last seconds of a hold
    "relax": ("release", 0, 1.0, ()),
    "rest": ("rest", 0, 12.0, ()),
    "switch_sides": ("switch", 0, 1.0, ()),
    "paused": ("hold", 4, 1.0, ("space",)),
}
SIZES = {"80x24": (80, 24), "120x40": (120, 40), "200x60": (200, 60)}


class TestRunnerSnapshots:
    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("state", STATES)
    def test_mat_view(self, snap_compare: Any, state: str, size: str) -> None:
        kind, nth, into, keys = STATES[state]
        assert snap_compare(Host(), terminal_size=SIZES[size], run_before=_at(kind, nth, into=into, keys=keys))

    @pytest.mark.parametrize("size", SIZES)
    def test_detail_view(self, snap_compare: Any, size: str) -> None:
        # The walk around the room: a custom step whose note must show without scrolling.
        assert snap_compare(Host(), terminal_size=SIZES[size], run_before=_at("work", 0, into=5, keys=("i",)))

    def test_detail_view_of_an_exercise(self, snap_compare: Any) -> None:
        assert snap_compare(Host(), terminal_size=(80, 24), run_before=_at("hold", 6, keys=("i",)))

    def test_complete_summary(self, snap_compare: Any) -> None:
        async def run_before(pilot: Any) -> None:
            app: Host = pilot.app
            await pilot.pause()
            await pilot.press("s")  # skip the pelvic tilt
            app.advance(10_000)
            await pilot.pause()

        assert snap_compare(Host(), terminal_size=(80, 24), run_before=run_before)

    def test_pain_panel(self, snap_compare: Any) -> None:
        assert snap_compare(Host(), terminal_size=(80, 24), run_before=_at("hold", 2, keys=("exclamation_mark",)))
