"""The timeline: a pure function from a routine to the ordered phases the runner paces.

No clock here. ``plan`` turns each step into phases:

* ``prepare`` before each exercise (``prepare_s``; left out when 0);
* a timed step (``duration_s``, no reps): one ``work`` phase per set and side;
* a rep step: per rep a ``hold`` (``hold_s``) or, with no hold, a ``work`` phase of
  ``rep_s``; an exercise with several positions per rep holds each in turn (one
  ``hold`` per position, named after it, a ``release`` between them); a ``release`` of
  ``release_s`` between reps (a step with only a hold is
  one rep; a step with no dosage at all is timed, ``FALLBACK_DURATION_S``);
* ``sides = "each"``: every rep on the start side, a ``switch`` (``switch_s``), then the
  other side; ``"alternate"``: sides take turns each rep, with a ``release`` between;
* ``rest`` (``rest_s``) between sets, ``transition`` (``transition_s``) between steps;
* a final ``done`` phase of 0 seconds.

Zero-length phases other than ``done`` are left out. The total is the sum of the phases.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import msgspec

from backtui.core.library import Library
from backtui.core.routine import ResolvedStep, Routine, resolve

PhaseKind = Literal["prepare", "work", "hold", "release", "rest", "switch", "transition", "done"]

#: Heading the runner shows for each kind of phase.
LABELS: dict[str, str] = {
    "prepare": "GET READY",
    "work": "WORK",
    "hold": "HOLD",
    "release": "RELAX",
    "rest": "REST",
    "switch": "SWITCH SIDES",
    "transition": "NEXT",
    "done": "DONE",
}

#: A step with neither reps nor a duration (the article gives no dosage) runs this long.
FALLBACK_DURATION_S = 60

#: More phases than this is not a routine a person runs; ``plan`` refuses it quickly.
MAX_PHASES = 20_000


class TimelineError(ValueError):
    """The routine would make an absurdly long timeline (more than ``MAX_PHASES`` phases)."""


class Phase(msgspec.Struct, frozen=True):
    """One stretch of time with one instruction. ``start_s`` is its offset from the start."""

    kind: PhaseKind
    duration_s: int
    start_s: int
    step: int
    name: str
    exercise: str | None
    set: int | None = None
    sets: int | None = None
    rep: int | None = None
    reps: int | None = None
    side: str | None = None
    position: str | None = None

    @property
    def end_s(self) -> int:
        return self.start_s + self.duration_s

    @property
    def label(self) -> str:
        """The heading: ``HOLD``, or the position and its hold (``SAG · hold 5``) within a rep."""
        if self.position is not None:
            return f"{self.position.upper()} · hold {_hold_text(self.duration_s)}"
        return LABELS[self.kind]


def _hold_text(seconds: int) -> str:
    """``5`` (seconds), ``2 min``, or ``1:30`` from a minute up."""
    if seconds < 60:
        return str(seconds)
    minutes, secs = divmod(seconds, 60)
    return f"{minutes} min" if not secs else f"{minutes}:{secs:02d}"


def _other(side: str) -> str:
    return "right" if side == "left" else "left"


def _step_phases(s: ResolvedStep) -> Iterator[tuple[PhaseKind, int, dict[str, object]]]:
    """(kind, duration, details) for one step, without prepare/transition."""
    sides = [s.start_side, _other(s.start_side)] if s.sides in ("each", "alternate") else [None]
    timed = s.reps is None
    duration = s.duration_s or FALLBACK_DURATION_S
    for set_no in range(1, s.sets + 1):
        base: dict[str, object] = {"set": set_no, "sets": s.sets}
        if timed:
            for n, side in enumerate(sides):
                if n:
                    yield "switch", s.switch_s, {**base, "side": side}
                yield "work", duration, {**base, "side": side}
        else:
            reps = s.reps or 1
            kind: PhaseKind = "hold" if s.hold_s else "work"
            length = s.hold_s or s.rep_s
            if s.sides == "alternate":
                order = [(rep, side) for rep in range(1, reps + 1) for side in sides]
            else:
                order = [(rep, side) for side in sides for rep in range(1, reps + 1)]
            previous_side = order[0][1]
            for n, (rep, side) in enumerate(order):
                at = {**base, "rep": rep, "reps": reps, "side": side}
                if n:
                    if s.sides == "each" and side != previous_side:
                        yield "switch", s.switch_s, {**base, "side": side}
                    else:
                        yield "release", s.release_s, at
                if s.positions:
                    for k, (position, hold) in enumerate(s.positions):
                        if k:
                            yield "release", s.release_s, at
                        yield "hold", hold, {**at, "position": position}
                else:
                    yield kind, length, at
                previous_side = side
        if set_no < s.sets:
            yield "rest", s.rest_s, {"set": set_no, "sets": s.sets}


def resolve_all(routine: Routine, library: Library) -> list[ResolvedStep]:
    """Every step resolved against the library (missing exercises resolve from the step alone)."""
    out = []
    for index, step in enumerate(routine.steps):
        exercise = library.get(step.exercise) if step.exercise else None
        out.append(resolve(routine, index, exercise))
    return out


def plan(routine: Routine, library: Library, *, max_phases: int = MAX_PHASES) -> list[Phase]:
    """The routine's phases, in order, ending with ``done``.

    Raises ``TimelineError`` as soon as the routine passes ``max_phases`` phases.
    """
    phases: list[Phase] = []
    clock = 0
    steps = resolve_all(routine, library)
    for n, s in enumerate(steps):
        common = {"step": s.index, "name": s.name, "exercise": s.exercise_id}
        if n and routine.defaults.transition_s:
            phases.append(Phase("transition", routine.defaults.transition_s, clock, **common))  # type: ignore[arg-type]
            clock += routine.defaults.transition_s
        if s.prepare_s:
            phases.append(Phase("prepare", s.prepare_s, clock, **common))  # type: ignore[arg-type]
            clock += s.prepare_s
        for kind, duration, details in _step_phases(s):
            if duration <= 0:
                continue
            phases.append(Phase(kind, duration, clock, **common, **details))  # type: ignore[arg-type]
            clock += duration
            if len(phases) > max_phases:
                raise TimelineError(
                    f"the routine makes more than {max_phases:,} phases by steps[{s.index}]; "
                    "lower its sets or reps, or split it into several routines"
                )
    phases.append(Phase("done", 0, clock, step=len(steps), name="Routine complete", exercise=None))
    return phases


def total_seconds(phases: list[Phase]) -> int:
    return sum(p.duration_s for p in phases)
