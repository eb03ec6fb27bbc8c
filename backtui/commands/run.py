"""``backtui run FILE``: run a routine with the on-screen timer."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from backtui.core.tomlfile import DataError


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "run",
        help="run a routine with the on-screen timer",
        description="Run the routine in FILE: a big countdown paces every hold, rep, set, rest and side switch.",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="a routine .toml file")
    return p


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.exists():
        raise DataError(str(path), "no such file")
    if path.is_dir():
        raise DataError(str(path), "this is a folder, not a routine file")
    from backtui.tui.app import run_app

    return run_app(start="run", path=path)
