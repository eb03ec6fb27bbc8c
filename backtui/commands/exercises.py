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


def dosage_text(d: Any) -> str:
    """A compact dosage: ``2×10 hold 5s rest 60s each side``."""
    parts = []
    if d.duration_s:
        parts.append(f"{d.duration_s}s")
    if d.reps:
        parts.append(f"{d.sets}×{d.reps}" if d.sets > 1 else f"{d.reps} rep" if d.reps == 1 else f"{d.reps} reps")
    elif d.sets > 1:
        parts.append(f"{d.sets} sets")
    if d.hold_s:
        parts.append(f"hold {d.hold_s}s")
    if d.rest_s:
        parts.append(f"rest {d.rest_s}s")
    if d.sides == "each":
        parts.append("each side")
    elif d.sides == "alternate":
        parts.append("alternating")
    return " ".join(parts)


def run(args: argparse.Namespace) -> int:
    import msgspec

    from backtui.commands.output import print_json, table
    from backtui.core.library import load_library

    library = load_library()
    if args.source and args.source not in library.sources:
        known = ", ".join(sorted(library.sources)) or "none"
        print(f"backtui: no loaded source is called {args.source!r} (loaded: {known})", file=sys.stderr)
        return 1
    found = library.search(args.search, source=args.source)
    if args.json:
        print_json(
            [{"id": e.id, "name": e.name, "source": e.source_id, **msgspec.to_builtins(e.dosage)} for e in found]
        )
        return 0
    rows = [[e.id, e.name, e.category, e.position, dosage_text(e.dosage)] for e in found]
    print(table(["ID", "NAME", "CATEGORY", "POSITION", "DOSAGE"], rows))
    print(f"\n{len(found)} exercises.")
    return 0
