"""``backtui exercises``: the exercise library, filtered."""

from __future__ import annotations

import argparse
import sys
from typing import Any

# Kept here rather than imported from the model, so ``--help`` stays light.
CATEGORIES = ("stretch", "strengthen", "mobility", "posture", "relaxation")
POSITIONS = ("prone", "supine", "quadruped", "standing", "side-lying", "seated")


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "exercises",
        help="list the exercises every loaded source provides",
        description="List the exercise library. Search matches names and aliases, ignoring case and accents. "
        "--json prints every field of each exercise (docs/json/exercises.schema.json describes it).",
    )
    p.add_argument("--source", metavar="ID", help="only this source's exercises")
    p.add_argument("--search", metavar="TEXT", default="", help="only exercises whose name or alias contains TEXT")
    p.add_argument("--category", choices=CATEGORIES, help="only exercises of this category")
    p.add_argument("--position", choices=POSITIONS, help="only exercises done in this body position")
    p.add_argument(
        "--sciatica", action="store_true", help="only exercises their source marks as suitable with sciatica"
    )
    p.add_argument("--json", action="store_true", help="print a JSON list of every field instead of a table")
    return p


def exercise_json(exercise: Any) -> dict[str, Any]:
    """Every field of an exercise, with its source id after its id."""
    import msgspec

    data: dict[str, Any] = msgspec.to_builtins(exercise)
    return {"id": data.pop("id"), "source": exercise.source_id, **data}


def run(args: argparse.Namespace) -> int:
    from backtui.commands.output import print_json, table
    from backtui.core.dosage_text import dosage_text
    from backtui.core.library import load_library
    from backtui.core.terminal_text import printable

    library = load_library()
    if args.source and args.source not in library.sources:
        known = ", ".join(sorted(library.sources)) or "none"
        print(printable(f"backtui: no loaded source is called {args.source!r} (loaded: {known})"), file=sys.stderr)
        return 1
    found = library.search(
        args.search,
        source=args.source,
        category=args.category,
        position=args.position,
        sciatica_ok=True if args.sciatica else None,
    )
    if args.json:
        print_json([exercise_json(e) for e in found])
        return 0
    rows = [[printable(e.id), printable(e.name), e.category, e.position, dosage_text(e.dosage) or "-"] for e in found]
    print(table(["ID", "NAME", "CATEGORY", "POSITION", "DOSAGE"], rows))
    print(f"\n{len(found)} exercise{'' if len(found) == 1 else 's'}.")
    return 0
