"""``backtui history --report``: 8 weeks of sessions, the weekly counts, the pain chart, the notes."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from backtui import cli
from backtui.core import paths
from backtui.core.history import CheckIn, History
from backtui.core.library import Library
from backtui.export import report, report_html, report_pdf

from .conftest import pdf_pages, pdf_to_png

TZ = timezone(timedelta(hours=1))
START = date(2026, 1, 5)  # a Monday
TODAY = date(2026, 3, 1)  # the Sunday of the eighth week


def _record(h: History, day: date, *, status: str, before: int, after: int, note: str = "") -> None:
    t = datetime(day.year, day.month, day.day, 8, 0, tzinfo=TZ)
    sid = h.start_session("Gentle <start>", "/r/gentle-start.toml", [], started_at=t)
    h.record_step(sid, 0, "Prone lying", "verywell:prone-lying", "completed", at=t + timedelta(minutes=2))
    second = "completed" if status == "complete" else "skipped"  # a quit run skipped the second exercise
    h.record_step(sid, 1, "Dead bug", "health-inspiration:dead-bug", second, at=t + timedelta(minutes=3))
    h.add_checkin(sid, "before", CheckIn(before, ("thigh",), note), at=t)
    h.add_checkin(sid, "after", CheckIn(after, ("lower back",)), at=t + timedelta(minutes=20))
    h.finish_session(sid, status, elapsed_s=600, planned_s=660, ended_at=t + timedelta(minutes=20))


@pytest.fixture
def eight_weeks() -> dict[date, tuple[int, int, int]]:
    """Week n has n % 4 + 1 sessions on different days, every third one quit after one exercise.

    Returns (sessions, complete, days with an exercise done) by Monday.
    """
    h = History(paths.history_db_path())
    expected: dict[date, tuple[int, int, int]] = {}
    for week in range(8):
        monday = START + timedelta(days=7 * week)
        count = week % 4 + 1
        statuses = ["quit" if n == 2 else "complete" for n in range(count)]
        for n, status in enumerate(statuses):
            note = "stiff <b>morning</b>" if week == 0 else ""
            _record(
                h,
                monday + timedelta(days=2 * n),
                status=status,
                before=7 - week // 2,
                after=max(0, 6 - week),
                note=note,
            )
        done = statuses.count("complete")
        expected[monday] = (count, done, count)
    h.close()
    return expected


def test_the_weekly_counts_match_the_history(eight_weeks: dict[date, tuple[int, int, int]], library: Library) -> None:
    with History(paths.history_db_path()) as h:
        built = report.build(h, library, since=None, today=TODAY)
    assert {w.monday: (w.sessions, w.completed, w.days) for w in built.weeks} == eight_weeks
    assert built.target_days == 7  # Verywell's sessions a day, every day
    assert any(line.startswith("Health + Inspiration: ") for line in built.recommendations)


def test_the_pdf_report_has_the_weeks_the_chart_and_the_notes(
    eight_weeks: dict[date, tuple[int, int, int]], library: Library, tmp_path: Path
) -> None:
    with History(paths.history_db_path()) as h:
        built = report.build(h, library, since=None, today=TODAY)
    target = tmp_path / "report.pdf"
    target.write_bytes(report_pdf.render(built))
    pages = pdf_pages(target)
    text = " ".join(pages)
    for monday, (sessions, done, days) in eight_weeks.items():
        assert f"{monday.isoformat()} {sessions} {done} {days}" in text
    assert "Gentle <start>" in text and "stopped for pain" not in text and "quit" in text
    assert "before: stiff <b>morning</b>" in text
    assert "Pain before and after" in pages[0]
    (first,) = pdf_to_png(target, tmp_path / "page", last=1, dpi=60)
    colors = Image.open(first).convert("RGB").getcolors(1_000_000) or []
    seen = {rgb: n for n, rgb in colors}
    assert seen.get(report.BEFORE_COLOR, 0) > 100 and seen.get(report.AFTER_COLOR, 0) > 100  # both lines drawn


class _Svg(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.shapes: list[tuple[str, str]] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("polyline", "circle"):
            self.shapes.append((tag, values.get("class") or ""))
        self.urls += [v or "" for k, v in attrs if k in ("src", "href")]


def test_the_html_report_draws_its_chart_inline(
    eight_weeks: dict[date, tuple[int, int, int]], library: Library
) -> None:
    with History(paths.history_db_path()) as h:
        built = report.build(h, library, since=START + timedelta(days=28), today=TODAY)
    page = report_html.render(built)
    parser = _Svg()
    parser.feed(page)
    assert parser.urls == []
    sessions = sum(v[0] for k, v in eight_weeks.items() if k >= START + timedelta(days=28))
    assert parser.shapes.count(("circle", "before")) == sessions
    assert ("polyline", "after") in parser.shapes
    assert "Gentle &lt;start&gt;" in page and "<start>" not in page


def test_history_report_command(capsys: pytest.CaptureFixture[str], tmp_path: Path, library: Library) -> None:
    assert cli.main(["history", "-o", str(tmp_path / "r.pdf")]) == 1
    assert "--format and -o go with --report" in capsys.readouterr().err
    assert cli.main(["history", "--report", "-o", str(tmp_path / "r.pdf")]) == 1
    assert "nothing to report" in capsys.readouterr().err
    h = History(paths.history_db_path())
    _record(h, date.today() - timedelta(days=1), status="complete", before=4, after=3, note="ok")
    h.close()
    assert cli.main(["history", "--report", "-o", str(tmp_path / "r.html")]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert "Exercise and pain report" in (tmp_path / "r.html").read_text()
    assert cli.main(["history", "--report", "--format", "pdf", "-o", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
