"""Reminders: the .ics parses back, its recurrence follows the sources' frequency."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from icalendar import Calendar

from backtui import cli
from backtui.core.library import Library
from backtui.core.routine import Routine, Step
from backtui.export import handout, ics
from backtui.export.formats import routine_bytes

REPO = Path(__file__).resolve().parents[2]


def _events(data: bytes) -> list[object]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_verywell_three_times_a_day_every_day(library: Library) -> None:
    routine = Routine(name="Gentle", steps=[Step(exercise="verywell:prone-lying")])
    events = _events(routine_bytes(routine, library, "ics", path=Path("g.toml"), start=date(2026, 3, 2)))
    assert [e["dtstart"].dt.time() for e in events] == [time(8), time(14), time(20)]  # type: ignore[attr-defined]
    for event in events:
        assert event["rrule"]["FREQ"] == ["DAILY"]  # type: ignore[index]
        description = str(event["description"])  # type: ignore[index]
        assert "1. Prone lying: Hold for" in description and "backtui run g.toml" in description


def test_four_days_a_week_with_given_times(library: Library) -> None:
    routine = Routine(name="Sciatica", steps=[Step(exercise="health-inspiration:dead-bug")])
    data = routine_bytes(routine, library, "ics", at=(time(7, 30),), start=date(2026, 3, 3))
    (event,) = _events(data)
    rule = event["rrule"]  # type: ignore[index]
    assert rule["FREQ"] == ["WEEKLY"] and len(rule["BYDAY"]) == 4
    start = event["dtstart"].dt  # type: ignore[index]
    assert start.time() == time(7, 30) and ics.WEEKDAYS[start.weekday()] in rule["BYDAY"]


def test_no_frequency_means_once_a_day(library: Library) -> None:
    plan = ics.schedule([library.sources["twelve-best"]])
    assert plan.times == (time(8),) and plan.days_per_week == 7


def test_bad_times_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = REPO / "routines" / "gentle-start.toml"
    assert cli.main(["export", str(path), "-f", "ics", "--at", "8am", "-o", str(tmp_path / "x.ics")]) == 1
    assert "--at" in capsys.readouterr().err
    assert cli.main(["export", str(path), "--at", "06:45", "-o", str(tmp_path / "x.ics")]) == 0
    (event,) = _events((tmp_path / "x.ics").read_bytes())
    assert event["dtstart"].dt.time() == time(6, 45)  # type: ignore[index]


def test_names_are_plain_text_in_the_calendar(library: Library) -> None:
    routine = Routine(name="Evening\r\nBEGIN:VEVENT", steps=[Step(name="Walk;, \\ ok", duration_s=60)])
    sheet = handout.build(routine, library)
    data = ics.render(sheet, ics.schedule([]), start=date(2026, 3, 2))
    assert data.count(b"\r\nBEGIN:VEVENT") == 1  # the name stayed inside its property
    (event,) = _events(data)
    assert "Evening BEGIN:VEVENT" in str(event["summary"])  # type: ignore[index]
