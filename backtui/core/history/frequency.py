"""The sources' advice on how often, against what was done, in plain words.

Where a source gives different advice by situation (Verywell: three to four times a day
while in pain, once a day after), its ``Frequency`` entries carry ``pain`` ("present" or
"subsided") and the latest check-in chooses: pain 1 or more is "present", 0 is
"subsided". With no check-in yet, both are shown on one line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backtui.core.history.records import WeekCounts
from backtui.core.model import Frequency, Source

#: What the dashboard says for each pain situation.
PAIN_WORDS = {"present": "while you have pain", "subsided": "once the pain has subsided"}


@dataclass(frozen=True)
class FrequencyLine:
    """One recommendation with the count against it: ``3 sessions today, 3–4 suggested while you have pain (…)``."""

    text: str
    met: bool


def _span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def _plural(n: int, word: str) -> str:
    return word if n == 1 else f"{word}s"


def source_label(source: Source) -> str:
    """A short name for a source: its publisher ("Verywell Health"), else its title."""
    return source.publisher or source.title


def pain_situation(pain: int | None) -> str | None:
    """The situation a check-in's pain puts the person in: "present", "subsided", or ``None`` with none."""
    if pain is None:
        return None
    return "present" if pain >= 1 else "subsided"


def _kinds(freq: Frequency) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    if freq.days_per_week is not None:
        found.append(("days", freq.days_per_week, freq.days_per_week))
    if freq.sessions_per_day is not None:
        found.append(("sessions", *freq.sessions_per_day))
    if freq.minutes_per_day is not None:
        found.append(("minutes", *freq.minutes_per_day))
    return found


def _done(kind: str, week: WeekCounts) -> int:
    return {"days": week.days, "sessions": week.sessions_today, "minutes": week.minutes_today}[kind]


def _count_text(kind: str, week: WeekCounts) -> str:
    if kind == "days":
        return f"{week.days} {_plural(week.days, 'day')} this week"
    if kind == "sessions":
        return f"{week.sessions_today} {_plural(week.sessions_today, 'session')} today"
    return f"{week.minutes_today} {_plural(week.minutes_today, 'minute')} today"


def _target(kind: str, low: int, high: int) -> str:
    if kind == "days":
        return "every day" if low == 7 else f"at least {low}"
    return _span(low, high)


def frequency_lines(sources: Iterable[Source], week: WeekCounts, pain: int | None = None) -> list[FrequencyLine]:
    """This week's sessions that count against each frequency the sources recommend.

    ``pain`` is the latest check-in's pain (``None`` with none): it picks which of a
    source's pain-dependent frequencies applies, and the line says which and why.
    Sources giving the same advice share a line (their names joined with ", ").
    """
    situation = pain_situation(pain)
    general: dict[tuple[str, int, int, str], list[str]] = {}
    by_pain: dict[tuple[str, str], list[tuple[str, int, int]]] = {}  # (kind, source) -> [(pain, low, high)]
    for source in sources:
        label = source_label(source)
        for freq in source.frequency:
            for kind, low, high in _kinds(freq):
                if freq.pain is None:
                    names = general.setdefault((kind, low, high, freq.when), [])
                    if label not in names:
                        names.append(label)
                elif situation is None or freq.pain == situation:
                    by_pain.setdefault((kind, label), []).append((freq.pain, low, high))
    order = {"days": 0, "sessions": 1, "minutes": 2}
    lines: list[tuple[tuple[int, int, int], FrequencyLine]] = []
    for (kind, low, high, when), names in general.items():
        situation_text = f" {when}" if when else ""
        if kind == "days":  # "at least" reads plainly as a fraction: "3 of at least 4 days this week"
            target = "7 days" if low == 7 else f"at least {low} days"
            text = f"{week.days} of {target} this week{situation_text} ({', '.join(names)})"
        else:
            text = f"{_count_text(kind, week)}, {_span(low, high)} suggested{situation_text} ({', '.join(names)})"
        lines.append(((order[kind], low, high), FrequencyLine(text, _done(kind, week) >= low)))
    for (kind, label), advice in by_pain.items():
        advice.sort(key=lambda a: a[0] != "present")
        if len(advice) == 1:
            which, low, high = advice[0]
            why = f"; your last check-in: pain {pain}/10" if pain is not None else ""
            text = f"{_count_text(kind, week)}, {_target(kind, low, high)} suggested {PAIN_WORDS[which]} ({label}){why}"
            met = _done(kind, week) >= low
        else:
            both = " or ".join(f"{_target(kind, lo, hi)} {PAIN_WORDS[w]}" for w, lo, hi in advice)
            text = f"{_count_text(kind, week)}; {label} suggests {both} (no check-in yet)"
            met = False
            low = min(lo for _, lo, _ in advice)
            high = max(hi for _, _, hi in advice)
        lines.append(((order[kind], low, high), FrequencyLine(text, met)))
    return [line for _, line in sorted(lines, key=lambda kv: kv[0])]
