"""Fixed dates and a small fake session-event vocabulary for the history tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from backtui.core.history import CheckIn, History

TZ = timezone(timedelta(hours=1))
#: A Wednesday.
TODAY = date(2026, 3, 11)


def at(day: date, hour: int = 8, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


class FixedNow:
    """A ``now`` callable the tests move by hand."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def open_store(path: Path, day: date = TODAY) -> History:
    return History(path, now=FixedNow(at(day, 20)))


def add_session(
    h: History,
    day: date,
    *,
    status: str = "complete",
    before: int | None = None,
    after: int | None = None,
    hour: int = 8,
    steps: int = 2,
    skipped: int = 0,
    name: str = "Morning",
) -> int:
    sid = h.start_session(
        name, "/routines/morning.toml", [{"exercise": "verywell:prone-lying"}], started_at=at(day, hour)
    )
    for i in range(steps):
        h.record_step(sid, i, f"Step {i + 1}", "verywell:prone-lying", "completed", at=at(day, hour, i + 1))
    for i in range(skipped):
        h.record_step(sid, steps + i, f"Skipped {i + 1}", None, "skipped", at=at(day, hour, 30 + i))
    if before is not None:
        h.add_checkin(sid, "before", CheckIn(before, ("thigh",)), at=at(day, hour))
    if after is not None:
        h.add_checkin(sid, "after", CheckIn(after, ("lower back",)), at=at(day, hour, 45))
    if status != "in-progress":
        h.finish_session(sid, status, elapsed_s=600, planned_s=660, ended_at=at(day, hour, 45))
    return sid


# Events shaped like backtui.core.session's (matched by class name and attributes).
@dataclass(frozen=True)
class PhaseStarted:
    phase: object


@dataclass(frozen=True)
class StepCompleted:
    step: int
    name: str
    exercise: str | None


@dataclass(frozen=True)
class StepSkipped:
    step: int
    name: str
    exercise: str | None


@dataclass(frozen=True)
class Summary:
    completed: int
    skipped: int
    elapsed_s: float
    total_planned_s: int
    status: str


@dataclass(frozen=True)
class SessionEnded:
    status: str
    summary: Summary
