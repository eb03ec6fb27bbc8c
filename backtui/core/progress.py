"""Progress against the sources' advice: how often this week, the streak, pain over recent weeks.

Pure functions over ``History`` queries and ``Source.frequency``; the dashboard panel and
the benchmark build the same ``Progress``. Every query is bounded by date or by a small
limit, so five years of history cost about what a week does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from backtui.core.history import History, PainPoint, PainTrend, SessionRecord, WeekCounts
from backtui.core.history.frequency import FrequencyLine, frequency_lines, source_label
from backtui.core.model import Source

#: Weeks of pain check-ins the dashboard plots.
PAIN_WEEKS = 6


def routine_sources(exercise_ids: Iterable[str | None], sources: dict[str, Source]) -> list[Source]:
    """The sources a routine's exercises come from, in order of first use (``library.sources`` as ``sources``)."""
    found: list[Source] = []
    for ref in exercise_ids:
        if not ref:
            continue
        source = sources.get(ref.split(":", 1)[0])
        if source is not None and source not in found:
            found.append(source)
    return found


@dataclass(frozen=True)
class Progress:
    """Everything the dashboard's history panel shows."""

    today: date
    week: WeekCounts
    frequency: tuple[FrequencyLine, ...]
    streak: int
    pain: tuple[PainPoint, ...]
    trend: PainTrend
    last: SessionRecord | None
    latest_pain: int | None = None


def build_progress(
    history: History, today: date, sources: Sequence[Source] = (), *, weeks: int = PAIN_WEEKS
) -> Progress:
    """Gather the panel's data. Raises ``HistoryUnavailable`` if the store fails."""
    week = history.week_counts(today)
    pain = history.latest_pain()
    return Progress(
        today=today,
        week=week,
        frequency=tuple(frequency_lines(sources, week, pain)),
        latest_pain=pain,
        streak=history.streak(today),
        pain=tuple(history.pain_points(today, weeks)),
        trend=history.pain_trend(today),
        last=history.last_session(),
    )


__all__ = [
    "PAIN_WEEKS",
    "FrequencyLine",
    "Progress",
    "build_progress",
    "frequency_lines",
    "routine_sources",
    "source_label",
]
