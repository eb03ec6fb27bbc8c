"""Routines: the TOML files users own. Schema, load, save, and the checks ``validate`` runs.

A step leaves out what it wants to inherit: its value comes from the step, else the
exercise's default dosage, else the routine's ``[defaults]``, else backtui's
built-in defaults (``BUILTIN``). ``resolve`` applies that order in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

import msgspec

from backtui.core.model import Exercise, Sides

SCHEMA_VERSION = 1

Side = Literal["left", "right"]
Count = Annotated[int, msgspec.Meta(ge=1, le=1000)]
Seconds = Annotated[int, msgspec.Meta(ge=0, le=24 * 3600)]
PositiveSeconds = Annotated[int, msgspec.Meta(ge=1, le=24 * 3600)]
StepName = Annotated[str, msgspec.Meta(min_length=1, max_length=120)]
ExerciseRef = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*$")]


class Defaults(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """Timing that applies to every step that doesn't set its own. All in seconds."""

    prepare_s: Seconds = 5
    rest_s: Seconds = 30
    transition_s: Seconds = 10
    release_s: Seconds = 2
    rep_s: PositiveSeconds = 3
    switch_s: Seconds = 5


BUILTIN = Defaults()


class Step(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """One step: an exercise from the library (``exercise``) or a custom one (``name``)."""

    exercise: ExerciseRef | None = None
    name: StepName | None = None
    sets: Count | None = None
    reps: Count | None = None
    hold_s: PositiveSeconds | None = None
    duration_s: PositiveSeconds | None = None
    rest_s: Seconds | None = None
    sides: Sides | None = None
    start_side: Side | None = None
    release_s: Seconds | None = None
    rep_s: PositiveSeconds | None = None
    prepare_s: Seconds | None = None
    switch_s: Seconds | None = None
    note: Annotated[str, msgspec.Meta(max_length=2000)] | None = None

    @property
    def is_custom(self) -> bool:
        return self.exercise is None


class Routine(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """A routine file, schema 1."""

    schema: int = SCHEMA_VERSION
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=120)]
    description: Annotated[str, msgspec.Meta(max_length=2000)] = ""
    defaults: Defaults = Defaults()
    steps: Annotated[list[Step], msgspec.Meta(max_length=500)] = msgspec.field(default_factory=list)


@dataclass(frozen=True)
class ResolvedStep:
    """A step with every value filled in, ready for the timeline."""

    index: int
    exercise_id: str | None
    name: str
    missing: bool
    sets: int
    reps: int | None
    hold_s: int | None
    duration_s: int | None
    rest_s: int
    sides: str
    start_side: Side
    release_s: int
    rep_s: int
    prepare_s: int
    switch_s: int
    note: str


def step_title(step: Step, exercise: Exercise | None) -> str:
    """The name a person sees for a step."""
    if exercise is not None:
        return exercise.name
    if step.name:
        return step.name
    return step.exercise or "Unnamed step"


def resolve(routine: Routine, index: int, exercise: Exercise | None) -> ResolvedStep:
    """Fill a step's gaps: step, then exercise dosage, then routine defaults, then built-ins."""
    step = routine.steps[index]
    d = routine.defaults
    dose = exercise.dosage if exercise is not None else None

    def pick(step_value: int | None, dose_value: int | None) -> int | None:
        return step_value if step_value is not None else dose_value

    reps = pick(step.reps, dose.reps if dose else None)
    duration = pick(step.duration_s, dose.duration_s if dose else None)
    if step.reps is not None and step.duration_s is None:
        duration = None  # the step chose reps; the exercise's timed hold does not apply
    if step.duration_s is not None and step.reps is None:
        reps = None
    rest = pick(step.rest_s, dose.rest_s if dose else None)
    return ResolvedStep(
        index=index,
        exercise_id=step.exercise,
        name=step_title(step, exercise),
        missing=step.exercise is not None and exercise is None,
        sets=pick(step.sets, dose.sets if dose else None) or 1,
        reps=reps,
        hold_s=pick(step.hold_s, dose.hold_s if dose else None),
        duration_s=duration,
        rest_s=d.rest_s if rest is None else rest,
        sides=step.sides or (dose.sides if dose else "none"),
        start_side=step.start_side or "left",
        release_s=d.release_s if step.release_s is None else step.release_s,
        rep_s=step.rep_s or d.rep_s,
        prepare_s=d.prepare_s if step.prepare_s is None else step.prepare_s,
        switch_s=d.switch_s if step.switch_s is None else step.switch_s,
        note=step.note or "",
    )
