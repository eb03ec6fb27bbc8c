"""Streak, weekly counts against the sources' frequency, pain over recent weeks, and the rising-pain rule."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from history_helpers import TODAY, add_session, open_store

from backtui.core.history import WeekCounts, pain_rising, week_start
from backtui.core.model import Frequency, Source
from backtui.core.progress import build_progress, frequency_lines, routine_sources

HEALTH = Source(
    id="health-inspiration",
    title="Back Pain Exercises: An Essential Guide",
    publisher="Health + Inspiration",
    frequency=(Frequency(text="at least 4 times a week", days_per_week=4),),
)
VERYWELL = Source(
    id="verywell",
    title="Verywell",
    frequency=(
        Frequency(text="three to four times per day", when="while in pain", pain="present", sessions_per_day=(3, 4)),
        Frequency(text="once per day", when="once the pain has subsided", pain="subsided", sessions_per_day=(1, 1)),
    ),
)
MERATIVE = Source(
    id="merative",
    title="Merative",
    frequency=(Frequency(text="10-30 minutes, 1-3 times a day", sessions_per_day=(1, 3), minutes_per_day=(10, 30)),),
)
BASICS = Source(id="back-pain-basics", title="Back Pain Basics", frequency=(Frequency(text="daily", days_per_week=7),))
TWELVE = Source(id="twelve-best", title="Twelve Best", frequency=(Frequency(text="4 a week", days_per_week=4),))


def test_week_start_is_monday() -> None:
    assert TODAY.weekday() == 2
    assert week_start(TODAY) == date(2026, 3, 9)
    assert week_start(date(2026, 3, 15)) == date(2026, 3, 9)  # Sunday belongs to the week before
    assert week_start(date(2026, 3, 16)) == date(2026, 3, 16)


def test_week_counts_only_count_sessions_with_an_exercise_done_monday_to_sunday(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    add_session(h, date(2026, 3, 8))  # last Sunday: previous week
    add_session(h, date(2026, 3, 9))  # Monday
    add_session(h, date(2026, 3, 9), hour=18)  # twice on Monday
    add_session(h, date(2026, 3, 10), status="quit", steps=0)  # left before doing anything
    add_session(h, date(2026, 3, 10), hour=9, steps=0, skipped=2)  # every exercise skipped
    add_session(h, TODAY)
    add_session(h, TODAY, hour=12, status="pain", steps=0)
    week = h.week_counts(TODAY)
    assert week == WeekCounts(sessions=3, days=2, sessions_today=1, minutes_today=10)


def test_streak_counts_consecutive_days_ending_today_or_yesterday(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    assert h.streak(TODAY) == 0
    for offset in (1, 2, 3, 5):
        add_session(h, TODAY - timedelta(days=offset))
    add_session(h, TODAY - timedelta(days=4), status="quit", steps=0)  # a run left with nothing done breaks it
    assert h.streak(TODAY) == 3  # yesterday and the two days before; today not done yet
    add_session(h, TODAY)
    add_session(h, TODAY, hour=19)  # two on one day still count as one day
    assert h.streak(TODAY) == 4
    assert h.streak(TODAY + timedelta(days=2)) == 0  # a missed day ends it
    assert h.streak(TODAY - timedelta(days=2)) == 2  # looking back from an earlier day ignores later ones


def test_frequency_lines_compare_this_week_with_each_source(tmp_path: Path) -> None:
    week = WeekCounts(sessions=4, days=3, sessions_today=1, minutes_today=12)
    lines = frequency_lines([HEALTH, VERYWELL, MERATIVE, BASICS, TWELVE], week)
    assert [(line.text, line.met) for line in lines] == [
        ("3 of at least 4 days this week (Health + Inspiration, Twelve Best)", False),
        ("3 of 7 days this week (Back Pain Basics)", False),
        ("1 session today, 1–3 suggested (Merative)", True),
        (
            "1 session today; Verywell suggests 3–4 while you have pain or 1 once the pain has subsided"
            " (no check-in yet)",
            False,
        ),
        ("12 minutes today, 10–30 suggested (Merative)", True),
    ]
    assert frequency_lines([Source(id="x", title="X")], week) == []


@pytest.mark.parametrize(
    ("pain", "text", "met"),
    [
        (6, "3 sessions today, 3–4 suggested while you have pain (Verywell); your last check-in: pain 6/10", True),
        (1, "3 sessions today, 3–4 suggested while you have pain (Verywell); your last check-in: pain 1/10", True),
        (0, "3 sessions today, 1 suggested once the pain has subsided (Verywell); your last check-in: pain 0/10", True),
    ],
)
def test_the_latest_check_in_chooses_the_frequency_for_the_situation(pain: int, text: str, met: bool) -> None:
    week = WeekCounts(sessions=3, days=1, sessions_today=3, minutes_today=30)
    assert [(line.text, line.met) for line in frequency_lines([VERYWELL], week, pain)] == [(text, met)]


def test_more_sessions_than_suggested_never_reads_as_a_fraction() -> None:
    week = WeekCounts(sessions=5, days=1, sessions_today=5, minutes_today=50)
    (line,) = frequency_lines([VERYWELL], week, 0)
    assert line.text.startswith("5 sessions today, 1 suggested") and " of " not in line.text


def test_the_bundled_verywell_source_marks_its_frequencies_by_pain() -> None:
    from backtui_verywell import backtui_source  # type: ignore[import-not-found,unused-ignore]

    source = backtui_source()
    assert [(f.pain, f.sessions_per_day) for f in source.frequency] == [("present", (3, 4)), ("subsided", (1, 1))]


def test_routine_sources_follow_the_order_of_first_use() -> None:
    sources = {s.id: s for s in (HEALTH, VERYWELL, MERATIVE)}
    refs = ["verywell:prone-lying", None, "merative:bird-dog", "verywell:press-ups", "unknown:x"]
    assert routine_sources(refs, sources) == [VERYWELL, MERATIVE]


@pytest.mark.parametrize(
    ("pairs", "rising"),
    [
        ([], False),
        ([(3, 5), (3, 6)], False),  # too few sessions to say anything
        ([(3, 5), (3, 6), (4, 2)], True),  # worse after in 2 of 3
        ([(5, 3), (5, 4), (3, 2), (4, 5)], False),  # worse after in 1 of 4, after-pain not climbing
        ([(5, 3), (5, 4), (6, 5)], True),  # always better after, yet after-pain climbs 3 → 4 → 5
        ([(5, 3), (5, 3), (6, 3)], False),  # steady and better after
        ([(3, 5), (3, 6), (3, 5), (6, 2), (6, 2), (6, 2)], False),  # only the last five count: 2 of 5
        ([(2, 3), (2, 3), (2, 3), (5, 1), (5, 1)], True),  # 3 of 5
        ([(2, 3), (2, 3), (5, 1), (5, 1)], False),  # 2 of 4 is not most
    ],
)
def test_the_rising_pain_rule(pairs: list[tuple[int, int]], rising: bool) -> None:
    assert pain_rising(pairs).rising is rising


def test_pain_trend_reads_only_recent_sessions_with_both_check_ins(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    for offset in (40, 35, 30):  # old and worse after: outside the 28-day window
        add_session(h, TODAY - timedelta(days=offset), before=2, after=6)
    add_session(h, TODAY - timedelta(days=3), before=2)  # only one check-in: ignored
    assert not h.pain_trend(TODAY).rising
    for offset in (3, 2, 1):
        add_session(h, TODAY - timedelta(days=offset), before=3, after=5, hour=18)
    trend = h.pain_trend(TODAY)
    assert (trend.rising, trend.sessions, trend.worse_after) == (True, 3, 3)
    assert (
        trend.describe()
        == "Your pain was higher after exercise than before in 3 of your last 3 sessions with check-ins."
    )


def test_pain_points_cover_recent_weeks_oldest_first(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    add_session(h, TODAY - timedelta(days=60), before=9, after=9)  # too old for six weeks
    add_session(h, TODAY - timedelta(days=41), before=6)  # first day of the six weeks
    add_session(h, TODAY - timedelta(days=5))  # no check-ins: nothing to plot
    add_session(h, TODAY, before=4, after=2)
    points = h.pain_points(TODAY, weeks=6)
    assert [(p.day, p.before, p.after) for p in points] == [
        (TODAY - timedelta(days=41), 6, None),
        (TODAY, 4, 2),
    ]


def test_build_progress_gathers_the_panel(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    for offset in (2, 1, 0):
        add_session(h, TODAY - timedelta(days=offset), before=3, after=4 + offset % 2)
    progress = build_progress(h, TODAY, [HEALTH])
    assert progress.streak == 3
    assert progress.week.days == 3
    assert [line.text for line in progress.frequency] == ["3 of at least 4 days this week (Health + Inspiration)"]
    assert progress.last is not None and progress.last.day == TODAY
    assert progress.trend.rising
    assert len(progress.pain) == 3
