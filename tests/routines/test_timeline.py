"""The timeline: which phases a routine runs through, how long each is, and in what order."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtui.core.library import Library
from backtui.core.routine import Defaults, Routine, Step
from backtui.core.timeline import LABELS, MAX_PHASES, Phase, TimelineError, plan, total_seconds

QUIET = Defaults(prepare_s=0, rest_s=0, transition_s=0, release_s=0, rep_s=3, switch_s=0)
EMPTY = Library()


def shape(phases: list[Phase]) -> list[tuple[Any, ...]]:
    """(kind, duration, set, rep, side) for every phase but the final done."""
    assert phases[-1].kind == "done"
    return [(p.kind, p.duration_s, p.set, p.rep, p.side) for p in phases[:-1]]


def one(step: Step, defaults: Defaults = QUIET, library: Library = EMPTY) -> list[Phase]:
    return plan(Routine(name="t", defaults=defaults, steps=[step]), library)


def test_a_timed_step_is_one_work_phase_after_get_ready() -> None:
    phases = one(Step(name="Lie down", duration_s=90), Defaults(prepare_s=5))
    assert shape(phases) == [("prepare", 5, None, None, None), ("work", 90, 1, None, None)]
    assert [p.label for p in phases] == ["GET READY", "WORK", "DONE"]
    assert phases[-1].start_s == 95


def test_reps_with_a_hold_are_holds_with_a_release_between() -> None:
    phases = one(Step(name="Tilt", reps=3, hold_s=5), Defaults(prepare_s=0, release_s=2))
    assert shape(phases) == [
        ("hold", 5, 1, 1, None),
        ("release", 2, 1, 2, None),
        ("hold", 5, 1, 2, None),
        ("release", 2, 1, 3, None),
        ("hold", 5, 1, 3, None),
    ]
    assert all(p.reps == 3 for p in phases[:-1])


def test_reps_without_a_hold_are_work_phases_of_rep_s() -> None:
    phases = one(Step(name="Pump", reps=2, rep_s=4))
    assert shape(phases) == [("work", 4, 1, 1, None), ("work", 4, 1, 2, None)]


def test_sets_are_separated_by_rest_but_not_followed_by_it() -> None:
    phases = one(Step(name="Bridge", sets=3, reps=1, hold_s=5, rest_s=60))
    assert shape(phases) == [
        ("hold", 5, 1, 1, None),
        ("rest", 60, 1, None, None),
        ("hold", 5, 2, 1, None),
        ("rest", 60, 2, None, None),
        ("hold", 5, 3, 1, None),
    ]
    assert all(p.sets == 3 for p in phases[:-1])


def test_sides_each_does_every_rep_on_the_start_side_then_switches() -> None:
    step = Step(name="Knee", reps=2, hold_s=3, sides="each", start_side="right", switch_s=5, release_s=1)
    assert shape(one(step)) == [
        ("hold", 3, 1, 1, "right"),
        ("release", 1, 1, 2, "right"),
        ("hold", 3, 1, 2, "right"),
        ("switch", 5, 1, None, "left"),
        ("hold", 3, 1, 1, "left"),
        ("release", 1, 1, 2, "left"),
        ("hold", 3, 1, 2, "left"),
    ]


def test_sides_alternate_take_turns_every_rep_from_the_start_side() -> None:
    step = Step(name="Bird dog", reps=2, hold_s=5, sides="alternate", release_s=2)
    assert shape(one(step)) == [
        ("hold", 5, 1, 1, "left"),
        ("release", 2, 1, 1, "right"),
        ("hold", 5, 1, 1, "right"),
        ("release", 2, 1, 2, "left"),
        ("hold", 5, 1, 2, "left"),
        ("release", 2, 1, 2, "right"),
        ("hold", 5, 1, 2, "right"),
    ]


def test_a_timed_step_with_sides_works_each_side_with_a_switch() -> None:
    step = Step(name="Side plank", duration_s=10, sides="each", start_side="right", switch_s=4)
    assert shape(one(step)) == [
        ("work", 10, 1, None, "right"),
        ("switch", 4, 1, None, "left"),
        ("work", 10, 1, None, "left"),
    ]


def test_steps_are_separated_by_a_transition_and_each_gets_ready() -> None:
    routine = Routine(
        name="t",
        defaults=Defaults(prepare_s=5, transition_s=10),
        steps=[Step(name="A", duration_s=30), Step(name="B", duration_s=20)],
    )
    phases = plan(routine, EMPTY)
    assert [(p.kind, p.duration_s, p.name, p.step) for p in phases] == [
        ("prepare", 5, "A", 0),
        ("work", 30, "A", 0),
        ("transition", 10, "B", 1),
        ("prepare", 5, "B", 1),
        ("work", 20, "B", 1),
        ("done", 0, "Routine complete", 2),
    ]


def test_zero_length_phases_are_left_out() -> None:
    step = Step(name="x", sets=2, reps=2, hold_s=3, sides="each", rest_s=0, release_s=0, switch_s=0, prepare_s=0)
    routine = Routine(name="t", defaults=QUIET, steps=[step, step])
    kinds = {p.kind for p in plan(routine, EMPTY)}
    assert kinds == {"hold", "done"}


def test_total_is_the_sum_of_the_phases_and_the_end_of_the_last() -> None:
    routine = Routine(
        name="t",
        steps=[Step(name="A", sets=2, reps=3, hold_s=5, sides="alternate"), Step(name="B", duration_s=45)],
    )
    phases = plan(routine, EMPTY)
    total = total_seconds(phases)
    # built-in defaults: prepare 5, rest 30, transition 10, release 2, switch 5
    a_set = 6 * 5 + 5 * 2  # six holds (3 reps x 2 sides), five releases between them
    assert total == 5 + a_set + 30 + a_set + 10 + 5 + 45
    assert phases[-1].start_s == phases[-1].end_s == total


def test_the_exercise_dosage_fills_what_the_step_leaves_out(library: Library) -> None:
    phases = one(Step(exercise="demo:bird-dog", reps=1), library=library)
    # demo:bird-dog: 2 sets x 10 reps, hold 5, rest 60, alternate; the step asks for 1 rep
    assert shape(phases) == [
        ("hold", 5, 1, 1, "left"),
        ("hold", 5, 1, 1, "right"),
        ("rest", 60, 1, None, None),
        ("hold", 5, 2, 1, "left"),
        ("hold", 5, 2, 1, "right"),
    ]
    assert phases[0].name == "Bird dog"
    assert phases[0].exercise == "demo:bird-dog"


def test_a_step_duration_makes_a_rep_exercise_timed(library: Library) -> None:
    assert shape(one(Step(exercise="demo:bird-dog", duration_s=30, sets=1), library=library)) == [
        ("work", 30, 1, None, "left"),
        ("work", 30, 1, None, "right"),
    ]


def test_a_hold_alone_is_one_held_rep(library: Library) -> None:
    # demo:curl-up's article gives only "hold 5 seconds": one rep held 5 s, not a 60 s timed set
    assert shape(one(Step(exercise="demo:curl-up"), library=library)) == [("hold", 5, 1, 1, None)]
    assert shape(one(Step(name="Curl", hold_s=8))) == [("hold", 8, 1, 1, None)]


def test_a_step_with_no_dosage_anywhere_runs_one_minute(library: Library) -> None:
    assert shape(one(Step(exercise="demo:no-dosage"), library=library)) == [("work", 60, 1, None, None)]


def test_a_missing_exercise_still_plans_from_the_step(library: Library) -> None:
    phases = one(Step(exercise="acme:foo", reps=2, hold_s=3), library=library)
    assert shape(phases) == [("hold", 3, 1, 1, None), ("hold", 3, 1, 2, None)]
    assert phases[0].name == "acme:foo"


def test_every_phase_kind_has_a_label() -> None:
    assert set(LABELS) == {"prepare", "work", "hold", "release", "rest", "switch", "transition", "done"}


def test_an_absurd_routine_is_refused_not_built() -> None:
    step = Step(name="x", sets=1000, reps=1000, hold_s=1, sides="each")
    with pytest.raises(TimelineError, match="more than 20,000 phases by steps\\[0\\]"):
        plan(Routine(name="t", steps=[step]), EMPTY)
    assert len(plan(Routine(name="t", defaults=QUIET, steps=[Step(name="x", reps=100)]), EMPTY)) <= MAX_PHASES


counts = st.integers(1, 4)
secs = st.integers(0, 90)
steps = st.builds(
    Step,
    name=st.just("s"),
    sets=st.none() | counts,
    reps=st.none() | counts,
    hold_s=st.none() | st.integers(1, 30),
    duration_s=st.none() | st.integers(1, 120),
    rest_s=st.none() | secs,
    sides=st.none() | st.sampled_from(["none", "each", "alternate"]),
    start_side=st.none() | st.sampled_from(["left", "right"]),
    release_s=st.none() | secs,
    rep_s=st.none() | st.integers(1, 10),
    prepare_s=st.none() | secs,
    switch_s=st.none() | secs,
)
defaults = st.builds(Defaults, prepare_s=secs, rest_s=secs, transition_s=secs, release_s=secs, switch_s=secs)


@settings(max_examples=200)
@given(st.lists(steps, max_size=6), defaults)
def test_phases_are_contiguous_and_add_up_to_the_total(step_list: list[Step], d: Defaults) -> None:
    phases = plan(Routine(name="t", defaults=d, steps=step_list), EMPTY)
    assert phases[0].start_s == 0
    for before, after in itertools.pairwise(phases):
        assert after.start_s == before.end_s
    assert all(p.duration_s > 0 for p in phases[:-1])
    assert phases[-1].kind == "done"
    assert total_seconds(phases) == sum(p.duration_s for p in phases) == phases[-1].end_s
    assert [p.step for p in phases[:-1]] == sorted(p.step for p in phases[:-1])
