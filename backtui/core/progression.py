"""Progression within the article's range, never beyond it.

An exercise's dosage keeps the article's ranges (``sets_range``, ``reps_range``,
``hold_range_s``, ``duration_range_s``) and its own words on building up
(``advice``). When a routine has gone well, ``suggest`` offers one step up for one
routine step, inside that range, quoting the advice:

* "gone well" means the last ``SESSIONS_NEEDED`` completed sessions of the routine
  each had a pain check-in before and after, with pain after no higher than before,
  and no session of the routine since the first of them was stopped for pain;
* the first step whose current value sits below the upper end of a range gets the
  suggestion: a longer hold first, then a longer timed position, more reps, another
  set; a step with no range from its article gets none;
* one step up is one more set or rep, or a hold ``SMALL_S`` seconds longer below
  ten seconds, ``MEDIUM_S`` below a minute and ``LARGE_S`` from a minute; never past
  the upper end;
* a suggestion the person dismissed (or accepted) is not offered again, and the
  next one for the same routine waits for sessions run after that answer.

``accept`` writes the new value into the routine file atomically (a bundled routine
is saved as the user's own copy, as the builder does). Pure apart from ``accept``;
the caller reads the history through its public functions and passes the sessions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, Protocol

import msgspec

from backtui.core.library import Library
from backtui.core.routine import Routine, resolve, step_dosage

SESSIONS_NEEDED = 3
SMALL_S = 1
MEDIUM_S = 5
LARGE_S = 15

Field = Literal["hold_s", "duration_s", "reps", "sets"]

#: The order a step grows in, each with its range's name in the dosage.
ORDER: tuple[tuple[Field, str], ...] = (
    ("hold_s", "hold_range_s"),
    ("duration_s", "duration_range_s"),
    ("reps", "reps_range"),
    ("sets", "sets_range"),
)

_WHAT = {"hold_s": "hold", "duration_s": "time", "reps": "reps", "sets": "sets"}


class CheckInLike(Protocol):
    @property
    def pain(self) -> int: ...


class SessionLike(Protocol):
    """What progression needs of a history session (``history.SessionRecord`` has it)."""

    @property
    def id(self) -> int: ...
    @property
    def status(self) -> str: ...
    @property
    def stopped_for_pain(self) -> bool: ...
    @property
    def before(self) -> CheckInLike | None: ...
    @property
    def after(self) -> CheckInLike | None: ...


@dataclass(frozen=True)
class Suggestion:
    """One step up for one routine step, within the article's range."""

    routine_path: str
    step: int
    exercise_id: str
    exercise_name: str
    field: Field
    current: int
    proposed: int
    upper: int
    advice: str
    #: The newest session the suggestion was based on; an answer makes later suggestions wait for newer ones.
    basis: int = 0

    @property
    def key(self) -> str:
        """Names this offer, so a dismissed one is not made again."""
        return f"{self.routine_path}#{self.step}:{self.exercise_id}:{self.field}={self.proposed}"

    @property
    def answer(self) -> str:
        """What the settings keep once the person answered: the key and the newest session it was based on."""
        return f"{self.key}@{self.basis}"

    def change_text(self) -> str:
        """``2 sets instead of 1 (the article's range goes up to 3)``."""
        unit = "s" if self.field in ("hold_s", "duration_s") else ""
        if self.field == "sets":
            change = f"{self.proposed} sets instead of {self.current}"
        elif self.field == "reps":
            change = f"{self.proposed} reps instead of {self.current}"
        else:
            change = f"a {_WHAT[self.field]} of {self.proposed}{unit} instead of {self.current}{unit}"
        return f"{change} (the article's range goes up to {self.upper}{unit})"

    def describe(self) -> str:
        """One line: the exercise, the change, and the article's advice in its words."""
        text = f"{self.exercise_name}: {self.change_text()}"
        if self.advice:
            text += f". The article: \u201c{self.advice}\u201d"
        return text


def gone_well(sessions_newest_first: Sequence[SessionLike], needed: int = SESSIONS_NEEDED) -> bool:
    """True when the last ``needed`` completed sessions had pain after ≤ before, with no pain stop since."""
    completed = 0
    for session in sessions_newest_first:
        if session.stopped_for_pain or session.status == "pain":
            return False
        if session.status != "complete":
            continue
        if session.before is None or session.after is None or session.after.pain > session.before.pain:
            return False
        completed += 1
        if completed == needed:
            return True
    return False


def step_up(value: int, upper: int, field: Field) -> int:
    """The next value within the range: one more set or rep, or a slightly longer time."""
    if field in ("sets", "reps"):
        grown = value + 1
    elif value < 10:
        grown = value + SMALL_S
    elif value < 60:
        grown = value + MEDIUM_S
    else:
        grown = value + LARGE_S
    return min(grown, upper)


def candidates(routine: Routine, library: Library, routine_path: str) -> list[Suggestion]:
    """Every step that could grow within its article's range, in routine order, one offer per step."""
    out = []
    for index, step in enumerate(routine.steps):
        exercise = library.get(step.exercise) if step.exercise else None
        dose = step_dosage(step, exercise)
        if exercise is None or dose is None:
            continue
        resolved = resolve(routine, index, exercise)
        values: dict[str, int | None] = {
            "hold_s": resolved.hold_s,
            "duration_s": resolved.duration_s,
            "reps": resolved.reps,
            "sets": resolved.sets,
        }
        for field, range_name in ORDER:
            span: tuple[int, int] | None = getattr(dose, range_name)
            current = values[field]
            if span is None or current is None or current >= span[1]:
                continue
            out.append(
                Suggestion(
                    routine_path=routine_path,
                    step=index,
                    exercise_id=exercise.id,
                    exercise_name=resolved.name,
                    field=field,
                    current=current,
                    proposed=step_up(current, span[1], field),
                    upper=span[1],
                    advice=dose.advice,
                )
            )
            break
    return out


def suggest(
    routine: Routine,
    library: Library,
    routine_path: str,
    sessions_newest_first: Sequence[SessionLike],
    answered: Iterable[str] = (),
) -> Suggestion | None:
    """The one suggestion to show for this routine now, or None.

    ``answered`` holds ``Suggestion.answer`` strings: those keys are not offered again,
    and only sessions newer than the last answered one for this routine count.
    """
    done: set[str] = set()
    last = 0
    for entry in answered:
        key, _, basis = entry.rpartition("@")
        done.add(key)
        if key.startswith(f"{routine_path}#") and basis.isdigit():
            last = max(last, int(basis))
    recent = [s for s in sessions_newest_first if s.id > last]
    if not gone_well(recent):
        return None
    newest = max((s.id for s in recent), default=0)
    for found in candidates(routine, library, routine_path):
        if found.key not in done:
            return replace(found, basis=newest)
    return None


def of_routine(sessions: Iterable[SessionLike], routine_path: str | Path) -> list[SessionLike]:
    """The sessions run from this routine file, keeping their order."""
    wanted = str(routine_path)
    return [s for s in sessions if getattr(s, "routine_path", None) == wanted]


class StaleSuggestion(ValueError):
    """The routine file changed since the suggestion was made; nothing was written."""


def accept(suggestion: Suggestion, path: Path) -> Path:
    """Write the suggested value into the routine file atomically; return the file written.

    A bundled routine is never changed: the new version is saved as the user's own
    copy (as the builder saves it) and that copy's path is returned.
    """
    from backtui.core.routine_files import is_bundled, load_routine, save_as_user, save_routine

    routine = load_routine(path, str(path))
    steps = list(routine.steps)
    if suggestion.step >= len(steps) or steps[suggestion.step].exercise != suggestion.exercise_id:
        raise StaleSuggestion(f"{path}: steps[{suggestion.step}] is no longer {suggestion.exercise_id}")
    steps[suggestion.step] = msgspec.structs.replace(steps[suggestion.step], **{suggestion.field: suggestion.proposed})
    changed = msgspec.structs.replace(routine, steps=steps)
    if is_bundled(path):
        return save_as_user(changed)
    save_routine(changed, path)
    return path


def answered() -> tuple[str, ...]:
    """The suggestions already accepted or dismissed (``Suggestion.answer``), from the settings file."""
    from backtui.core.settings import load_settings

    return load_settings()[0].progression_answered


def remember(suggestion: Suggestion) -> None:
    """Keep a suggestion as answered (accepted or dismissed), so it is not offered again.

    Raises ``OSError`` when the settings can't be written.
    """
    from backtui.core.settings import load_settings, save_settings

    settings, _ = load_settings()
    if suggestion.answer in settings.progression_answered:
        return
    keys = (*settings.progression_answered, suggestion.answer)
    save_settings(msgspec.structs.replace(settings, progression_answered=keys))
