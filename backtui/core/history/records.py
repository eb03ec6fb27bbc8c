"""What the history holds, as plain values: check-ins, steps, sessions, and a session's status.

A session's status tells what happened, from what was recorded:

* ``complete``: the routine reached its end and every exercise was done;
* ``partial``: it reached its end with some exercises done and some skipped;
* ``skipped``: it reached its end with every exercise skipped;
* ``quit``: the person left before the end, after doing at least one exercise;
* ``abandoned``: the person left before the end without doing any;
* ``pain``: stopped because it hurt;
* ``in-progress``: running now; ``interrupted``: its process is gone (a crash or a kill).

Only a session with at least one exercise done counts towards streaks, "sessions today"
and the sources' frequencies (``counts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

#: Where pain is felt, from the spine outward. Pain moving up this list is what the
#: Verywell article calls centralization.
AREAS: tuple[str, ...] = ("lower back", "buttock", "thigh", "below the knee")

#: How a run can end, as the runner reports it (and as the store keeps it).
END_STATUSES: tuple[str, ...] = ("complete", "quit", "pain")
IN_PROGRESS = "in-progress"
INTERRUPTED = "interrupted"

#: Every status a session can read back with (see the module docstring).
STATUSES: tuple[str, ...] = ("complete", "partial", "skipped", "quit", "abandoned", "pain", IN_PROGRESS, INTERRUPTED)

#: Short words for each status, for narrow tables.
STATUS_LABELS: dict[str, str] = {
    "complete": "complete",
    "partial": "partial",
    "skipped": "skipped",
    "quit": "quit",
    "abandoned": "abandoned",
    "pain": "hurt",
    IN_PROGRESS: "running",
    INTERRUPTED: "interrupted",
}

Moment = Literal["before", "after"]
StepStatus = Literal["completed", "skipped"]


def session_status(ended_as: str, completed: int, skipped: int) -> str:
    """The status a session reads back with, from how it ended and its step counts."""
    if ended_as in ("pain", IN_PROGRESS, INTERRUPTED):
        return ended_as
    if completed == 0:
        return "skipped" if ended_as == "complete" else "abandoned"
    if ended_as == "quit":
        return "quit"
    return "complete" if skipped == 0 else "partial"


@dataclass(frozen=True)
class CheckIn:
    """How the back feels: pain 0-10, where it is felt (``AREAS``), and a note."""

    pain: int
    areas: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.pain, bool) or not isinstance(self.pain, int) or not 0 <= self.pain <= 10:
            raise ValueError(f"pain must be a whole number from 0 to 10, got {self.pain!r}")
        unknown = [a for a in self.areas if a not in AREAS]
        if unknown:
            raise ValueError(f"unknown area {unknown[0]!r}; expected one of {', '.join(AREAS)}")
        # keep areas in spine-outward order, without repeats
        object.__setattr__(self, "areas", tuple(a for a in AREAS if a in self.areas))

    def describe(self) -> str:
        where = ", ".join(self.areas)
        return f"{self.pain}/10" + (f" ({where})" if where else "")


@dataclass(frozen=True)
class StepRecord:
    """One exercise of a session, as it was recorded."""

    index: int
    name: str
    exercise: str | None
    status: str
    at: datetime


@dataclass(frozen=True)
class SessionRecord:
    """One session as the history keeps it; ``status`` is one of ``STATUSES``.

    ``ended_at`` of an interrupted session is its last recorded activity. ``elapsed_s``
    is the time actually exercised (pauses excluded); ``planned_s`` the routine's length.
    """

    id: int
    routine_name: str
    routine_path: str
    started_at: datetime
    ended_at: datetime | None
    status: str
    stopped_for_pain: bool
    planned_s: int
    elapsed_s: int
    completed: int
    skipped: int
    before: CheckIn | None = None
    after: CheckIn | None = None

    @property
    def day(self) -> date:
        return self.started_at.date()

    @property
    def counts(self) -> bool:
        """Whether this session counts towards streaks and frequencies (an exercise was done)."""
        return self.completed > 0


@dataclass(frozen=True)
class SessionDetail:
    """A session with its steps and the routine's steps as they were when it ran."""

    session: SessionRecord
    steps: tuple[StepRecord, ...]
    snapshot: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class PainPoint:
    """Pain before and after one session (either may be missing)."""

    session_id: int
    day: date
    before: int | None
    after: int | None


@dataclass(frozen=True)
class WeekCounts:
    """Sessions that count (an exercise done) this week: how many, on how many days, and today's share."""

    sessions: int
    days: int
    sessions_today: int
    minutes_today: int


def local_now() -> datetime:
    """The current local time, timezone-aware, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())
