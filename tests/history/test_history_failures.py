"""When the history cannot be used the app runs without it and says why; a crash or a second writer loses nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from history_helpers import TODAY, StepCompleted, add_session, open_store

from backtui.core.history import (
    INTERRUPTED,
    MIGRATIONS,
    SCHEMA_VERSION,
    History,
    HistoryRecorder,
    HistoryUnavailable,
    open_history,
)


def test_a_corrupt_file_turns_history_off_with_a_one_line_message(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database, just some text that got here somehow\n" * 200)
    opened = open_history(path)
    assert opened.history is None
    assert opened.error.startswith(str(path)) and "damaged" in opened.error and "\n" not in opened.error
    assert opened.off_message == f"History is off: {opened.error}"
    assert path.read_bytes().startswith(b"this is not a database")  # left alone for the user


def test_a_read_only_file_is_opened_to_read_and_says_why_it_cannot_record(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    add_session(open_store(path), TODAY)
    path.chmod(0o444)
    try:
        opened = open_history(path)
        assert opened.history is not None and opened.history.readonly
        assert len(opened.history.sessions()) == 1
        assert opened.error == f"{path}: the history file is read-only; make it writable to record sessions"
        assert opened.off_message.startswith("History is read-only: ")
    finally:
        path.chmod(0o644)
    assert open_history(path).ok  # writable again, history is back


def test_a_database_locked_past_the_busy_timeout_turns_history_off_at_open(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")  # a version-1 history, not yet in WAL mode
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO sessions (routine_name, started_at, day) VALUES ('x', '2026-01-01', '2026-01-01')")
    try:
        opened = open_history(path, busy_timeout_s=0.2)
        assert opened.history is None
        assert "locked by another program" in opened.error and "\n" not in opened.error
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert open_history(path).ok


def test_a_lock_held_during_a_run_switches_the_recorder_off_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    h = History(path, busy_timeout_s=0.2)
    messages: list[str] = []

    class Routine:
        name = "Morning"
        steps = ()

    recorder = HistoryRecorder(h, Routine(), "/r/m.toml", on_error=messages.append)
    assert recorder.begin() is not None
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        recorder(StepCompleted(0, "Prone lying", "verywell:prone-lying"))  # must not raise
        recorder(StepCompleted(1, "Press-ups", "verywell:press-ups"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not recorder.active
    assert len(messages) == 1 and "locked" in messages[0]


def test_the_store_raises_only_history_unavailable(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    h = History(path, busy_timeout_s=0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(HistoryUnavailable, match="locked by another program"):
            h.start_session("Morning")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


WRITER = textwrap.dedent(
    """
    import sys, time
    from backtui.core.history import History
    path, label, count, delay = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    h = History(path)
    sid = h.start_session(label, "/r/" + label + ".toml")
    print(sid, flush=True)
    for i in range(count):
        h.record_step(sid, i, f"{label} step {i}", None, "completed")
        print("step", i, flush=True)
        time.sleep(delay)
    if delay == 0:
        h.finish_session(sid, "complete")
    """
)


def _writer(path: Path, label: str, count: int, delay: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), label, str(count), str(delay)],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_run_killed_mid_exercise_keeps_every_completed_exercise(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    proc = _writer(path, "killed", 1000, 0.01)
    assert proc.stdout is not None
    session_id = int(proc.stdout.readline())
    reported = 0
    while reported < 5:
        line = proc.stdout.readline()
        assert line.startswith("step")
        reported += 1
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    rest = proc.stdout.read()
    reported += rest.count("step")  # steps it reported after we decided to kill it
    h = History(path)
    detail = h.session(session_id)
    assert detail is not None
    # every step the process said it committed is there, in order, with nothing half-written
    assert len(detail.steps) >= reported
    assert [s.index for s in detail.steps] == list(range(len(detail.steps)))
    assert detail.session.status == INTERRUPTED
    assert detail.session.completed == len(detail.steps)


def test_two_instances_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    History(path).close()  # both start from the same schema
    procs = [_writer(path, label, 150, 0) for label in ("first", "second")]
    for proc in procs:
        proc.communicate(timeout=60)
        assert proc.returncode == 0
    h = History(path)
    sessions = h.sessions()
    assert sorted(s.routine_name for s in sessions) == ["first", "second"]
    assert all(s.status == "complete" and s.completed == 150 for s in sessions)


def test_two_connections_in_threads_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    stores = [History(path), History(path)]
    ids = [s.start_session(f"T{i}") for i, s in enumerate(stores)]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def work(store: History, sid: int) -> None:
        try:
            start.wait()
            for i in range(200):
                store.record_step(sid, i, f"s{i}", None, "completed" if i % 3 else "skipped")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s, sid)) for s, sid in zip(stores, ids, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    counts = {s.routine_name: (s.completed, s.skipped) for s in History(path).sessions()}
    assert counts == {"T0": (133, 67), "T1": (133, 67)}


def test_two_instances_opening_a_new_file_at_once_both_migrate_it_safely(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    results: list[object] = []

    def opener() -> None:
        results.append(open_history(path).error)

    threads = [threading.Thread(target=opener) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["", "", "", ""]
    assert History(path).schema_version == SCHEMA_VERSION
