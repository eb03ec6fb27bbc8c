"""Routines: the TOML files users own. Schema, load, save, and the checks ``validate`` runs.

A step leaves out what it wants to inherit: its value comes from the step, else the
exercise's default dosage, else the routine's ``[defaults]``, else backtui's
built-in defaults (the values in ``Defaults``). ``resolve`` applies that order in one place, and
decides whether a step counts reps or is timed: the step's own ``reps`` or
``duration_s`` wins; else the exercise's reps, else its duration; a hold with
neither is one rep held that long. docs/routine-format.md is the user's version.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from backtui.core.model import Dosage, Exercise, Sides

SCHEMA_VERSION = 1

Side = Literal["left", "right"]
MAX_STEPS = 500


Count = Annotated[int, msgspec.Meta(ge=1, le=1000)]
Seconds = Annotated[int, msgspec.Meta(ge=0, le=24 * 3600)]
PositiveSeconds = Annotated[int, msgspec.Meta(ge=1, le=24 * 3600)]
StepName = Annotated[
    str, msgspec.Meta(min_length=1, max_length=120, description="A custom step's name (a step from no plugin).")
]
ExerciseRef = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*$",
        max_length=161,
        description="The exercise's id, SOURCE:SLUG, e.g. 'twelve-best:bird-dog'.",
    ),
]
Note = Annotated[str, msgspec.Meta(max_length=2000, description="A note shown while the step runs.")]
StageRef = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        max_length=80,
        description="Which of the exercise's stages this step runs (e.g. 'lead-in'); "
        "left out, the exercise's own dosage runs.",
    ),
]


class Defaults(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """Timing that applies to every step that doesn't set its own. All in seconds."""

    prepare_s: Annotated[int, msgspec.Meta(ge=0, le=24 * 3600, description="Get-ready countdown before each step.")] = 5
    rest_s: Annotated[
        int, msgspec.Meta(ge=0, le=24 * 3600, description="Rest between sets, when neither step nor exercise says.")
    ] = 30
    transition_s: Annotated[int, msgspec.Meta(ge=0, le=24 * 3600, description="Pause between two steps.")] = 10
    release_s: Annotated[int, msgspec.Meta(ge=0, le=24 * 3600, description="Relax time between two reps.")] = 2
    rep_s: Annotated[int, msgspec.Meta(ge=1, le=24 * 3600, description="Length of one rep that has no hold.")] = 3
    switch_s: Annotated[int, msgspec.Meta(ge=0, le=24 * 3600, description="Time to change sides.")] = 5


class Step(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """One step: an exercise from the library (``exercise``) or a custom one (``name``), never both.

    Leave a value out to inherit it: from the exercise's dosage, then the routine's
    ``[defaults]``, then backtui's built-in defaults.
    """

    exercise: ExerciseRef | None = None
    name: StepName | None = None
    stage: StageRef | None = None
    sets: Annotated[int, msgspec.Meta(ge=1, le=1000, description="Number of sets.")] | None = None
    reps: Annotated[int, msgspec.Meta(ge=1, le=1000, description="Reps per set (per side with sides).")] | None = None
    hold_s: (
        Annotated[
            int,
            msgspec.Meta(
                ge=1,
                le=24 * 3600,
                description="Hold at the end of each rep; for an exercise with several positions per rep, "
                "the hold of each position.",
            ),
        ]
        | None
    ) = None
    duration_s: (
        Annotated[int, msgspec.Meta(ge=1, le=24 * 3600, description="A timed step: how long each set lasts.")] | None
    ) = None
    rest_s: Annotated[int, msgspec.Meta(ge=0, le=24 * 3600, description="Rest between sets.")] | None = None
    sides: (
        Annotated[
            Sides,
            msgspec.Meta(
                description="'none'; 'each': every rep on one side, then the other; 'alternate': sides take turns."
            ),
        ]
        | None
    ) = None
    start_side: (
        Annotated[Side, msgspec.Meta(description="The side a sided step starts on (else the exercise's, else left).")]
        | None
    ) = None
    release_s: Annotated[int, msgspec.Meta(ge=0, le=24 * 3600, description="Relax time between reps.")] | None = None
    rep_s: Annotated[int, msgspec.Meta(ge=1, le=24 * 3600, description="Length of one rep with no hold.")] | None = None
    prepare_s: (
        Annotated[int, msgspec.Meta(ge=0, le=24 * 3600, description="Get-ready countdown before this step.")] | None
    ) = None
    switch_s: Annotated[int, msgspec.Meta(ge=0, le=24 * 3600, description="Time to change sides.")] | None = None
    note: Note | None = None

    @property
    def is_custom(self) -> bool:
        return self.exercise is None


class Routine(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """A backtui routine file, schema 1."""

    schema: Annotated[
        int, msgspec.Meta(ge=1, le=SCHEMA_VERSION, description="The format version of this file; 1 today.")
    ] = SCHEMA_VERSION
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=120, description="The routine's name.")]
    description: Annotated[str, msgspec.Meta(max_length=2000, description="A line or two about the routine.")] = ""
    defaults: Annotated[
        Defaults, msgspec.Meta(description="Timing for every step that doesn't set its own (seconds).")
    ] = Defaults()
    steps: Annotated[
        list[Step], msgspec.Meta(max_length=MAX_STEPS, description="The steps, in the order they run.")
    ] = msgspec.field(default_factory=list)


def step_shape_problem(step: Step) -> str | None:
    """Why a step is neither an exercise step nor a custom step, or None when it is one."""
    if step.exercise is not None and step.name is not None:
        return "a step has 'exercise' (from the library) or 'name' (a custom step), not both"
    if step.exercise is None and step.name is None:
        return "a step needs 'exercise' (an id like 'twelve-best:bird-dog') or 'name' (a custom step)"
    return None


class ResolvedStep(msgspec.Struct, frozen=True):
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
    positions: tuple[tuple[str, int], ...] = ()
    stage: str | None = None

    @property
    def source_id(self) -> str | None:
        """The source an exercise step names (``acme`` for ``acme:foo``); None for a custom step."""
        return self.exercise_id.split(":", 1)[0] if self.exercise_id else None

    @property
    def timed(self) -> bool:
        """A timed step runs ``duration_s`` per set (and side); otherwise it counts reps."""
        return self.reps is None

    @property
    def has_dosage(self) -> bool:
        """False when neither the step nor its exercise says how much to do."""
        return self.reps is not None or self.duration_s is not None


def step_title(step: Step, exercise: Exercise | None) -> str:
    """The name a person sees for a step (with its stage's name when it picks one)."""
    if exercise is not None:
        stage = exercise.stage(step.stage) if step.stage else None
        return f"{exercise.name}: {stage.name}" if stage is not None else exercise.name
    if step.name:
        return step.name
    return step.exercise or "Unnamed step"


def resolve(routine: Routine, index: int, exercise: Exercise | None) -> ResolvedStep:
    """Fill a step's gaps: step, then exercise dosage, then routine defaults, then built-ins."""
    step = routine.steps[index]
    d = routine.defaults
    dose = step_dosage(step, exercise)

    def pick(step_value: int | None, dose_value: int | None) -> int | None:
        return step_value if step_value is not None else dose_value

    reps = pick(step.reps, dose.reps if dose else None)
    duration = pick(step.duration_s, dose.duration_s if dose else None)
    hold = pick(step.hold_s, dose.hold_s if dose else None)
    if step.reps is not None:
        duration = None  # reps win: a step that counts reps is not timed
    elif step.duration_s is not None:
        reps = None  # the step chose a timed set; the exercise's reps do not apply
    elif reps is not None:
        duration = None  # the exercise gives both: reps win, as for a step
    positions = dose.positions if dose is not None and step.duration_s is None else ()
    if reps is None and duration is None and (hold is not None or positions):
        reps = 1  # only a hold (curl-up style): one rep held that long
    if reps is None:
        hold = None  # a timed step has no holds
        positions = ()
    timed_positions = tuple((p.name, step.hold_s or p.hold_s) for p in positions)
    if timed_positions:
        hold = None  # each position has its own hold
    rest = pick(step.rest_s, dose.rest_s if dose else None)
    return ResolvedStep(
        index=index,
        exercise_id=step.exercise,
        name=step_title(step, exercise),
        missing=step.exercise is not None and exercise is None,
        sets=pick(step.sets, dose.sets if dose else None) or 1,
        reps=reps,
        hold_s=hold,
        duration_s=duration,
        rest_s=d.rest_s if rest is None else rest,
        sides=step.sides or (dose.sides if dose else "none"),
        start_side=step.start_side or (dose.start_side if dose else None) or "left",
        release_s=d.release_s if step.release_s is None else step.release_s,
        rep_s=step.rep_s or d.rep_s,
        prepare_s=d.prepare_s if step.prepare_s is None else step.prepare_s,
        switch_s=d.switch_s if step.switch_s is None else step.switch_s,
        note=step.note or "",
        positions=timed_positions,
        stage=step.stage if dose is not None and exercise is not None and exercise.stage(step.stage or "") else None,
    )


def step_dosage(step: Step, exercise: Exercise | None) -> Dosage | None:
    """The dosage a step starts from: its stage's, else the exercise's (None for a custom step)."""
    if exercise is None:
        return None
    stage = exercise.stage(step.stage) if step.stage else None
    return stage.dosage if stage is not None else exercise.dosage
