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
from backtui.core.model import Source

#: Weeks of pain check-ins the dashboard plots.
PAIN_WEEKS = 6


@dataclass(frozen=True)
class FrequencyLine:
    """One recommendation with this week's count against it: ``3 of at least 4 days this week (…)``."""

    text: str
    met: bool


def _span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def _plural(n: int, word: str) -> str:
    return f"{word}" if n == 1 else f"{word}s"


def source_label(source: Source) -> str:
    """A short name for a source: its publisher ("Verywell Health"), else its title."""
    return source.publisher or source.title


def frequency_lines(sources: Iterable[Source], week: WeekCounts) -> list[FrequencyLine]:
    """This week's sessions against each frequency the sources recommend.

    Sources giving the same advice share a line (their names joined with ", "); a source
    is named by its publisher, or its title when it has none.
    Days count days with at least one completed session, Monday to Sunday.
    """
    grouped: dict[tuple[str, int, int, str], list[str]] = {}
    for source in sources:
        for freq in source.frequency:
            keys: list[tuple[str, int, int, str]] = []
            if freq.days_per_week is not None:
                keys.append(("days", freq.days_per_week, freq.days_per_week, freq.when))
            if freq.sessions_per_day is not None:
                keys.append(("sessions", *freq.sessions_per_day, freq.when))
            if freq.minutes_per_day is not None:
                keys.append(("minutes", *freq.minutes_per_day, freq.when))
            for key in keys:
                names = grouped.setdefault(key, [])
                if source_label(source) not in names:
                    names.append(source_label(source))
    order = {"days": 0, "sessions": 1, "minutes": 2}
    lines = []
    for (kind, low, high, when), titles in sorted(grouped.items(), key=lambda kv: (order[kv[0][0]], kv[0][1:])):
        who = f" ({', '.join(titles)})"
        situation = f" {when}" if when else ""
        if kind == "days":
            target = "7 days" if low == 7 else f"at least {low} days"
            lines.append(FrequencyLine(f"{week.days} of {target} this week{situation}{who}", week.days >= low))
        elif kind == "sessions":
            count = week.sessions_today
            text = f"{count} of {_span(low, high)} {_plural(high, 'session')} today{situation}{who}"
            lines.append(FrequencyLine(text, count >= low))
        else:
            minutes = week.minutes_today
            lines.append(
                FrequencyLine(f"{minutes} of {_span(low, high)} minutes today{situation}{who}", minutes >= low)
            )
    return lines


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


def build_progress(
    history: History, today: date, sources: Sequence[Source] = (), *, weeks: int = PAIN_WEEKS
) -> Progress:
    """Gather the panel's data. Raises ``HistoryUnavailable`` if the store fails."""
    week = history.week_counts(today)
    return Progress(
        today=today,
        week=week,
        frequency=tuple(frequency_lines(sources, week)),
        streak=history.streak(today),
        pain=tuple(history.pain_points(today, weeks)),
        trend=history.pain_trend(today),
        last=history.last_session(),
    )
