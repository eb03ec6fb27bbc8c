"""Session history and symptom check-ins, kept in SQLite (the standard library's ``sqlite3``).

The file is ``paths.history_db_path()``. What is recorded, and when:

* ``start_session`` writes a session row (routine name and path, a JSON snapshot of its
  steps, the start time) with status ``in-progress``;
* ``record_step`` writes one row per exercise completed or skipped, committed at once,
  so a crash, Ctrl+C or a killed process loses at most the exercise in progress;
* ``finish_session`` sets the end, the status (``complete``, ``quit`` or ``pain``) and
  the elapsed and planned seconds;
* ``add_checkin`` keeps a before or after check-in: pain 0-10, where it is felt, a note.

A session still ``in-progress`` whose process is gone (or that has had no activity for
``STALE_AFTER``) reads back as ``interrupted``, with every step it recorded.

Concurrency: WAL mode, a busy timeout, and every write is a short ``BEGIN IMMEDIATE``
transaction, so two app instances can write at once without losing anything.

Anything that stops the store working (a corrupt file, a lock held past the busy
timeout, a read-only file, a schema from a newer backtui) raises ``HistoryUnavailable``
with a one-line message; ``open_history()`` never raises and callers run with history
off, saying why.

Schema versions live in ``PRAGMA user_version`` and ``MIGRATIONS`` upgrades a file one
version at a time: 1 = sessions and their steps; 2 = check-ins, the owner of an
in-progress session (host and process id) so a crashed run can be told from a live one,
and one row per step (a step skipped, then gone back to and finished, is completed).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import stat
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from backtui.core import paths

#: Where pain is felt, from the spine outward. Pain moving up this list is what the
#: Verywell article calls centralization.
AREAS: tuple[str, ...] = ("lower back", "buttock", "thigh", "below the knee")

#: Statuses a finished session can have.
END_STATUSES: tuple[str, ...] = ("complete", "quit", "pain")
IN_PROGRESS = "in-progress"
INTERRUPTED = "interrupted"

Moment = Literal["before", "after"]
StepStatus = Literal["completed", "skipped"]

#: An in-progress session with no write for this long is taken as interrupted, even
#: when its process cannot be checked (another host, or Windows).
STALE_AFTER = timedelta(hours=12)

#: Seconds to wait for another instance's write before giving up.
BUSY_TIMEOUT_S = 5.0

#: How many recent sessions with both check-ins the rising-pain rule looks at.
RISING_WINDOW = 5
#: How far back (days) the rising-pain rule looks.
RISING_DAYS = 28

_V1 = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    routine_name TEXT NOT NULL,
    routine_path TEXT NOT NULL DEFAULT '',
    steps_json TEXT NOT NULL DEFAULT '[]',
    started_at TEXT NOT NULL,
    day TEXT NOT NULL,
    ended_at TEXT,
    status TEXT NOT NULL DEFAULT 'in-progress'
        CHECK (status IN ('in-progress', 'complete', 'quit', 'pain')),
    stopped_for_pain INTEGER NOT NULL DEFAULT 0,
    planned_s INTEGER NOT NULL DEFAULT 0,
    elapsed_s INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_day ON sessions (day);
CREATE INDEX sessions_status_day ON sessions (status, day);
CREATE TABLE session_steps (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    exercise TEXT,
    status TEXT NOT NULL CHECK (status IN ('completed', 'skipped')),
    at TEXT NOT NULL
);
CREATE INDEX session_steps_session ON session_steps (session_id, idx);
"""

_V2 = """
ALTER TABLE sessions ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN updated_at TEXT;
UPDATE sessions SET updated_at = COALESCE(ended_at, started_at);
CREATE TABLE checkins (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    moment TEXT NOT NULL CHECK (moment IN ('before', 'after')),
    pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    areas TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    PRIMARY KEY (session_id, moment)
);
DELETE FROM session_steps WHERE status = 'skipped' AND EXISTS (
    SELECT 1 FROM session_steps done
    WHERE done.session_id = session_steps.session_id AND done.idx = session_steps.idx AND done.status = 'completed'
);
DELETE FROM session_steps WHERE rowid NOT IN (SELECT MIN(rowid) FROM session_steps GROUP BY session_id, idx);
CREATE UNIQUE INDEX session_steps_one ON session_steps (session_id, idx);
"""

#: ``MIGRATIONS[n]`` upgrades a file at schema ``n`` to ``n + 1``.
MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)


class HistoryUnavailable(Exception):
    """The history store cannot be used; ``str(exc)`` is one line a person can act on."""


@dataclass(frozen=True)
class CheckIn:
    """How the back feels: pain 0-10, where it is felt (``AREAS``), and a note."""

    pain: int
    areas: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.pain, bool) or not isinstance(self.pain, int) or not 0 <= self.pain <= 10:
            raise ValueError(f"pain must be a whole number from 0 to 10, got {self.pain!r}")
        unknown = [a for a in self.areas if a not in AREAS]
        if unknown:
            raise ValueError(f"unknown area {unknown[0]!r}; expected one of {', '.join(AREAS)}")
        # keep areas in spine-outward order, without repeats
        object.__setattr__(self, "areas", tuple(a for a in AREAS if a in self.areas))

    def describe(self) -> str:
        where = ", ".join(self.areas)
        return f"{self.pain}/10" + (f" ({where})" if where else "")


@dataclass(frozen=True)
class StepRecord:
    """One exercise of a session, as it was recorded."""

    index: int
    name: str
    exercise: str | None
    status: str
    at: datetime


@dataclass(frozen=True)
class SessionRecord:
    """One session as the history keeps it. ``status`` reads ``interrupted`` for a crashed run."""

    id: int
    routine_name: str
    routine_path: str
    started_at: datetime
    ended_at: datetime | None
    status: str
    stopped_for_pain: bool
    planned_s: int
    elapsed_s: int
    completed: int
    skipped: int
    before: CheckIn | None = None
    after: CheckIn | None = None

    @property
    def day(self) -> date:
        return self.started_at.date()


@dataclass(frozen=True)
class SessionDetail:
    """A session with its steps and the routine's steps as they were when it ran."""

    session: SessionRecord
    steps: tuple[StepRecord, ...]
    snapshot: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class PainPoint:
    """Pain before and after one session (either may be missing)."""

    session_id: int
    day: date
    before: int | None
    after: int | None


@dataclass(frozen=True)
class PainTrend:
    """What the rising-pain rule found. ``rising`` is the only thing a caller needs to act on."""

    rising: bool
    sessions: int  # sessions with both check-ins the rule looked at
    worse_after: int  # of those, how many had more pain after than before
    after_climbing: bool  # the last three after-scores each higher than the one before

    def describe(self) -> str:
        if self.after_climbing and self.worse_after * 2 <= self.sessions:
            return "Your pain after exercise has gone up in each of your last three sessions."
        return (
            f"Your pain was higher after exercise than before in {self.worse_after} "
            f"of your last {self.sessions} sessions with check-ins."
        )


def local_now() -> datetime:
    """The current local time, timezone-aware, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _describe_error(path: Path, exc: BaseException, waited_s: float = BUSY_TIMEOUT_S) -> str:
    detail = " ".join(str(exc).split()) or type(exc).__name__
    low = detail.lower()
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return f"{path}: the history file is damaged ({detail}); move it aside to start a new history"
    if "locked" in low or "busy" in low:
        return f"{path}: the history is locked by another program (waited {waited_s:g}s); try again later"
    if "readonly" in low or "read-only" in low:
        return f"{path}: the history file is read-only; make it writable to record sessions"
    if "unable to open" in low:
        return f"{path}: cannot open the history file ({detail})"
    return f"{path}: {detail}"


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _pid_alive(pid: int) -> bool:
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


class History:
    """The session history in one SQLite file. Open with ``History(path)`` or ``open_history()``.

    ``now`` gives the local, timezone-aware time (tests pass a fixed one). Every method
    raises ``HistoryUnavailable`` (never ``sqlite3.Error``) when the store fails.
    """

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        now: Callable[[], datetime] = local_now,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> None:
        self.path = Path(path) if path is not None else paths.history_db_path()
        self._now = now
        self._lock = threading.RLock()
        self._busy_s = busy_timeout_s
        self._check_writable()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryUnavailable(f"{self.path.parent}: cannot create the history folder ({exc.strerror})") from exc
        self._conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(self.path, timeout=busy_timeout_s, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise HistoryUnavailable(_describe_error(self.path, exc, self._busy_s)) from exc
        self._conn = conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise HistoryUnavailable(f"{self.path}: cannot switch the history to WAL mode (got {mode})")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except HistoryUnavailable:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise HistoryUnavailable(_describe_error(self.path, exc, self._busy_s)) from exc

    # -- plumbing -------------------------------------------------------------------

    def _check_writable(self) -> None:
        """A file marked read-only stays read-only, even for a user who could override it."""
        try:
            mode = self.path.stat().st_mode
        except FileNotFoundError:
            return
        except OSError as exc:
            raise HistoryUnavailable(f"{self.path}: cannot read the history file ({exc.strerror})") from exc
        if not stat.S_ISREG(mode):
            raise HistoryUnavailable(f"{self.path}: the history path is not a file")
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(self.path, os.W_OK):
            raise HistoryUnavailable(f"{self.path}: the history file is read-only; make it writable to record sessions")

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise HistoryUnavailable(f"{self.path}: the history is closed")
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise HistoryUnavailable(_describe_error(self.path, exc, self._busy_s)) from exc

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction, taken at once so two writers queue instead of deadlocking."""
        with self._lock, self._errors():
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock, self._errors():
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            return list(cur.fetchall())

    @property
    def schema_version(self) -> int:
        with self._lock, self._errors():
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise HistoryUnavailable(
                f"{self.path}: the history was written by a newer backtui (schema {version}, "
                f"this one knows up to {SCHEMA_VERSION}); upgrade backtui"
            )
        if version == SCHEMA_VERSION:
            return
        with self._write() as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])  # another instance may have won
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target - 1].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target}")

    # -- writing --------------------------------------------------------------------

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
                    str(routine_path),
                    snapshot,
                    _iso(moment),
                    moment.date().isoformat(),
                    int(planned_s),
                    _owner(),
                    _iso(moment),
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
        moment = _iso(at or self._now())
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
        """Close a session: ``complete``, ``quit`` or ``pain`` (stopped for pain)."""
        if status not in END_STATUSES:
            raise ValueError(f"session status must be one of {', '.join(END_STATUSES)}, got {status!r}")
        moment = _iso(ended_at or self._now())
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
        when = _iso(at or self._now())
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

    # -- reading --------------------------------------------------------------------

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

    def _status(self, row: sqlite3.Row) -> str:
        status = str(row["status"])
        if status != IN_PROGRESS:
            return status
        last = _parse(row["updated_at"]) or _parse(row["started_at"])
        if last is not None and self._now() - last > STALE_AFTER:
            return INTERRUPTED
        host, _, pid = str(row["owner"]).rpartition(":")
        if not pid.isdigit():
            return INTERRUPTED  # written before owners were recorded
        if host == socket.gethostname() and sys.platform != "win32" and not _pid_alive(int(pid)):
            return INTERRUPTED
        return IN_PROGRESS

    def _record(self, row: sqlite3.Row) -> SessionRecord:
        def checkin(prefix: str) -> CheckIn | None:
            if row[f"{prefix}_pain"] is None:
                return None
            areas = tuple(a for a in json.loads(row[f"{prefix}_areas"] or "[]") if a in AREAS)
            return CheckIn(int(row[f"{prefix}_pain"]), areas, row[f"{prefix}_note"] or "")

        started = _parse(row["started_at"])
        assert started is not None
        return SessionRecord(
            id=int(row["id"]),
            routine_name=row["routine_name"],
            routine_path=row["routine_path"],
            started_at=started,
            ended_at=_parse(row["ended_at"]),
            status=self._status(row),
            stopped_for_pain=bool(row["stopped_for_pain"]),
            planned_s=int(row["planned_s"]),
            elapsed_s=int(row["elapsed_s"]),
            completed=int(row["completed"]),
            skipped=int(row["skipped"]),
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
                StepRecord(int(s["idx"]), s["name"], s["exercise"], s["status"], _parse(s["at"]) or datetime.min)
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
            step = StepRecord(int(r["idx"]), r["name"], r["exercise"], r["status"], _parse(r["at"]) or datetime.min)
            found.setdefault(int(r["session_id"]), []).append(step)
        return found

    def count(self) -> int:
        return int(self._read("SELECT COUNT(*) AS n FROM sessions")[0]["n"])

    def week_counts(self, today: date) -> WeekCounts:
        """This week's (Monday to Sunday) completed sessions, the days they fell on, and today's."""
        monday = week_start(today)
        rows = self._read(
            "SELECT day, COUNT(*) AS n, SUM(elapsed_s) AS secs FROM sessions "
            "WHERE status = 'complete' AND day BETWEEN ? AND ? GROUP BY day",
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
        """Consecutive days with at least one completed session, ending today or yesterday.

        Days stream newest first from the (status, day) index and reading stops at the
        first gap, so a short streak reads a few rows however long the history is.
        """
        with self._lock, self._errors():
            cur = self.conn.execute(
                "SELECT DISTINCT day FROM sessions WHERE status = 'complete' AND day <= ? ORDER BY day DESC",
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


@dataclass(frozen=True)
class WeekCounts:
    """Completed sessions this week: how many, on how many days, and today's share."""

    sessions: int
    days: int
    sessions_today: int
    minutes_today: int


def pain_rising(pairs: Sequence[tuple[int, int]]) -> PainTrend:
    """The rising-pain rule, on (before, after) pain pairs, oldest first.

    It needs at least three sessions with both check-ins. Pain counts as rising when
    pain after exercise was higher than before in more than half of them, or when the
    after-pain of the last three rose each time. It flags a pattern worth acting on;
    it is not a diagnosis.
    """
    pairs = list(pairs)[-RISING_WINDOW:]
    worse = sum(1 for before, after in pairs if after > before)
    afters = [after for _, after in pairs[-3:]]
    climbing = len(afters) == 3 and afters[0] < afters[1] < afters[2]
    enough = len(pairs) >= 3
    return PainTrend(
        rising=enough and (worse * 2 > len(pairs) or climbing),
        sessions=len(pairs),
        worse_after=worse,
        after_climbing=enough and climbing,
    )


@dataclass(frozen=True)
class Opened:
    """What ``open_history`` gives: a store, or the reason there is none."""

    history: History | None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.history is not None

    @property
    def off_message(self) -> str:
        return f"History is off: {self.error}" if self.error else ""


def open_history(path: Path | str | None = None, **kwargs: Any) -> Opened:
    """Open the history, or explain why not. Never raises."""
    try:
        return Opened(History(path, **kwargs))
    except (HistoryUnavailable, paths.UnusableHome) as exc:
        return Opened(None, str(exc))
    except Exception as exc:  # anything else still must not take the app down
        detail = " ".join(str(exc).split()) or type(exc).__name__
        return Opened(None, f"{path or paths.history_db_path()}: {detail}")


@dataclass
class HistoryRecorder:
    """Writes a running session to the history, as a ``Session`` listener.

    ``Session(..., listener=recorder)`` sends it ``PhaseStarted``, ``StepCompleted``,
    ``StepSkipped`` and ``SessionEnded``; they are matched by class name and read by
    attribute, so the core session module is not imported here. The session row is
    written at the first event (or by ``begin()``, which the before check-in calls).

    A failing store never stops the run: the recorder switches itself off, keeps the
    one-line reason in ``error`` and calls ``on_error`` once.
    """

    history: History | None
    routine: Any  # backtui.core.routine.Routine (anything with .name and .steps)
    path: Path | str = ""
    planned_s: int = 0
    on_error: Callable[[str], None] | None = None
    session_id: int | None = field(default=None, init=False)
    error: str = field(default="", init=False)
    ended: bool = field(default=False, init=False)
    _snapshot: list[dict[str, Any]] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._snapshot = [_step_builtins(s) for s in getattr(self.routine, "steps", ())]

    @property
    def active(self) -> bool:
        return self.history is not None and not self.error

    def _fail(self, exc: HistoryUnavailable) -> None:
        self.error = str(exc)
        if self.on_error is not None:
            self.on_error(self.error)

    def begin(self) -> int | None:
        """Write the session row now (idempotent); returns its id, or ``None`` with history off."""
        if self.session_id is not None or not self.active:
            return self.session_id
        assert self.history is not None
        try:
            self.session_id = self.history.start_session(
                str(getattr(self.routine, "name", "")), str(self.path), self._snapshot, planned_s=self.planned_s
            )
        except HistoryUnavailable as exc:
            self._fail(exc)
        return self.session_id

    def checkin(self, moment: Moment, checkin: CheckIn | None) -> None:
        """Keep a before or after check-in; ``None`` (skipped) records nothing."""
        if checkin is None or self.begin() is None or not self.active:
            return
        assert self.history is not None and self.session_id is not None
        try:
            self.history.add_checkin(self.session_id, moment, checkin)
        except HistoryUnavailable as exc:
            self._fail(exc)

    def __call__(self, event: object) -> None:
        kind = type(event).__name__
        if kind not in ("PhaseStarted", "StepCompleted", "StepSkipped", "SessionEnded"):
            return
        if self.ended or self.begin() is None or not self.active:
            return
        assert self.history is not None and self.session_id is not None
        try:
            if kind in ("StepCompleted", "StepSkipped"):
                self.history.record_step(
                    self.session_id,
                    int(getattr(event, "step", 0)),
                    str(getattr(event, "name", "")),
                    getattr(event, "exercise", None),
                    "completed" if kind == "StepCompleted" else "skipped",
                )
            elif kind == "SessionEnded":
                summary = getattr(event, "summary", None)
                status = str(getattr(event, "status", getattr(summary, "status", "quit")))
                self.history.finish_session(
                    self.session_id,
                    status if status in END_STATUSES else "quit",
                    elapsed_s=getattr(summary, "elapsed_s", None),
                    planned_s=getattr(summary, "total_planned_s", None),
                )
                self.ended = True
        except HistoryUnavailable as exc:
            self._fail(exc)


def _step_builtins(step: Any) -> dict[str, Any]:
    if isinstance(step, dict):
        return dict(step)
    try:
        import msgspec

        data = msgspec.to_builtins(step)
        return data if isinstance(data, dict) else {"value": data}
    except TypeError:
        return {"name": str(step)}
