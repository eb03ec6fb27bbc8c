"""``backtui history``: the table, --json, --csv for a clinician, --since, and its errors."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from history_helpers import TODAY, add_session, open_store

from backtui import cli
from backtui.core import paths
from backtui.core.history import CheckIn


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["history", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def recorded() -> None:
    h = open_store(paths.history_db_path())
    add_session(h, date(2026, 3, 2), before=6, after=4, name="Morning")
    sid = add_session(h, date(2026, 3, 9), status="pain", before=3, after=7, skipped=1, name="Evening, gentle")
    h.add_checkin(sid, "after", CheckIn(7, ("buttock", "thigh"), 'sharp, "like before"'))
    add_session(h, TODAY, steps=3, name="Morning")
    h.close()


def test_with_no_history_it_says_so_and_creates_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--since", "2026-01-01") == (0, "No sessions recorded since 2026-01-01.\n", "")
    code, out, _ = _run(capsys, "--csv")
    assert code == 0 and out.startswith("date,started_at,") and len(out.splitlines()) == 1
    assert _run(capsys, "--json") == (0, "[]\n", "")
    assert not paths.history_db_path().exists()


def test_the_table_lists_sessions_oldest_first(recorded: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["DATE", "ROUTINE", "STATUS", "DONE", "SKIPPED", "PAIN", "WHERE"]
    assert "2026-03-02 08:00  Morning" in lines[2] and "complete" in lines[2] and "6→4" in lines[2]
    assert lines[2].endswith("thigh → lower back")
    assert "Evening, gentle" in lines[3] and "pain" in lines[3] and "3→7" in lines[3]
    assert lines[3].endswith("thigh → buttock, thigh")
    assert "2026-03-11 08:00" in lines[4] and lines[4].split()[-2:] == ["3", "0"]
    assert lines[-1] == "3 sessions."


def test_since_keeps_later_sessions(recorded: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--since", "2026-03-09")
    assert code == 0
    assert "2026-03-02" not in out and "2026-03-09" in out and out.splitlines()[-1] == "2 sessions."


def test_json_is_a_list_of_sessions_with_check_ins_and_steps(
    recorded: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--json", "--since", "2026-03-09")
    data = json.loads(out)
    assert code == 0 and [d["routine"] for d in data] == ["Evening, gentle", "Morning"]
    first = data[0]
    assert first["status"] == "pain" and first["stopped_for_pain"] is True
    assert first["started_at"] == "2026-03-09T08:00:00+01:00"
    assert first["before"] == {"pain": 3, "areas": ["thigh"], "note": ""}
    assert first["after"] == {"pain": 7, "areas": ["buttock", "thigh"], "note": 'sharp, "like before"'}
    assert [(s["name"], s["status"]) for s in first["steps"]] == [
        ("Step 1", "completed"),
        ("Step 2", "completed"),
        ("Skipped 1", "skipped"),
    ]
    assert data[1]["before"] is None and data[1]["completed"] == 3


def test_csv_has_a_header_and_one_row_per_session(recorded: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 3
    assert [r["date"] for r in rows] == ["2026-03-02", "2026-03-09", "2026-03-11"]
    pain = rows[1]
    assert (pain["routine"], pain["status"], pain["stopped_for_pain"]) == ("Evening, gentle", "pain", "yes")
    assert (pain["pain_before"], pain["pain_after"]) == ("3", "7")
    assert (pain["areas_before"], pain["areas_after"]) == ("thigh", "buttock; thigh")
    assert pain["note_after"] == 'sharp, "like before"'
    assert (pain["completed"], pain["skipped"], pain["minutes"]) == ("2", "1", "10.0")
    assert rows[2]["pain_before"] == "" and rows[2]["ended_at"] == "2026-03-11T08:45:00+01:00"


@pytest.mark.parametrize("bad", ["yesterday", "2026-13-01", "03/11/2026", ""])
def test_a_bad_date_is_a_one_line_error(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--since", bad)
    assert (code, out) == (1, "")
    assert err == f"backtui: --since: expected a date like 2026-01-31, got {bad!r}\n"


def test_json_and_csv_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["history", "--json", "--csv"])
    assert exc.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_an_unusable_history_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    path: Path = paths.history_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage" * 1000)
    code, out, err = _run(capsys)
    assert (code, out) == (1, "")
    assert err.startswith(f"backtui: history unavailable: {path}: the history file is damaged")
    assert err.count("\n") == 1
