"""The session state machine, driven by a fake clock: no sleeping, no drift, exact events."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from backtui.core.clock import FakeClock
from backtui.core.library import Library
from backtui.core.routine import Defaults, Routine, Step
from backtui.core.session import (
    PhaseStarted,
    Session,
    SessionEnded,
    SessionEvent,
    StepCompleted,
    StepRef,
    StepSkipped,
    Summary,
)
from backtui.core.timeline import Phase, plan


def two_step_routine() -> Routine:
    return Routine(
        name="Test",
        defaults=Defaults(prepare_s=5, transition_s=10, release_s=2, switch_s=5, rest_s=10),
        steps=[
            Step(name="Pelvic tilt", sets=2, reps=2, hold_s=5),
            Step(name="Side bend", duration_s=20, sides="each"),
        ],
    )


def phases_of(routine: Routine) -> list[Phase]:
    return plan(routine, Library())


def kinds(phases: list[Phase]) -> list[str]:
    return [p.kind for p in phases]


class Recorder:
    def __init__(self) -> None:
        self.events: list[SessionEvent] = []

    def __call__(self, event: SessionEvent) -> None:
        self.events.append(event)

    def of(self, kind: type) -> list[SessionEvent]:
        return [e for e in self.events if isinstance(e, kind)]


def make(routine: Routine | None = None) -> tuple[Session, FakeClock, Recorder]:
    clock = FakeClock()
    rec = Recorder()
    session = Session(phases_of(routine or two_step_routine()), clock, listener=rec)
    return session, clock, rec


def test_the_timeline_used_here_is_the_one_the_tests_assume() -> None:
    assert kinds(phases_of(two_step_routine())) == [
        "prepare", "hold", "release", "hold", "rest", "hold", "release", "hold",
        "transition", "prepare", "work", "switch", "work", "done",
    ]  # fmt: skip
    assert Session(phases_of(two_step_routine()), FakeClock()).total_s == 5 + 12 + 10 + 12 + 10 + 5 + 45


def test_phases_change_exactly_at_their_deadlines() -> None:
    session, clock, _ = make()
    session.start()
    assert session.phase.label == "GET READY" and session.remaining_s == 5
    clock.advance(4.999)
    session.tick()
    assert session.phase.kind == "prepare"
    assert session.remaining_whole_s == 1
    clock.advance(0.001)
    session.tick()
    assert session.phase.kind == "hold" and session.phase.rep == 1
    assert session.remaining_s == pytest.approx(5)


def test_a_long_stall_walks_through_every_phase_with_events_in_order() -> None:
    # Small ticks and one huge tick give the very same events.
    small, small_clock, small_rec = make()
    small.start()
    while not small.finished:
        small_clock.advance(0.05)
        small.tick()
    big, big_clock, big_rec = make()
    big.start()
    big_clock.advance(10_000)
    big.tick()
    assert big.status == "complete"
    assert big_rec.events == small_rec.events
    started = [e.phase.kind for e in big_rec.events if isinstance(e, PhaseStarted)]
    assert started == kinds(phases_of(two_step_routine()))
    # Step 0 completes right after its last hold, before the transition starts.
    names = [type(e).__name__ for e in big_rec.events]
    first_done = names.index("StepCompleted")
    assert isinstance(big_rec.events[first_done + 1], PhaseStarted)
    assert big_rec.events[first_done + 1].phase.kind == "transition"  # type: ignore[union-attr]
    assert isinstance(big_rec.events[-1], SessionEnded)
    # Elapsed stops when the routine ends, not when the late tick noticed.
    assert big.elapsed_s == big.total_s


def test_a_thirty_minute_routine_runs_to_complete_on_a_fake_clock() -> None:
    routine = Routine(
        name="Long",
        steps=[Step(name=f"Exercise {i}", sets=3, reps=10, hold_s=5) for i in range(8)],
    )
    session, clock, rec = make(routine)
    assert session.total_s >= 30 * 60
    session.start()
    while not session.finished:
        clock.advance(0.05)
        session.tick()
    summary = session.summary()
    assert summary.status == "complete"
    assert [s.name for s in summary.completed] == [f"Exercise {i}" for i in range(8)]
    assert summary.skipped == ()
    assert summary.elapsed_s == pytest.approx(session.total_s, abs=0.05)
    assert len(rec.of(SessionEnded)) == 1


def test_pause_keeps_the_time_left_and_resume_continues_exactly() -> None:
    session, clock, _ = make()
    session.start()
    clock.advance(3.25)
    session.pause()
    assert session.paused and session.remaining_s == pytest.approx(1.75)
    clock.advance(10)
    session.tick()
    assert session.phase.kind == "prepare"
    assert session.remaining_s == pytest.approx(1.75)
    assert session.elapsed_s == pytest.approx(3.25)
    session.resume()
    clock.advance(1.74)
    session.tick()
    assert session.phase.kind == "prepare"
    clock.advance(0.01)
    session.tick()
    assert session.phase.kind == "hold"


def test_many_pauses_cost_no_drift_over_the_whole_routine() -> None:
    session, clock, _ = make()
    session.start()
    paused_total = 0.0
    while not session.finished:
        clock.advance(0.7)
        session.toggle_pause()
        if session.paused:
            clock.advance(3.3)
            paused_total += 3.3
            session.toggle_pause()
    assert session.elapsed_s == pytest.approx(session.total_s)
    assert session.summary().status == "complete"


def test_a_suspension_without_a_pause_moves_on_by_exactly_the_real_time() -> None:
    # Ctrl+Z then fg: the monotonic clock jumped. Nothing lost or gained beyond that.
    session, clock, _ = make()
    session.start()
    clock.advance(6)
    session.tick()
    before = session.time_left_s
    clock.advance(31.5)  # the process was stopped for 31.5 s
    session.tick()
    assert session.time_left_s == pytest.approx(before - 31.5)
    assert session.elapsed_s == pytest.approx(37.5)


def test_a_suspension_treated_as_a_pause_costs_nothing() -> None:
    session, clock, _ = make()
    session.start()
    clock.advance(6)
    session.pause()  # what the runner does when the app says it is being suspended
    before = (session.index, session.remaining_s, session.time_left_s)
    clock.advance(600)
    session.tick()
    assert (session.index, session.remaining_s, session.time_left_s) == before
    session.resume()
    clock.advance(4)
    session.tick()
    assert session.time_left_s == pytest.approx(before[2] - 4)


def test_next_starts_the_following_phase_in_full() -> None:
    session, clock, rec = make()
    session.start()
    clock.advance(1)
    session.next()
    assert session.phase.kind == "hold" and session.remaining_s == 5
    clock.advance(2)
    session.tick()
    assert session.remaining_s == pytest.approx(3)
    assert [type(e) for e in rec.events] == [PhaseStarted, PhaseStarted]


def test_next_while_paused_moves_and_stays_paused() -> None:
    session, clock, _ = make()
    session.start()
    session.pause()
    session.next()
    assert session.paused and session.phase.kind == "hold" and session.remaining_s == 5
    clock.advance(50)
    session.tick()
    assert session.remaining_s == 5


def test_previous_restarts_the_phase_after_two_seconds_else_goes_back() -> None:
    session, clock, _ = make()
    session.start()
    clock.advance(5 + 3)  # 3 s into the first hold
    session.tick()
    assert session.phase.kind == "hold"
    session.previous()
    assert session.phase.kind == "hold" and session.remaining_s == 5
    clock.advance(1)
    session.previous()
    assert session.phase.kind == "prepare" and session.remaining_s == 5


def test_skip_exercise_jumps_to_the_next_step_and_records_the_skip() -> None:
    session, clock, rec = make()
    session.start()
    clock.advance(7)
    session.skip_exercise()
    assert session.phase.kind == "transition" and session.phase.name == "Side bend"
    assert rec.of(StepSkipped) == [StepSkipped(0, "Pelvic tilt", None)]
    clock.advance(10_000)
    session.tick()
    summary = session.summary()
    assert summary.status == "complete"
    assert [s.name for s in summary.completed] == ["Side bend"]
    assert [s.name for s in summary.skipped] == ["Pelvic tilt"]


def test_skipping_the_last_exercise_completes_the_routine() -> None:
    session, _clock, rec = make()
    session.start()
    session.skip_exercise()
    session.skip_exercise()
    assert session.status == "complete"
    assert [s.name for s in session.summary().skipped] == ["Pelvic tilt", "Side bend"]
    assert isinstance(rec.events[-1], SessionEnded)


def test_going_back_into_a_skipped_step_and_finishing_it_completes_it() -> None:
    session, clock, rec = make()
    session.start()
    for _ in range(7):  # to the last hold of step 0
        session.next()
    assert session.phase.kind == "hold" and session.phase.set == 2 and session.phase.rep == 2
    session.next()  # past its last hold: skipped
    assert rec.of(StepSkipped) == [StepSkipped(0, "Pelvic tilt", None)]
    session.previous()  # less than 2 s in: back to the last hold
    clock.advance(5)
    session.tick()
    assert rec.of(StepCompleted) == [StepCompleted(0, "Pelvic tilt", None)]
    summary = session.summary()
    assert [s.name for s in summary.completed] == ["Pelvic tilt"] and summary.skipped == ()


def test_a_completed_step_stays_completed() -> None:
    session, clock, rec = make()
    session.start()
    clock.advance(5 + 12 + 10 + 12)  # through step 0
    session.tick()
    assert session.phase.kind == "transition"
    session.previous()
    session.skip_exercise()
    assert rec.of(StepSkipped) == []
    assert [s.name for s in session.summary().completed] == ["Pelvic tilt"]


def test_stopping_for_pain_ends_the_session_and_skips_the_step_in_progress() -> None:
    session, clock, rec = make()
    session.start()
    clock.advance(8)
    session.tick()
    session.stop("pain")
    assert session.status == "pain" and session.finished
    summary = session.summary()
    assert summary.status == "pain"
    assert [s.name for s in summary.skipped] == ["Pelvic tilt"]
    assert summary.completed == ()
    assert summary.elapsed_s == pytest.approx(8)
    assert rec.events[-2:] == [StepSkipped(0, "Pelvic tilt", None), SessionEnded("pain", summary)]
    # Nothing moves after the end.
    clock.advance(100)
    assert session.tick() == [] and session.next() == [] and session.stop("quit") == []
    assert session.status == "pain"


def test_quit_while_paused_counts_only_running_time() -> None:
    session, clock, _ = make()
    session.start()
    clock.advance(2)
    session.pause()
    clock.advance(50)
    session.stop("quit")
    assert session.summary() == Summary((), (StepRef(0, "Pelvic tilt", None),), 2.0, session.total_s, "quit", 2)


def test_a_failing_listener_still_gets_every_event_and_the_error_surfaces() -> None:
    seen: list[SessionEvent] = []

    def listener(event: SessionEvent) -> None:
        seen.append(event)
        if isinstance(event, PhaseStarted) and event.phase.kind == "hold":
            raise RuntimeError("disk full")

    clock = FakeClock()
    session = Session(phases_of(two_step_routine()), clock, listener=listener)
    session.start()
    clock.advance(10_000)
    with pytest.raises(RuntimeError, match="disk full"):
        session.tick()
    assert session.status == "complete"
    assert isinstance(seen[-1], SessionEnded)


def test_commands_before_start_do_nothing() -> None:
    session, clock, _rec = make()
    clock.advance(100)
    assert session.tick() == [] and session.next() == [] and session.pause() == []
    assert session.status == "ready" and session.index == 0
    session.toggle_pause()  # space starts it
    assert session.running and session.remaining_s == 5


# ------------------------------------------------------------------ properties

ops = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(min_value=0, max_value=40, allow_nan=False)),
        st.tuples(st.sampled_from(["pause", "resume", "toggle", "next", "previous", "skip", "tick"]), st.none()),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(ops=ops)
@example(ops=[("advance", 19.09957266763595), ("next", None), ("pause", None)])  # float rounding at pause
def test_random_commands_keep_every_invariant(ops: list[tuple[str, float | None]]) -> None:
    session, clock, rec = make()
    session.start()
    running_time = 0.0
    for op, arg in ops:
        before_index, before_status = session.index, session.status
        before_left, before_remaining = session.time_left_s, session.remaining_s
        if op == "advance":
            assert arg is not None
            if session.running:
                running_time += arg
            clock.advance(arg)
            session.tick()
            if before_status == "paused":
                # Paused: nothing moves, whatever time passes.
                assert (session.index, session.remaining_s) == (before_index, before_remaining)
            elif before_status == "running":
                # Running: the routine moves on by exactly the time that passed.
                assert session.time_left_s == pytest.approx(max(0.0, before_left - arg), abs=1e-6)
                assert session.index >= before_index
        elif op == "tick":
            session.tick()
            assert session.index == before_index
        elif op in ("pause", "resume", "toggle"):
            getattr(session, {"toggle": "toggle_pause"}.get(op, op))()
            assert session.index == before_index
            assert session.remaining_s == pytest.approx(before_remaining)
        elif op == "next":
            session.next()
            if before_status in ("running", "paused"):
                assert session.index == before_index + 1
        elif op == "previous":
            session.previous()
            if before_status in ("running", "paused"):
                assert session.index in (before_index, max(0, before_index - 1))
                assert session.remaining_s == pytest.approx(session.phase.duration_s)
        elif op == "skip":
            session.skip_exercise()
            if before_status in ("running", "paused"):
                assert session.index > before_index
                assert session.finished or session.phase.step > session.phases[before_index].step
        assert 0 <= session.remaining_s <= session.phase.duration_s
        assert 0 <= session.time_left_s <= session.total_s
        if not session.finished:
            assert session.elapsed_s == pytest.approx(running_time, abs=1e-6)
        else:
            assert session.elapsed_s <= running_time + 1e-6
    summary = session.summary()
    completed = {s.step for s in summary.completed}
    skipped = {s.step for s in summary.skipped}
    assert not completed & skipped
    assert [e.index for e in rec.events if isinstance(e, PhaseStarted)][-1] == session.index
    assert len(rec.of(SessionEnded)) == (1 if session.finished else 0)
