"""Checking a loaded routine against the library: what ``backtui validate`` and the builder report.

Loading (``routine_files.load_routine``) already guarantees the file's shape and
types. ``check`` looks at what only the library can tell: exercises no loaded
source provides, steps on a source's avoid list, steps with no dosage, settings
that have no effect, and timelines too long to run.
"""

from __future__ import annotations

import difflib
from typing import Literal

import msgspec

from backtui.core.library import Library
from backtui.core.routine import Routine, resolve, step_shape_problem
from backtui.core.terminal_text import printable
from backtui.core.tomlfile import DataError

Severity = Literal["error", "warning"]

#: A routine longer than this gets a warning: probably a typo (minutes typed as seconds).
LONG_ROUTINE_S = 4 * 3600


def _one_line(text: str) -> str:
    return " ".join(text.split())


class Problem(msgspec.Struct, frozen=True):
    """One thing wrong (``error``) or doubtful (``warning``) in one routine file."""

    severity: Severity
    path: str
    message: str
    file: str = ""
    line: int | None = None
    col: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        """One line; control characters from the file (in a name, key or value) shown escaped."""
        message = _one_line(self.message)
        if self.severity == "warning":
            message = f"warning: {message}"
        if self.line is not None:
            return printable(f"{self.file}:{self.line}:{self.col or 1}: {message}")
        if self.path:
            return printable(f"{self.file}: {self.path}: {message}")
        return printable(f"{self.file}: {message}")

    @classmethod
    def from_error(cls, exc: DataError) -> Problem:
        """The problem a file that failed to load has."""
        return cls("error", exc.path, exc.message, exc.file, exc.line, exc.col)


def check(routine: Routine, library: Library, file: str = "") -> list[Problem]:
    """Every problem in ``routine`` that the library can reveal, in file order."""
    from backtui.core.timeline import TimelineError, plan, total_seconds

    problems: list[Problem] = []

    def add(severity: Severity, path: str, message: str) -> None:
        problems.append(Problem(severity, path, message, file))

    if not routine.steps:
        add("warning", "steps", "the routine has no steps; add at least one [[steps]] table")
    for index, step in enumerate(routine.steps):
        at = f"steps[{index}]"
        if shape := step_shape_problem(step):
            add("error", at, shape)
            continue
        exercise = library.get(step.exercise) if step.exercise else None
        if step.exercise and exercise is None:
            add("error", f"{at}.exercise", _missing_message(step.exercise, library))
        if step.stage is not None:
            if step.name is not None:
                add("error", f"{at}.stage", "a custom step has no stages; 'stage' picks one of an exercise's stages")
            elif exercise is not None and exercise.stage(step.stage) is None:
                known = ", ".join(repr(s.id) for s in exercise.stages)
                add(
                    "error",
                    f"{at}.stage",
                    f"{exercise.name} ({exercise.id}) has no stage {step.stage!r}"
                    + (f"; its stages: {known}" if known else "; it has no stages"),
                )
        resolved = resolve(routine, index, exercise)
        if not resolved.has_dosage and not resolved.missing:
            add(
                "warning",
                at,
                "no reps, duration_s or hold_s, here or in the exercise's dosage; it runs as one 60-second set",
            )
        if step.reps is not None and step.duration_s is not None:
            add("warning", f"{at}.duration_s", "has no effect: the step counts reps, so it is not timed")
        if step.duration_s is not None and step.reps is None and step.hold_s is not None:
            add("warning", f"{at}.hold_s", "has no effect: a timed step (duration_s without reps) has no holds")
        if step.start_side is not None and resolved.sides == "none":
            add("warning", f"{at}.start_side", "has no effect: the step is not sided (sides is 'none')")
        if step.rest_s and resolved.sets == 1:
            add("warning", f"{at}.rest_s", "has no effect: rest comes between sets and the step has one set")
        # The avoid lists: the exercise's names, or a custom step's name, or a missing id's slug.
        if exercise is not None:
            matches, key, what = library.avoid_matches(exercise), "exercise", exercise.name
        elif step.name is not None:
            matches, key, what = library.avoid_matches(step.name), "name", step.name
        else:
            slug = (step.exercise or "").split(":", 1)[-1]
            matches, key, what = library.avoid_matches(slug.replace("-", " ")), "exercise", slug
        for match in matches:
            add(
                "warning",
                f"{at}.{key}",
                f"{what!r} matches {match.avoid.name!r}, which {match.source.title} ({match.source.id}) "
                f"says to avoid: {match.avoid.reason}",
            )
    try:
        total = total_seconds(plan(routine, library))
    except TimelineError as exc:
        add("error", "steps", str(exc))
    else:
        if total > LONG_ROUTINE_S:
            add("warning", "steps", f"the routine runs {total // 3600} h {total % 3600 // 60} min; is that intended?")
    return problems


def _missing_message(exercise_id: str, library: Library) -> str:
    source_id, _, slug = exercise_id.partition(":")
    source = library.sources.get(source_id)
    if source is not None:
        slugs = [e.slug for e in library.exercises.values() if e.source_id == source_id]
        text = f"{exercise_id!r}: source {source_id!r} ({source.title}) is loaded but has no exercise {slug!r}"
        if hint := difflib.get_close_matches(slug, slugs, n=1, cutoff=0.6):
            text += f"; did you mean '{source_id}:{hint[0]}'?"
        return text
    for record in library.failed:
        if record.name == source_id:
            return f"{exercise_id!r}: the plugin for source {source_id!r} failed to load: {record.error}"
    return f"{exercise_id!r} is not in any loaded source; install the plugin that provides source {source_id!r}"
