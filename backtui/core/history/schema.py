"""The history's SQLite schema and the migrations that bring an older file up to date.

Schema versions live in ``PRAGMA user_version`` and ``MIGRATIONS[n]`` upgrades a file from
version ``n`` to ``n + 1``: 1 = sessions and their steps; 2 = check-ins, the owner of an
in-progress session (host and process id) so a crashed run can be told from a live one,
and one row per step (a step skipped, then gone back to and finished, is completed);
3 = the file is marked as backtui's (``PRAGMA application_id``) and completed steps are
indexed, since only sessions with an exercise done count towards streaks.

Statuses are not rewritten by a migration: a session reads back its status from how it
ended and its recorded steps (``records.session_status``), so records written by any
earlier version read back truthfully (a run where every exercise was skipped reads
``skipped``, not ``complete``).
"""

from __future__ import annotations

#: ``PRAGMA application_id`` of a backtui history ("BTHI"); a file with another id is not ours.
APPLICATION_ID = 0x42544849

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

_V3 = f"""
PRAGMA application_id = {APPLICATION_ID};
CREATE INDEX session_steps_done ON session_steps (session_id) WHERE status = 'completed';
"""

#: ``MIGRATIONS[n]`` upgrades a file at schema ``n`` to ``n + 1``.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)
SCHEMA_VERSION = len(MIGRATIONS)

#: Tables every backtui history from version 1 on has; a file without them is not ours.
CORE_TABLES = frozenset({"sessions", "session_steps"})
