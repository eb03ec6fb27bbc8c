"""``backtui avoid``: every exercise a loaded source says not to do, with its reason."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "avoid",
        help="list the exercises the sources say to avoid, and why",
        description="List every avoid item of every loaded source: its id, name, other names and the "
        "source's reason. Routine steps that match one get a warning from 'validate'. "
        "--json prints a list (docs/json/avoid.schema.json describes it).",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list instead of text")
    return p


def run(args: argparse.Namespace) -> int:
    from backtui.commands.output import print_json
    from backtui.core.library import load_library
    from backtui.core.terminal_text import printable

    library = load_library()
    items = list(library.avoid.values())
    if args.json:
        print_json(
            [
                {
                    "id": a.id,
                    "name": a.name,
                    "aliases": list(a.aliases),
                    "source": a.source_id,
                    "source_title": source.title if (source := library.source_of(a)) else None,
                    "reason": a.reason,
                }
                for a in items
            ]
        )
        return 0
    if not items:
        print("No loaded source lists exercises to avoid.")
        return 0
    for a in items:
        source = library.source_of(a)
        print(f"{printable(a.name)}  ({printable(a.id)})")
        if a.aliases:
            print(f"  also called: {printable(', '.join(a.aliases))}")
        print(f"  source: {printable(source.title) if source else printable(a.source_id)}")
        print(f"  why: {printable(a.reason)}")
        print()
    print(f"{len(items)} item{'' if len(items) == 1 else 's'} to avoid.")
    return 0
