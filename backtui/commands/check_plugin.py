"""``backtui check-plugin NAME``: the plugin test kit's checks, from the command line."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "check-plugin",
        help="run the plugin test kit's checks on one installed plugin",
        description="Load the plugin whose entry point is NAME the way backtui does, in strict mode, and run "
        "the checks of backtui.testing.check_plugin: valid objects, ids, the source id rule, steps, names, "
        "dosages and avoid lists. Prints every problem, one per line, and exits 1 when there is any.",
    )
    p.add_argument("name", metavar="NAME", help="the plugin's entry-point name (see `backtui plugins`)")
    return p


def run(args: argparse.Namespace) -> int:
    import sys

    from backtui.core.terminal_text import printable
    from backtui.testing import PluginCheckFailed, check_plugin

    try:
        report = check_plugin(args.name)
    except PluginCheckFailed as exc:
        for line in exc.problems:
            print(f"{printable(args.name)}: {printable(line)}")
        print(
            f"backtui: plugin {args.name!r} fails the checks ({_count(len(exc.problems), 'problem')})", file=sys.stderr
        )
        return 1
    counts = f"{_count(len(report.exercises), 'exercise')}, {_count(len(report.avoid), 'avoid item')}"
    print(f"{printable(args.name)}: ok ({counts}, source {printable(report.source.id)!r})")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
