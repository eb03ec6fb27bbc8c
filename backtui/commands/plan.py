"""``backtui plan``: a routine's timeline, phase by phase, with its total."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "plan",
        help="show the timeline a routine file runs as",
        description="Show every phase a routine runs through (get ready, work, hold, relax, rest, "
        "switch sides, next) with its length and start time, and the total. A file with "
        "errors prints them as 'validate' does and exits 1.",
    )
    p.add_argument("file", metavar="FILE", help="a routine file (.toml)")
    p.add_argument("--json", action="store_true", help='print {"total_s": …, "phases": […]} instead of a table')
    return p


def clock(seconds: int) -> str:
    """``m:ss``, or ``h:mm:ss`` from an hour up."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _of(n: int | None, total: int | None) -> str:
    return f"{n}/{total}" if n is not None and total is not None else ""


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from backtui.commands.output import print_json, table
    from backtui.core.library import load_library
    from backtui.core.routine_check import Problem, check
    from backtui.core.routine_files import load_routine
    from backtui.core.terminal_text import printable
    from backtui.core.timeline import plan, total_seconds
    from backtui.core.tomlfile import DataError

    library = load_library()
    try:
        routine = load_routine(Path(args.file), args.file)
        problems = check(routine, library, args.file)
    except DataError as exc:
        print(Problem.from_error(exc), file=sys.stderr)
        return 1
    for problem in problems:
        print(problem, file=sys.stderr)
    if any(p.is_error for p in problems):
        return 1
    phases = plan(routine, library)
    total = total_seconds(phases)
    if args.json:
        print_json(
            {
                "total_s": total,
                "phases": [
                    {
                        "kind": p.kind,
                        "exercise": p.exercise if p.exercise is not None or p.kind == "done" else p.name,
                        "set": p.set,
                        "rep": p.rep,
                        "side": p.side,
                        "position": p.position,
                        "duration_s": p.duration_s,
                    }
                    for p in phases
                ],
            }
        )
        return 0
    rows = [
        [
            n,
            p.label,
            p.name,
            _of(p.set, p.sets),
            _of(p.rep, p.reps),
            p.side or "",
            clock(p.duration_s),
            clock(p.start_s),
        ]
        for n, p in enumerate(phases, 1)
    ]
    print(printable(routine.name))
    print(table(["#", "PHASE", "EXERCISE", "SET", "REP", "SIDE", "DURATION", "START"], rows))
    print(f"\nTotal: {clock(total)} ({len(phases) - 1} phases)")
    return 0
