"""The queries behind the dashboard's progress: this week, the streak, pain over time.

Only sessions with at least one exercise done count (``COUNTS_SQL``). Every query is
bounded by date or by a small limit, so years of history cost about what a week does.
"""

from __future__ import annotations

from datetime import date, timedelta

from backtui.core.history.queries import COUNTS_SQL, SessionReader
from backtui.core.history.records import PainPoint, WeekCounts, week_start
from backtui.core.history.trend import RISING_DAYS, RISING_WINDOW, PainTrend, pain_rising


class ProgressQueries(SessionReader):
    """Counts and pain series over a period."""

    def week_counts(self, today: date) -> WeekCounts:
        """This week's (Monday to Sunday) sessions that count, the days they fell on, and today's."""
        monday = week_start(today)
        rows = self._read(
            "SELECT s.day, COUNT(*) AS n, SUM(s.elapsed_s) AS secs FROM sessions s "
            f"WHERE s.day BETWEEN ? AND ? AND {COUNTS_SQL} GROUP BY s.day",
            (monday.isoformat(), (monday + timedelta(days=6)).isoformat()),
        )
        by_day = {date.fromisoformat(r["day"]): (int(r["n"]), int(r["secs"] or 0)) for r in rows}
        today_n, today_s = by_day.get(today, (0, 0))
        return WeekCounts(
            sessions=sum(n for n, _ in by_day.values()),
            days=len(by_day),
            sessions_today=today_n,
            minutes_today=today_s // 60,
        )

    def streak(self, today: date) -> int:
        """Consecutive days with at least one session that counts, ending today or yesterday.

        Days stream newest first from the day index and reading stops at the first gap,
        so a short streak reads a few rows however long the history is.
        """
        with self._lock, self._errors():
            cur = self.conn.execute(
                f"SELECT DISTINCT s.day FROM sessions s WHERE s.day <= ? AND {COUNTS_SQL} ORDER BY s.day DESC",
                (today.isoformat(),),
            )
            try:
                first = cur.fetchone()
                if first is None:
                    return 0
                expected = today if first[0] == today.isoformat() else today - timedelta(days=1)
                if first[0] != expected.isoformat():
                    return 0
                count = 1
                one_day = timedelta(days=1)
                for (day,) in cur:
                    expected -= one_day
                    if day != expected.isoformat():
                        break
                    count += 1
                return count
            finally:
                cur.close()

    def pain_points(self, today: date, weeks: int = 6) -> list[PainPoint]:
        """Pain before and after each session of the last ``weeks`` weeks that has a check-in, oldest first."""
        since = today - timedelta(days=7 * weeks - 1)
        rows = self._read(
            "SELECT s.id, s.day, b.pain AS before_pain, a.pain AS after_pain FROM sessions s "
            "LEFT JOIN checkins b ON b.session_id = s.id AND b.moment = 'before' "
            "LEFT JOIN checkins a ON a.session_id = s.id AND a.moment = 'after' "
            "WHERE s.day BETWEEN ? AND ? AND (b.pain IS NOT NULL OR a.pain IS NOT NULL) "
            "ORDER BY s.day, s.started_at, s.id",
            (since.isoformat(), today.isoformat()),
        )
        return [PainPoint(int(r["id"]), date.fromisoformat(r["day"]), r["before_pain"], r["after_pain"]) for r in rows]

    def latest_pain(self) -> int | None:
        """The pain of the latest check-in (the after one of the newest session with any), or ``None``."""
        # newest session first through the day index, so a long history costs what a short one does
        rows = self._read(
            "SELECT COALESCE(a.pain, b.pain) AS pain FROM sessions s "
            "LEFT JOIN checkins b ON b.session_id = s.id AND b.moment = 'before' "
            "LEFT JOIN checkins a ON a.session_id = s.id AND a.moment = 'after' "
            "WHERE a.pain IS NOT NULL OR b.pain IS NOT NULL "
            "ORDER BY s.day DESC, s.started_at DESC, s.id DESC LIMIT 1"
        )
        return int(rows[0]["pain"]) if rows else None

    def pain_trend(self, today: date) -> PainTrend:
        """The rising-pain rule (see ``pain_rising``), over the last ``RISING_DAYS`` days."""
        rows = self._read(
            "SELECT b.pain AS before_pain, a.pain AS after_pain FROM sessions s "
            "JOIN checkins b ON b.session_id = s.id AND b.moment = 'before' "
            "JOIN checkins a ON a.session_id = s.id AND a.moment = 'after' "
            "WHERE s.day BETWEEN ? AND ? ORDER BY s.day DESC, s.started_at DESC, s.id DESC LIMIT ?",
            ((today - timedelta(days=RISING_DAYS - 1)).isoformat(), today.isoformat(), RISING_WINDOW),
        )
        pairs = [(int(r["before_pain"]), int(r["after_pain"])) for r in reversed(rows)]
        return pain_rising(pairs)
