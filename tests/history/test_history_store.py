"""The history store: schema migrations, what is written, and what it reads back."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from history_helpers import TODAY, FixedNow, add_session, at, open_store

from backtui.core import paths
from backtui.core.history import (
    INTERRUPTED,
    SCHEMA_VERSION,
    CheckIn,
    History,
    HistoryUnavailable,
    open_history,
)

V1_SCHEMA = """
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
PRAGMA user_version = 1;
"""


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_new_history_is_created_in_backtui_home_at_the_latest_schema(backtui_home: Path) -> None:
    opened = open_history()
    assert opened.ok and opened.history is not None
    assert opened.history.path == backtui_home / "history.sqlite3" == paths.history_db_path()
    assert opened.history.schema_version == SCHEMA_VERSION == 3
    with sqlite3.connect(opened.history.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"sessions", "session_steps", "checkins"} <= _tables(opened.history.path)


def test_an_empty_database_file_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.touch()
    h = open_store(path)
    assert h.schema_version == SCHEMA_VERSION
    sid = add_session(h, TODAY, before=5, after=3)
    assert h.session(sid) is not None


def test_a_schema_1_history_is_migrated_and_keeps_its_sessions(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_SCHEMA)
        conn.execute(
            "INSERT INTO sessions (routine_name, routine_path, steps_json, started_at, day, ended_at, status, "
            "planned_s, elapsed_s) VALUES ('Old', '/r/old.toml', '[{\"exercise\": \"merative:bird-dog\"}]', "
            "'2026-03-10T08:00:00+01:00', '2026-03-10', '2026-03-10T08:20:00+01:00', 'complete', 1200, 1180)"
        )
        conn.execute(
            "INSERT INTO session_steps VALUES (1, 0, 'Bird dog', 'merative:bird-dog', 'completed', "
            "'2026-03-10T08:10:00+01:00')"
        )
        # schema 1 kept a row per event: step 1 skipped, gone back to, finished; step 2 skipped twice
        conn.executemany(
            "INSERT INTO session_steps VALUES (1, ?, ?, NULL, ?, '2026-03-10T08:1' || ? || ':00+01:00')",
            [
                (1, "Curl", "skipped", 1),
                (1, "Curl", "completed", 2),
                (2, "Plank", "skipped", 3),
                (2, "Plank", "skipped", 4),
            ],
        )
    h = open_store(path)
    assert h.schema_version == SCHEMA_VERSION
    old = h.session(1)
    assert old is not None
    assert (old.session.routine_name, old.session.status) == ("Old", "partial")  # one step was skipped
    assert (old.session.completed, old.session.skipped) == (2, 1)
    assert old.snapshot == ({"exercise": "merative:bird-dog"},)
    assert [(s.name, s.status) for s in old.steps] == [
        ("Bird dog", "completed"),
        ("Curl", "completed"),
        ("Plank", "skipped"),
    ]
    # the new schema's tables work on the migrated file
    h.add_checkin(1, "after", CheckIn(2, ("lower back",), "fine"))
    after = h.session(1)
    assert after is not None and after.session.after == CheckIn(2, ("lower back",), "fine")


def test_an_in_progress_session_from_schema_1_reads_as_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_SCHEMA)
        conn.execute(
            "INSERT INTO sessions (routine_name, started_at, day) VALUES ('Old', '2026-03-10T08:00:00+01:00', "
            "'2026-03-10')"
        )
    h = open_store(path)
    assert [s.status for s in h.sessions()] == [INTERRUPTED]


def test_a_history_from_a_newer_backtui_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    opened = open_history(path)
    assert not opened.ok
    assert "newer backtui" in opened.error and "upgrade" in opened.error
    assert opened.off_message.startswith("History is off: ")


def test_a_session_reads_back_with_its_steps_check_ins_and_status(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    sid = h.start_session("Morning", "/r/m.toml", [{"exercise": "verywell:press-ups"}], started_at=at(TODAY, 7))
    h.add_checkin(sid, "before", CheckIn(6, ("below the knee", "thigh", "thigh"), "stiff"))
    h.record_step(sid, 0, "Press-ups", "verywell:press-ups", "completed", at=at(TODAY, 7, 5))
    h.record_step(sid, 1, "Bridge", None, "skipped", at=at(TODAY, 7, 6))
    h.finish_session(sid, "pain", elapsed_s=412.6, planned_s=900, ended_at=at(TODAY, 7, 7))
    h.add_checkin(sid, "after", CheckIn(7, ("buttock",)))
    detail = h.session(sid)
    assert detail is not None
    s = detail.session
    assert (s.status, s.stopped_for_pain, s.completed, s.skipped) == ("pain", True, 1, 1)
    assert (s.elapsed_s, s.planned_s, s.started_at, s.ended_at) == (413, 900, at(TODAY, 7), at(TODAY, 7, 7))
    assert s.before == CheckIn(6, ("thigh", "below the knee"), "stiff")  # spine-outward order, no repeats
    assert s.after is not None and s.after.pain == 7
    assert [(x.index, x.name, x.status) for x in detail.steps] == [
        (0, "Press-ups", "completed"),
        (1, "Bridge", "skipped"),
    ]
    assert h.session(sid + 100) is None


@pytest.mark.parametrize(("pain", "areas"), [(-1, ()), (11, ()), (3.5, ()), (True, ()), (3, ("neck",))])
def test_a_check_in_out_of_range_is_refused(pain: object, areas: tuple[str, ...]) -> None:
    with pytest.raises(ValueError):
        CheckIn(pain, areas)  # type: ignore[arg-type]


def test_an_in_progress_session_of_a_live_process_stays_in_progress_until_stale(tmp_path: Path) -> None:
    now = FixedNow(at(TODAY, 8, 10))
    h = History(tmp_path / "h.sqlite3", now=now)
    sid = h.start_session("Morning", started_at=at(TODAY, 8))
    assert h.sessions()[0].status == "in-progress"  # this very process is alive
    now.moment = at(TODAY, 8) + timedelta(hours=13)
    assert h.sessions()[0].status == INTERRUPTED
    h.finish_session(sid, "complete")
    assert h.sessions()[0].status == "skipped"  # it reached its end with no exercise done


def test_sessions_since_a_date_and_the_last_session(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    for offset in (10, 3, 0):
        add_session(h, TODAY - timedelta(days=offset), name=f"R{offset}")
    assert [s.routine_name for s in h.sessions()] == ["R10", "R3", "R0"]
    assert [s.routine_name for s in h.sessions(TODAY - timedelta(days=3))] == ["R3", "R0"]
    assert [s.routine_name for s in h.sessions(limit=2, newest_first=True)] == ["R0", "R3"]
    last = h.last_session()
    assert last is not None and last.routine_name == "R0"
    assert open_store(tmp_path / "other.sqlite3").last_session() is None


def test_step_snapshot_is_the_routine_as_it_was(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    steps = [{"exercise": "verywell:prone-lying", "duration_s": 120}, {"name": "Walk", "duration_s": 300}]
    sid = h.start_session("Morning", "/r/m.toml", steps)
    detail = h.session(sid)
    assert detail is not None and list(detail.snapshot) == steps
    with sqlite3.connect(h.path) as conn:
        assert json.loads(conn.execute("SELECT steps_json FROM sessions").fetchone()[0]) == steps


def test_delete_all_forgets_everything(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    add_session(h, TODAY, before=3, after=2)
    add_session(h, TODAY, hour=18)
    assert h.delete_all() == 2
    assert h.sessions() == [] and h.count() == 0


def test_bad_status_values_are_refused(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    sid = h.start_session("Morning")
    with pytest.raises(ValueError):
        h.finish_session(sid, "done")
    with pytest.raises(ValueError):
        h.record_step(sid, 0, "x", None, "maybe")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        h.add_checkin(sid, "during", CheckIn(1))  # type: ignore[arg-type]


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    h.close()
    with pytest.raises(HistoryUnavailable, match="closed"):
        h.sessions()


def test_a_step_has_one_row_and_completed_wins(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    sid = h.start_session("Morning")
    h.record_step(sid, 0, "Prone lying", "verywell:prone-lying", "skipped", at=at(TODAY, 8, 1))
    h.record_step(sid, 0, "Prone lying", "verywell:prone-lying", "completed", at=at(TODAY, 8, 3))  # went back
    h.record_step(sid, 0, "Prone lying", "verywell:prone-lying", "skipped", at=at(TODAY, 8, 4))  # completed is final
    h.record_step(sid, 1, "Press-ups", "verywell:press-ups", "skipped", at=at(TODAY, 8, 5))
    h.record_step(sid, 1, "Press-ups", "verywell:press-ups", "skipped", at=at(TODAY, 8, 6))
    detail = h.session(sid)
    assert detail is not None
    assert [(s.index, s.status, s.at) for s in detail.steps] == [
        (0, "completed", at(TODAY, 8, 3)),
        (1, "skipped", at(TODAY, 8, 5)),
    ]
    assert (detail.session.completed, detail.session.skipped) == (1, 1)
