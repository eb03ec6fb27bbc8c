"""``backtui build [FILE]``: open the routine builder on FILE, or on a new routine."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "build",
        help="build a routine from the exercise library, or edit FILE",
        description="Open the routine builder. With FILE, edit that routine (a file that does not exist yet "
        "is created when you save); without it, start a new routine saved in your routines folder.",
    )
    p.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a routine .toml file")
    return p


def run(args: argparse.Namespace) -> int:
    from backtui.tui.app import run_app

    return run_app(start="build", path=args.file)
