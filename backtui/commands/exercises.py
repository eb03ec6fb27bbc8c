"""``backtui exercises``: the exercise library, filtered."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "exercises",
        help="list the exercises every loaded source provides",
        description="List the exercise library. Search matches names and aliases, ignoring case and accents.",
    )
    p.add_argument("--source", metavar="ID", help="only this source's exercises")
    p.add_argument("--search", metavar="TEXT", default="", help="only exercises whose name or alias contains TEXT")
    p.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    return p


def run(args: argparse.Namespace) -> int:
    import msgspec

    from backtui.commands.output import print_json, table
    from backtui.core.dosage_text import dosage_text
    from backtui.core.library import load_library
    from backtui.core.terminal_text import printable

    library = load_library()
    if args.source and args.source not in library.sources:
        known = ", ".join(sorted(library.sources)) or "none"
        print(printable(f"backtui: no loaded source is called {args.source!r} (loaded: {known})"), file=sys.stderr)
        return 1
    found = library.search(args.search, source=args.source)
    if args.json:
        print_json(
            [{"id": e.id, "name": e.name, "source": e.source_id, **msgspec.to_builtins(e.dosage)} for e in found]
        )
        return 0
    rows = [[e.id, e.name, e.category, e.position, dosage_text(e.dosage) or "-"] for e in found]
    print(table(["ID", "NAME", "CATEGORY", "POSITION", "DOSAGE"], rows))
    print(f"\n{len(found)} exercise{'' if len(found) == 1 else 's'}.")
    return 0
