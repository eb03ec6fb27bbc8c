"""The history file guarded: private, readable when read-only, never someone else's, CSV safe for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from history_helpers import TODAY, add_session, open_store

from backtui import cli
from backtui.commands.history import csv_cell
from backtui.core import paths
from backtui.core.history import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    CheckIn,
    History,
    HistoryRecorder,
    last_routine_path,
    open_history,
)

needs_posix_modes = pytest.mark.skipif(os.name != "posix", reason="needs POSIX file modes")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["history", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_new_history_is_private_and_marked_as_backtuis(tmp_path: Path) -> None:
    path = tmp_path / "new" / "history.sqlite3"
    History(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


@pytest.mark.parametrize(
    "setup",
    [
        "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');",
        "PRAGMA application_id = 1234; CREATE TABLE sessions (id INTEGER);",
        "CREATE TABLE sessions (id); CREATE TABLE session_steps (x); PRAGMA user_version = 0;",
    ],
    ids=["other-tables", "other-application-id", "look-alike-without-version"],
)
def test_a_sqlite_file_that_is_not_backtuis_is_refused_untouched(tmp_path: Path, setup: str) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(setup)
    before = path.read_bytes()
    opened = open_history(path)
    assert opened.history is None
    assert "not a backtui history" in opened.error and "untouched" in opened.error and "\n" not in opened.error
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_a_version_2_history_is_migrated_and_its_records_read_truthfully(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
        conn.execute(
            "INSERT INTO sessions (id, routine_name, routine_path, started_at, day, ended_at, status, owner, "
            "updated_at) VALUES (1, 'Gentle start', 'routines/gentle-start.toml', '2026-03-10T08:00:00+01:00', "
            "'2026-03-10', '2026-03-10T08:05:00+01:00', 'complete', 'h:1', '2026-03-10T08:05:00+01:00')"
        )
        conn.execute(
            "INSERT INTO session_steps VALUES (1, 0, 'Prone lying', 'verywell:prone-lying', 'skipped', "
            "'2026-03-10T08:01:00+01:00')"
        )
    h = History(path)
    assert h.schema_version == SCHEMA_VERSION
    (old,) = h.sessions()
    assert (old.status, old.completed, old.skipped) == ("skipped", 0, 1)  # was recorded "complete"
    assert h.streak(date(2026, 3, 10)) == 0 and h.week_counts(date(2026, 3, 10)).sessions_today == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_every_status_reads_back(tmp_path: Path) -> None:
    h = open_store(tmp_path / "h.sqlite3")
    add_session(h, TODAY, hour=7)
    add_session(h, TODAY, hour=8, skipped=1)
    add_session(h, TODAY, hour=9, steps=0, skipped=2)
    add_session(h, TODAY, hour=10, status="quit")
    add_session(h, TODAY, hour=11, status="quit", steps=0)
    add_session(h, TODAY, hour=12, status="pain", steps=0)
    assert [s.status for s in h.sessions()] == ["complete", "partial", "skipped", "quit", "abandoned", "pain"]
    assert [s.counts for s in h.sessions()] == [True, True, False, True, False, False]
    assert h.week_counts(TODAY).sessions_today == 3


def test_the_recorder_keeps_the_routine_path_absolute_and_the_last_one_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "routines").mkdir()
    (tmp_path / "routines" / "gentle-start.toml").write_text("")

    class Routine:
        name = "Gentle start"
        steps: tuple[object, ...] = ()

    h = History(paths.history_db_path())
    assert h.last_routine_path() is None and last_routine_path() is None
    recorder = HistoryRecorder(h, Routine(), Path("routines/gentle-start.toml"))
    recorder.begin()
    expected = str(tmp_path / "routines" / "gentle-start.toml")
    assert h.sessions()[0].routine_path == expected
    assert h.last_routine_path() == expected == last_routine_path()


def test_csv_cells_a_spreadsheet_would_run_are_neutralised_and_json_keeps_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    h = open_store(paths.history_db_path())
    sid = add_session(h, TODAY, name='=HYPERLINK("http://x","y")')
    h.add_checkin(sid, "before", CheckIn(4, (), "+1 after sitting"))
    h.add_checkin(sid, "after", CheckIn(3, (), "@SUM(A1)"))
    add_session(h, TODAY, hour=9, name="-2+3")
    add_session(h, TODAY, hour=10, name="\tTab")
    add_session(h, TODAY, hour=11, name="\rReturn")
    add_session(h, TODAY, hour=12, name="Plain = fine")
    h.close()
    code, out, _ = _run(capsys, "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [r["routine"] for r in rows] == [
        '\'=HYPERLINK("http://x","y")',
        "'-2+3",
        "'\tTab",
        "'\nReturn",  # a carriage return would split the row: it becomes a line feed, quoted
        "Plain = fine",
    ]
    assert (rows[0]["note_before"], rows[0]["note_after"]) == ("'+1 after sitting", "'@SUM(A1)")
    assert rows[0]["pain_before"] == "4"  # numbers stay numbers
    code, out, _ = _run(capsys, "--json")
    assert json.loads(out)[0]["routine"] == '=HYPERLINK("http://x","y")'
    assert json.loads(out)[0]["before"]["note"] == "+1 after sitting"


@pytest.mark.parametrize("value", ["=1+2", "+1", "-1", "@x", "\tx", "\rx"])
def test_csv_cell_prefixes_formula_starts(value: str) -> None:
    assert csv_cell(value) == "'" + value.replace("\r", "\n")
    assert csv_cell(-3) == -3 and csv_cell("a=b") == "a=b"


@needs_posix_modes
def test_a_read_only_history_is_listed_and_exported(capsys: pytest.CaptureFixture[str]) -> None:
    path = paths.history_db_path()
    add_session(open_store(path), TODAY, before=5, after=3)
    folder = path.parent
    path.chmod(0o400)
    folder.chmod(0o500)
    try:
        code, out, err = _run(capsys)
        assert (code, err) == (0, "") and "complete" in out
        code, out, err = _run(capsys, "--csv")
        assert code == 0 and len(out.splitlines()) == 2
        code, out, err = _run(capsys, "--json")
        assert code == 0 and json.loads(out)[0]["status"] == "complete"
    finally:
        folder.chmod(0o700)
        path.chmod(0o600)


@needs_posix_modes
@pytest.mark.parametrize(
    ("file_mode", "folder_mode", "says"),
    [
        (0o400, 0o700, "the history file is read-only"),
        (0o600, 0o500, "the history folder is read-only"),
        (0o400, 0o500, "the history file and its folder are read-only"),
    ],
)
def test_the_message_names_what_is_read_only(tmp_path: Path, file_mode: int, folder_mode: int, says: str) -> None:
    folder = tmp_path / "home"
    path = folder / "history.sqlite3"
    add_session(open_store(path), TODAY)
    path.chmod(file_mode)
    folder.chmod(folder_mode)
    try:
        opened = open_history(path)
        assert says in opened.error and "\n" not in opened.error
        assert opened.history is not None and opened.history.readonly  # still readable
        assert len(opened.history.sessions()) == 1
        assert opened.off_message.startswith("History is read-only: ")
    finally:
        folder.chmod(0o700)
        path.chmod(0o600)
