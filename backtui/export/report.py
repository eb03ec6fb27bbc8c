"""A report for a clinician: sessions per week against the sources' advice, pain before and after, notes.

Only facts: what the history recorded and what the sources recommend. ``build`` reads
them through the history's public reading functions (``sessions``, ``steps_since``);
``html`` and ``pdf`` lay them out, with a chart of pain before and after over time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from backtui.core.model import Source

#: How each session status reads in the report; a status not listed here is shown as it is.
STATUS_LABELS = {
    "complete": "complete",
    "partial": "partly done",
    "skipped": "skipped",
    "quit": "quit",
    "abandoned": "abandoned",
    "pain": "stopped for pain",
    "interrupted": "interrupted",
    "in-progress": "in progress",
}
BEFORE_COLOR = (31, 95, 191)
AFTER_COLOR = (217, 72, 15)


@dataclass(frozen=True)
class ReportSession:
    started_at: datetime
    routine: str
    status: str
    completed: int
    skipped: int
    minutes: float
    before: int | None
    after: int | None
    where_before: str
    where_after: str
    notes: tuple[str, ...]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class ReportWeek:
    monday: date
    sessions: int
    completed: int
    days: int  # days with at least one session in which an exercise was done


@dataclass(frozen=True)
class Report:
    start: date
    end: date
    sessions: tuple[ReportSession, ...]
    weeks: tuple[ReportWeek, ...]
    recommendations: tuple[str, ...]  # "Verywell Health: Three to four times a day while you have pain."
    target_days: int | None  # the most days a week any source asks for

    @property
    def pain_points(self) -> list[ReportSession]:
        return [s for s in self.sessions if s.before is not None or s.after is not None]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _checkin(session: Any, moment: str) -> Any:
    return getattr(session, moment, None)


def _session(record: Any) -> ReportSession:
    before, after = _checkin(record, "before"), _checkin(record, "after")
    notes: list[str] = []
    for label, checkin in (("before", before), ("after", after)):
        if checkin is not None and checkin.note:
            notes.append(f"{label}: {checkin.note}")
    return ReportSession(
        started_at=record.started_at,
        routine=record.routine_name,
        status=str(record.status),
        completed=int(record.completed),
        skipped=int(record.skipped),
        minutes=round(int(record.elapsed_s) / 60, 1),
        before=None if before is None else int(before.pain),
        after=None if after is None else int(after.pain),
        where_before=", ".join(before.areas) if before is not None else "",
        where_after=", ".join(after.areas) if after is not None else "",
        notes=tuple(notes),
    )


def weeks_of(sessions: Sequence[ReportSession], start: date, end: date) -> list[ReportWeek]:
    """Every week (Monday to Sunday) from ``start``'s to ``end``'s, with its sessions counted."""
    weeks = []
    monday = monday_of(start)
    while monday <= end:
        inside = [s for s in sessions if monday <= s.started_at.date() < monday + timedelta(days=7)]
        complete = sum(1 for s in inside if s.status == "complete")
        exercised = {s.started_at.date() for s in inside if s.completed > 0}
        weeks.append(ReportWeek(monday, len(inside), complete, len(exercised)))
        monday += timedelta(days=7)
    return weeks


def recommendations(sources: Iterable[Source]) -> tuple[tuple[str, ...], int | None]:
    """Each source's frequency advice in its words, and the most days a week any of them asks for."""
    lines: list[str] = []
    target: int | None = None
    for source in sources:
        for freq in source.frequency:
            lines.append(f"{source.publisher or source.title}: {freq.text}")
            if freq.days_per_week is not None:
                target = max(target or 0, freq.days_per_week)
            elif freq.sessions_per_day is not None:
                target = 7
    return tuple(lines), target


def build(history: Any, library: Any, *, since: date | None, today: date) -> Report:
    """Read the history (sessions on or after ``since``) into a report; the library gives the sources."""
    from backtui.core.progress import routine_sources

    records = history.sessions(since)
    sessions = tuple(_session(r) for r in records)
    exercise_ids: list[str | None] = []
    steps_since = getattr(history, "steps_since", None)
    if steps_since is not None:
        for steps in steps_since(since).values():
            exercise_ids.extend(getattr(step, "exercise", None) for step in steps)
    sources = routine_sources(exercise_ids, library.sources) if library is not None else []
    lines, target = recommendations(sources)
    start = since or (sessions[0].started_at.date() if sessions else today)
    end = max(today, sessions[-1].started_at.date()) if sessions else today
    return Report(start, end, sessions, tuple(weeks_of(sessions, start, end)), lines, target)


def pain_text(s: ReportSession) -> str:
    if s.before is None and s.after is None:
        return ""
    return f"{'–' if s.before is None else s.before} → {'–' if s.after is None else s.after}"


def where_text(s: ReportSession) -> str:
    if s.where_before == s.where_after:
        return s.where_before
    return f"{s.where_before or '–'} → {s.where_after or '–'}"


INTRO = (
    "What backtui recorded, and how often the exercise sources recommend exercising. "
    "Pain is as the person rated it, from 0 (none) to 10 (worst), before and after each session. "
    "This report makes no diagnosis."
)


def chart_points(report: Report, width: float, height: float) -> tuple[list[tuple[float, float]], ...]:
    """(before, after) points of the pain chart in a ``width`` × ``height`` box, y down, 0-10 on the y axis."""
    span = max((report.end - report.start).days, 1)

    def x(s: ReportSession) -> float:
        offset = (
            s.started_at - datetime.combine(report.start, datetime.min.time(), s.started_at.tzinfo)
        ).total_seconds()
        return max(0.0, min(width, width * offset / (span * 86400 + 86400)))

    def y(pain: int) -> float:
        return height - height * pain / 10

    before = [(x(s), y(s.before)) for s in report.pain_points if s.before is not None]
    after = [(x(s), y(s.after)) for s in report.pain_points if s.after is not None]
    return before, after
