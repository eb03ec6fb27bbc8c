"""``backtui validate``: check routine files, one line per problem."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "validate",
        help="check routine files and report every problem",
        description="Check routine files against the routine format and the loaded exercise library. "
        "Prints one line per problem (FILE:LINE:COL: message or FILE: key.path: message) and "
        "'FILE: ok' for a file with none. Exits 1 when any file has an error; warnings "
        "(avoid-list matches, settings with no effect) only fail with --strict.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="routine files (.toml)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    return p


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from backtui.core.library import load_library
    from backtui.core.routine_check import Problem, check
    from backtui.core.routine_files import load_routine
    from backtui.core.tomlfile import DataError

    library = load_library()
    failed = False
    for name in args.files:
        try:
            problems = check(load_routine(Path(name), name), library, name)
        except DataError as exc:
            problems = [Problem.from_error(exc)]
        for problem in problems:
            print(problem)
        if any(p.is_error or args.strict for p in problems):
            failed = True
        elif not problems:
            print(f"{name}: ok")
    return 1 if failed else 0
