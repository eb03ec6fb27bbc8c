"""Writing sessions: start, one row per step, finish, check-ins, forget.

* ``start_session`` writes a session row (routine name and absolute path, a JSON snapshot
  of its steps, the start time) with status ``in-progress``;
* ``record_step`` writes one row per exercise completed or skipped, committed at once,
  so a crash, Ctrl+C or a killed process loses at most the exercise in progress;
* ``finish_session`` sets the end, how it ended (``complete``, ``quit`` or ``pain``) and
  the seconds exercised and planned;
* ``add_checkin`` keeps a before or after check-in: pain 0-10, where it is felt, a note.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from backtui.core.history.records import END_STATUSES, CheckIn, Moment, StepStatus
from backtui.core.history.store import Store


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def owner() -> str:
    """Who is running a session: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


def absolute_path(path: str | os.PathLike[str]) -> str:
    """A routine's path made absolute, so the record means the same from any folder; "" stays ""."""
    text = os.fspath(path)
    if not text:
        return ""
    try:
        return str(Path(text).expanduser().resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(text)


class SessionWriter(Store):
    """The history's writes; each is one short transaction."""

    def start_session(
        self,
        routine_name: str,
        routine_path: str | os.PathLike[str] = "",
        steps: Sequence[dict[str, Any]] = (),
        *,
        planned_s: int = 0,
        started_at: datetime | None = None,
    ) -> int:
        """Write a new in-progress session and return its id."""
        moment = started_at or self._now()
        snapshot = json.dumps(list(steps), ensure_ascii=False, separators=(",", ":"))
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO sessions (routine_name, routine_path, steps_json, started_at, day, planned_s, "
                "owner, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    routine_name,
                    absolute_path(routine_path),
                    snapshot,
                    iso(moment),
                    moment.date().isoformat(),
                    int(planned_s),
                    owner(),
                    iso(moment),
                ),
            )
            session_id = cur.lastrowid
        assert session_id is not None
        return session_id

    def record_step(
        self,
        session_id: int,
        index: int,
        name: str,
        exercise: str | None,
        status: StepStatus,
        *,
        at: datetime | None = None,
    ) -> None:
        """Record one exercise completed or skipped; committed before this returns.

        A step has one row: completing a step recorded as skipped (the person went back
        to it) makes it completed; skipping a completed step changes nothing.
        """
        if status not in ("completed", "skipped"):
            raise ValueError(f"step status must be 'completed' or 'skipped', got {status!r}")
        moment = iso(at or self._now())
        on_conflict = (
            "DO UPDATE SET status = 'completed', name = excluded.name, exercise = excluded.exercise, at = excluded.at"
            if status == "completed"
            else "DO NOTHING"
        )
        with self._write() as conn:
            conn.execute(
                "INSERT INTO session_steps (session_id, idx, name, exercise, status, at) VALUES (?, ?, ?, ?, ?, ?) "
                f"ON CONFLICT (session_id, idx) {on_conflict}",
                (session_id, index, name, exercise, status, moment),
            )
            conn.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (moment, session_id))

    def finish_session(
        self,
        session_id: int,
        status: str,
        *,
        elapsed_s: float | None = None,
        planned_s: int | None = None,
        ended_at: datetime | None = None,
    ) -> None:
        """Close a session as it ended: ``complete`` (reached the end), ``quit`` or ``pain``.

        The status it reads back with (complete, partial, skipped …) follows from its steps.
        """
        if status not in END_STATUSES:
            raise ValueError(f"session status must be one of {', '.join(END_STATUSES)}, got {status!r}")
        moment = iso(ended_at or self._now())
        with self._write() as conn:
            conn.execute(
                "UPDATE sessions SET status = ?, stopped_for_pain = ?, ended_at = ?, updated_at = ?, "
                "elapsed_s = COALESCE(?, elapsed_s), planned_s = COALESCE(?, planned_s) WHERE id = ?",
                (
                    status,
                    int(status == "pain"),
                    moment,
                    moment,
                    None if elapsed_s is None else round(elapsed_s),
                    planned_s,
                    session_id,
                ),
            )

    def add_checkin(self, session_id: int, moment: Moment, checkin: CheckIn, *, at: datetime | None = None) -> None:
        """Keep a before or after check-in for a session (a second one replaces the first)."""
        if moment not in ("before", "after"):
            raise ValueError(f"a check-in is 'before' or 'after', got {moment!r}")
        when = iso(at or self._now())
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO checkins (session_id, moment, pain, areas, note, at) VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, moment, checkin.pain, json.dumps(list(checkin.areas)), checkin.note, when),
            )

    def delete_all(self) -> int:
        """Forget every session; returns how many were removed."""
        with self._write() as conn:
            count = int(conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])
            conn.execute("DELETE FROM checkins")
            conn.execute("DELETE FROM session_steps")
            conn.execute("DELETE FROM sessions")
        return count
