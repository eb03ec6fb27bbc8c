"""A routine as a handout: everything a person needs to do it away from the terminal.

``build`` gathers the facts once; ``markdown``, ``html`` and ``pdf`` lay them out. The
text comes from the routine file and the plugins as they state it; the only words of
backtui's own are labels and the dosage in plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from backtui.core.dosage_text import dosage_text
from backtui.core.library import Library
from backtui.core.model import Source
from backtui.core.routine import ResolvedStep, Routine

#: Used when none of the routine's sources is loaded: the project's own line (README, Safety).
FALLBACK_STOP = "Stop if pain increases, and see a healthcare professional if it is severe or lasts."

#: Safety notes that say when to stop or when to see someone go in the "stop if pain" box.
_STOP_WORDS = re.compile(
    r"\bstop\b|\bworse\b|\bworsens\b|\bsevere\b|\blasts\b|carries on|gone on|persist|should not make", re.I
)


@dataclass(frozen=True)
class AvoidFlag:
    """A step that matches an item on a source's avoid list."""

    name: str
    source: str
    reason: str


@dataclass(frozen=True)
class HandoutStep:
    number: int
    name: str
    source: str  # the source's title; "" for a custom step
    position: str
    start: str
    instructions: tuple[str, ...]
    dosage: str  # the step's dosage in plain words
    article_dosage: str  # the exercise's default dosage as its article gives it ("" for custom steps)
    cautions: tuple[str, ...]
    note: str
    missing: str = ""  # why the exercise is not in the library, and what to install
    avoid: tuple[AvoidFlag, ...] = ()


@dataclass(frozen=True)
class HandoutSource:
    id: str
    title: str
    author: str
    reviewer: str
    publisher: str
    safety_notes: tuple[str, ...]
    frequency: tuple[str, ...]

    @property
    def byline(self) -> str:
        """``Brett Sears, PT · Verywell Health``: who wrote, reviewed and published it, as the plugin says."""
        parts = []
        if self.author:
            parts.append(f"by {self.author}")
        if self.reviewer:
            parts.append(f"reviewed by {self.reviewer}")
        if self.publisher:
            parts.append(self.publisher)
        return " · ".join(parts)


@dataclass(frozen=True)
class StopNote:
    """One sentence of the "stop if pain" box and the source that says it."""

    text: str
    source: str


@dataclass(frozen=True)
class Handout:
    name: str
    description: str
    total_s: int | None
    steps: tuple[HandoutStep, ...]
    sources: tuple[HandoutSource, ...]
    stop: tuple[StopNote, ...]
    command: str = ""  # how to run the routine in backtui
    warnings: tuple[str, ...] = field(default=())


def seconds_words(seconds: int) -> str:
    """``45 seconds``, ``1 minute``, ``2 minutes 30 seconds``, ``1 hour 5 minutes``."""

    def unit(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(unit(hours, "hour"))
    if minutes:
        parts.append(unit(minutes, "minute"))
    if secs or not parts:
        parts.append(unit(secs, "second"))
    return " ".join(parts)


def dosage_words(step: ResolvedStep) -> str:
    """The step's dosage as a sentence: ``2 sets of 10 repetitions, each held 5 seconds, on each side; …``."""
    from backtui.core.timeline import FALLBACK_DURATION_S

    sets = f"{step.sets} sets of " if step.sets > 1 else ""
    if step.reps is not None:
        reps = "1 repetition" if step.reps == 1 else f"{step.reps} repetitions"
        text = sets + reps
        if step.hold_s:
            text += f", each held {seconds_words(step.hold_s)}"
    else:
        length = seconds_words(step.duration_s or FALLBACK_DURATION_S)
        text = f"{sets}{length}" if sets else f"hold for {length}"
    if step.sides == "each":
        text += f", on each side (all on one side, then the other), starting on the {step.start_side}"
    elif step.sides == "alternate":
        text += f", alternating sides, starting on the {step.start_side}"
    if step.sets > 1 and step.rest_s:
        text += f"; rest {seconds_words(step.rest_s)} between sets"
    return text[0].upper() + text[1:] + "."


def _one_line(text: str) -> str:
    return " ".join(text.split())


def build(routine: Routine, library: Library, *, command: str = "") -> Handout:
    """Gather the handout's facts from ``routine`` and the loaded ``library``."""
    from backtui.core.progress import routine_sources
    from backtui.core.timeline import TimelineError, plan, resolve_all, total_seconds

    try:
        total: int | None = total_seconds(plan(routine, library))
    except TimelineError:
        total = None
    steps: list[HandoutStep] = []
    for step, resolved in zip(routine.steps, resolve_all(routine, library), strict=True):
        exercise = library.get(step.exercise) if step.exercise else None
        source = library.source_of(exercise) if exercise is not None else None
        missing = ""
        if resolved.missing:
            source_id, _, slug = (step.exercise or "").partition(":")
            if source_id in library.sources:
                missing = f"{library.sources[source_id].title} ({source_id}) has no exercise {slug!r}."
            else:
                missing = f"Not in the library: install the plugin that provides source {source_id!r}."
        matches = library.avoid_matches(exercise if exercise is not None else resolved.name)
        steps.append(
            HandoutStep(
                number=resolved.index + 1,
                name=resolved.name,
                source=source.title if source else "",
                position=exercise.position if exercise else "",
                start=exercise.start if exercise else "",
                instructions=exercise.steps if exercise else (),
                dosage=dosage_words(resolved),
                article_dosage=dosage_text(exercise.dosage) if exercise else "",
                cautions=exercise.cautions if exercise else (),
                note=resolved.note,
                missing=missing,
                avoid=tuple(AvoidFlag(m.avoid.name, m.source.title, m.avoid.reason) for m in matches),
            )
        )
    used = routine_sources((s.exercise for s in routine.steps), library.sources)
    sources = tuple(_source(s) for s in used)
    stop = tuple(
        StopNote(_one_line(note), s.title) for s in used for note in s.safety_notes if _STOP_WORDS.search(note)
    )
    return Handout(
        name=routine.name,
        description=routine.description,
        total_s=total,
        steps=tuple(steps),
        sources=sources,
        stop=stop or (StopNote(FALLBACK_STOP, ""),),
        command=command,
    )


def _source(source: Source) -> HandoutSource:
    return HandoutSource(
        id=source.id,
        title=source.title,
        author=source.author,
        reviewer=source.reviewer,
        publisher=source.publisher,
        safety_notes=tuple(_one_line(n) for n in source.safety_notes),
        frequency=tuple(
            _one_line(f"{f.when[0].upper()}{f.when[1:]}: {f.text}" if f.when else f.text) for f in source.frequency
        ),
    )
