"""``backtui run NAME``: run a routine with the on-screen timer."""

from __future__ import annotations

import argparse
from typing import Any

from backtui.core.tomlfile import DataError


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "run",
        help="run a routine with the on-screen timer",
        description="Run a routine: a big countdown paces every hold, rep, set, rest and side switch. "
        "NAME is a routine's name or file name from your routines folder or the bundled ones, "
        "or the path of a routine file.",
    )
    p.add_argument("routine", nargs="?", metavar="NAME", help="a routine's name, its file name, or a path")
    p.add_argument("--last", action="store_true", help="run the routine you ran last")
    return p


def run(args: argparse.Namespace) -> int:
    from backtui.core.routine_names import find_routine, last_run_routine

    if args.last and args.routine:
        raise DataError("run", "give a routine or --last, not both")
    if args.last:
        path = last_run_routine()
    elif args.routine:
        path = find_routine(args.routine)
    else:
        raise DataError("run", "which routine? give its name (backtui run NAME) or --last")
    if path.is_dir():
        raise DataError(str(path), "this is a folder, not a routine file")
    from backtui.tui.app import run_app

    return run_app(start="run", path=path.resolve())
