"""Fixed dates and a small fake session-event vocabulary for the history tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from backtui.core.history import CheckIn, History

# The session's own events, so the recorder is tested against what the runner really sends.
from backtui.core.session import PhaseStarted as PhaseStarted
from backtui.core.session import SessionEnded as SessionEnded
from backtui.core.session import StepCompleted as StepCompleted
from backtui.core.session import StepRef, Summary
from backtui.core.session import StepSkipped as StepSkipped

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


def summary(completed: int, skipped: int, elapsed_s: float, planned_s: int, status: str) -> Summary:
    """A session summary with ``completed`` and ``skipped`` placeholder steps."""
    done = tuple(StepRef(n, f"Step {n + 1}", None) for n in range(completed))
    missed = tuple(StepRef(completed + n, f"Step {completed + n + 1}", None) for n in range(skipped))
    return Summary(done, missed, elapsed_s, planned_s, status)  # type: ignore[arg-type]
