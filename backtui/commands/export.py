"""``backtui export ROUTINE``: a printable handout (Markdown, HTML, PDF) or calendar reminders (ics)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from backtui.core.tomlfile import DataError

FORMATS = ("md", "html", "pdf", "ics")


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "export",
        help="a routine as a handout (md, html, pdf) or calendar reminders (ics)",
        description="Write ROUTINE as a handout: its steps in plain words, each source's attribution and "
        "safety notes, and the sources' advice on when to stop. Markdown goes to standard output unless "
        "-o is given; pdf and ics are written to a file (ROUTINE-NAME.pdf in this folder by default). "
        "With --format ics, recurring reminders at the frequency the sources recommend.",
    )
    p.add_argument("routine", metavar="ROUTINE", help="a routine's name, its file name, or a path")
    p.add_argument("--format", "-f", choices=FORMATS, help="md (default), html, pdf or ics; or from -o's suffix")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write it ('-' for standard output)")
    p.add_argument("--at", metavar="TIMES", help="ics: reminder times, e.g. 08:00,13:00,18:00 (default: spread)")
    p.add_argument("--start", metavar="DATE", help="ics: the first day of the reminders (default: today)")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="pdf: the paper size (default a4)")
    return p


def find_routine(arg: str) -> Path:
    """A routine file from the command line: a path, or a routine's name or file stem (``routine_names``)."""
    from backtui.core.routine_names import find_routine as find

    path = find(arg)
    if path.is_dir():
        raise DataError(arg, "this is a folder, not a routine file")
    return path


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from backtui.export.formats import default_path, format_for, routine_bytes

    path = find_routine(args.routine)
    out = Path(args.output).expanduser() if args.output and args.output != "-" else None
    fmt = args.format or (format_for(out, "md") if out is not None else "md")
    at: tuple[Any, ...] = ()
    start: date | None = None
    if args.at:
        from backtui.export.ics import parse_times

        try:
            at = parse_times(args.at)
        except ValueError as exc:
            print(f"backtui: --at: {exc}", file=sys.stderr)
            return 1
    if args.start:
        try:
            start = date.fromisoformat(args.start)
        except ValueError:
            print(f"backtui: --start: expected a date like 2026-01-31, got {args.start!r}", file=sys.stderr)
            return 1

    from backtui.core.library import load_library
    from backtui.core.routine_files import load_routine

    routine = load_routine(path)
    library = load_library()
    data = routine_bytes(routine, library, fmt, path=path, at=at, start=start, paper=args.paper.upper())
    if args.output == "-" or (out is None and fmt in ("md", "html")):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    from backtui.export.report_command import write_and_say

    return write_and_say(out or default_path(routine.name, fmt), data)
