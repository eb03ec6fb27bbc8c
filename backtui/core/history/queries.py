"""Reading sessions back: lists, one session with its steps, and the steps of a period.

A session still ``in-progress`` whose process is gone (or that has had no activity for
``STALE_AFTER``) reads back as ``interrupted``, ended at its last recorded activity, with
every step it recorded.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import sys
from datetime import date, datetime, timedelta
from typing import Any

from backtui.core.history.records import (
    AREAS,
    IN_PROGRESS,
    INTERRUPTED,
    CheckIn,
    SessionDetail,
    SessionRecord,
    StepRecord,
    session_status,
)
from backtui.core.history.store import Store

#: An in-progress session with no write for this long is taken as interrupted, even
#: when its process cannot be checked (another host, or Windows).
STALE_AFTER = timedelta(hours=12)

#: SQL that is true for a session with at least one exercise done (the ones that count).
COUNTS_SQL = "EXISTS (SELECT 1 FROM session_steps t WHERE t.session_id = s.id AND t.status = 'completed')"


def parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class SessionReader(Store):
    """The history's session lists."""

    _SESSION_SELECT = """
        SELECT s.id, s.routine_name, s.routine_path, s.started_at, s.ended_at, s.status, s.stopped_for_pain,
               s.planned_s, s.elapsed_s, s.owner, s.updated_at,
               (SELECT COUNT(*) FROM session_steps t WHERE t.session_id = s.id AND t.status = 'completed')
                   AS completed,
               (SELECT COUNT(*) FROM session_steps t WHERE t.session_id = s.id AND t.status = 'skipped')
                   AS skipped,
               b.pain AS b_pain, b.areas AS b_areas, b.note AS b_note,
               a.pain AS a_pain, a.areas AS a_areas, a.note AS a_note
        FROM sessions s
        LEFT JOIN checkins b ON b.session_id = s.id AND b.moment = 'before'
        LEFT JOIN checkins a ON a.session_id = s.id AND a.moment = 'after'
    """

    def _ended_as(self, row: sqlite3.Row) -> str:
        status = str(row["status"])
        if status != IN_PROGRESS:
            return status
        last = parse_time(row["updated_at"]) or parse_time(row["started_at"])
        if last is not None and self._now() - last > STALE_AFTER:
            return INTERRUPTED
        host, _, pid = str(row["owner"]).rpartition(":")
        if not pid.isdigit():
            return INTERRUPTED  # written before owners were recorded
        if host == socket.gethostname() and sys.platform != "win32" and not pid_alive(int(pid)):
            return INTERRUPTED
        return IN_PROGRESS

    def _record(self, row: sqlite3.Row) -> SessionRecord:
        def checkin(prefix: str) -> CheckIn | None:
            if row[f"{prefix}_pain"] is None:
                return None
            areas = tuple(a for a in json.loads(row[f"{prefix}_areas"] or "[]") if a in AREAS)
            return CheckIn(int(row[f"{prefix}_pain"]), areas, row[f"{prefix}_note"] or "")

        started = parse_time(row["started_at"])
        assert started is not None
        ended_as = self._ended_as(row)
        ended = parse_time(row["ended_at"])
        if ended is None and ended_as == INTERRUPTED:
            ended = parse_time(row["updated_at"]) or started
        completed, skipped = int(row["completed"]), int(row["skipped"])
        return SessionRecord(
            id=int(row["id"]),
            routine_name=row["routine_name"],
            routine_path=row["routine_path"],
            started_at=started,
            ended_at=ended,
            status=session_status(ended_as, completed, skipped),
            stopped_for_pain=bool(row["stopped_for_pain"]),
            planned_s=int(row["planned_s"]),
            elapsed_s=int(row["elapsed_s"]),
            completed=completed,
            skipped=skipped,
            before=checkin("b"),
            after=checkin("a"),
        )

    def sessions(
        self, since: date | None = None, *, limit: int | None = None, newest_first: bool = False
    ) -> list[SessionRecord]:
        """Sessions started on or after ``since``; ``limit`` keeps the most recent ones."""
        where = "WHERE s.day >= ?" if since else ""
        params: list[Any] = [since.isoformat()] if since else []
        if limit is not None:
            sql = f"{self._SESSION_SELECT} {where} ORDER BY s.day DESC, s.started_at DESC, s.id DESC LIMIT ?"
            rows = self._read(sql, [*params, limit])
            records = [self._record(r) for r in rows]
            return records if newest_first else records[::-1]
        order = "DESC" if newest_first else "ASC"
        sql = f"{self._SESSION_SELECT} {where} ORDER BY s.day {order}, s.started_at {order}, s.id {order}"
        return [self._record(r) for r in self._read(sql, params)]

    def last_session(self) -> SessionRecord | None:
        found = self.sessions(limit=1)
        return found[0] if found else None

    def last_routine_path(self) -> str | None:
        """The absolute path of the routine run last (whatever became of that run), or ``None``."""
        rows = self._read(
            "SELECT routine_path FROM sessions WHERE routine_path != '' ORDER BY started_at DESC, id DESC LIMIT 1"
        )
        return str(rows[0]["routine_path"]) if rows else None

    def session(self, session_id: int) -> SessionDetail | None:
        """One session with its steps and the routine snapshot, or ``None`` if there is none."""
        rows = self._read(f"{self._SESSION_SELECT} WHERE s.id = ?", (session_id,))
        if not rows:
            return None
        steps = self._read(
            "SELECT idx, name, exercise, status, at FROM session_steps WHERE session_id = ? ORDER BY at, rowid",
            (session_id,),
        )
        snap = self._read("SELECT steps_json FROM sessions WHERE id = ?", (session_id,))
        try:
            snapshot = tuple(x for x in json.loads(snap[0]["steps_json"]) if isinstance(x, dict))
        except (ValueError, TypeError):
            snapshot = ()
        return SessionDetail(
            session=self._record(rows[0]),
            steps=tuple(
                StepRecord(int(s["idx"]), s["name"], s["exercise"], s["status"], parse_time(s["at"]) or datetime.min)
                for s in steps
            ),
            snapshot=snapshot,
        )

    def steps_since(self, since: date | None = None) -> dict[int, list[StepRecord]]:
        """Every recorded step of the sessions started on or after ``since``, by session id."""
        where = "WHERE s.day >= ?" if since else ""
        rows = self._read(
            "SELECT t.session_id, t.idx, t.name, t.exercise, t.status, t.at FROM session_steps t "
            f"JOIN sessions s ON s.id = t.session_id {where} ORDER BY t.session_id, t.at, t.rowid",
            [since.isoformat()] if since else [],
        )
        found: dict[int, list[StepRecord]] = {}
        for r in rows:
            step = StepRecord(int(r["idx"]), r["name"], r["exercise"], r["status"], parse_time(r["at"]) or datetime.min)
            found.setdefault(int(r["session_id"]), []).append(step)
        return found

    def count(self) -> int:
        return int(self._read("SELECT COUNT(*) AS n FROM sessions")[0]["n"])
