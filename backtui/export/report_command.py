"""``backtui history --report``: the clinician report written to a file."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path


def report_bytes(history: object, library: object, fmt: str, *, since: date | None, today: date) -> bytes:
    """The report on ``history`` as PDF or HTML bytes."""
    from backtui.export import report

    built = report.build(history, library, since=since, today=today)
    if fmt == "html":
        from backtui.export import report_html

        return report_html.render(built).encode("utf-8")
    from backtui.export import report_pdf

    return report_pdf.render(built)


def write_and_say(target: Path, data: bytes) -> int:
    """Write ``data`` to ``target`` atomically and print where it went, or one line why not; the exit code."""
    from backtui.core.atomic import write_bytes_atomic
    from backtui.core.terminal_text import printable

    try:
        write_bytes_atomic(target, data)
    except OSError as exc:
        print(printable(f"backtui: {target}: {exc.strerror or exc}"), file=sys.stderr)
        return 1
    print(printable(f"Wrote {target}"))
    return 0


def default_report_path(fmt: str, today: date, folder: Path | None = None) -> Path:
    return (folder or Path.cwd()) / f"backtui-report-{today.isoformat()}.{fmt}"


def write_report(since: date | None, *, fmt: str | None, output: str | None) -> int:
    """Write the report; print where it went, or one line saying why not. Returns the exit code."""
    from backtui.core import paths
    from backtui.core.history import HistoryUnavailable, open_history
    from backtui.core.library import load_library
    from backtui.core.terminal_text import printable
    from backtui.export.formats import format_for

    today = date.today()
    out = Path(output).expanduser() if output else None
    fmt = fmt or (format_for(out, "pdf") if out is not None else "pdf")
    if fmt not in ("pdf", "html"):
        fmt = "pdf"
    path = paths.history_db_path()
    if not path.exists():
        print("backtui: no sessions recorded yet, so there is nothing to report", file=sys.stderr)
        return 1
    opened = open_history(path)
    if opened.history is None:
        print(printable(f"backtui: history unavailable: {opened.error}"), file=sys.stderr)
        return 1
    try:
        data = report_bytes(opened.history, load_library(), fmt, since=since, today=today)
    except HistoryUnavailable as exc:
        print(printable(f"backtui: history unavailable: {exc}"), file=sys.stderr)
        return 1
    finally:
        opened.history.close()
    target = out or default_report_path(fmt, today)
    return write_and_say(target, data)
