"""``backtui build [NAME]``: open the routine builder on a routine, or on a new one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "build",
        help="build a routine from the exercise library, or edit one",
        description="Open the routine builder. NAME is a routine's name or file name from your routines "
        "folder or the bundled ones, or the path of a routine file (a .toml file that does not exist yet "
        "is created when you save); without NAME, start a new routine saved in your routines folder.",
    )
    p.add_argument("routine", nargs="?", metavar="NAME", help="a routine's name, its file name, or a path")
    return p


def run(args: argparse.Namespace) -> int:
    from backtui.core.routine_names import find_routine, looks_like_path

    path: Path | None = None
    if args.routine:
        given = Path(args.routine).expanduser()
        # A path that doesn't exist yet is a new routine to save there.
        path = given if looks_like_path(args.routine) and not given.exists() else find_routine(args.routine)
    from backtui.tui.app import run_app

    return run_app(start="build", path=path)
