"""``backtui plugins``: every plugin, where it comes from, and whether it loaded."""

from __future__ import annotations

import argparse
import os
from typing import Any

DOCS_HINT = (
    "Add your own source: `backtui new-plugin NAME` scaffolds one; the guide is docs/plugins.md "
    "in the backtui repository."
)


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "plugins",
        help="list the exercise sources (plugins) and whether they loaded",
        description="List every backtui plugin: its source, distribution, version, location, "
        "exercise and avoid counts, and its status or error.",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    p.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when any plugin failed to load or has a warning (for scripts and CI)",
    )
    return p


def run(args: argparse.Namespace) -> int:
    import sys

    from backtui.commands.output import print_json, table
    from backtui.core import plugins
    from backtui.core.terminal_text import printable

    result = plugins.load()
    failed = 1 if args.check and (result.failed or any(r.warnings for r in result.records)) else 0
    if result.unknown_names:
        print(f"backtui: {printable(result.unknown_names)}", file=sys.stderr)
    if args.json:
        print_json([_as_json(r) for r in result.records])
        return 1 if result.unknown_names else failed
    if not result.records:
        chosen = os.environ.get("BACKTUI_LOAD_PLUGINS")
        shown = f" (BACKTUI_LOAD_PLUGINS={printable(repr(chosen))})." if chosen is not None else "."
        print("No plugins are loaded" + shown)
        print(DOCS_HINT)
        return 1 if result.unknown_names else 0
    rows = []
    for r in result.records:
        rows.append(
            [
                r.source.id if r.source else r.name,
                r.source.title if r.source else ("cues" if r.gives_cues else ""),
                r.distribution or "-",
                r.version or "-",
                len(r.exercises),
                len(r.avoid),
                r.status,
            ]
        )
    print(table(["SOURCE", "TITLE", "DISTRIBUTION", "VERSION", "EXERCISES", "AVOID", "STATUS"], rows))
    total = sum(len(r.exercises) for r in result.ok)
    cue_plugins = [r.name for r in result.ok if r.gives_cues]
    print(f"\n{len(result.ok)} of {len(result.records)} plugins loaded, {total} exercises.")
    if cue_plugins:
        print(f"Cues while a routine runs: {', '.join(cue_plugins)}.")
    print("\nWhere they come from (entry point = module, in the 'backtui' group):")
    for r in result.records:
        origin = f"{r.distribution} {r.version}".strip() or "no distribution"
        print(printable(f"  {r.name} = {r.value}  ({origin}) {r.location or ''}".rstrip()))
    if result.failed:
        print("\nErrors:")
        for r in result.failed:
            print(f"  {printable(r.describe())}")
    warned = [(r, w) for r in result.records for w in r.warnings]
    if warned:
        print("\nWarnings (errors with BACKTUI_STRICT_PLUGINS=1):")
        for r, warning in warned:
            print(f"  plugin {printable(r.origin)}: {printable(warning)}")
    print(f"\n{DOCS_HINT}")
    return 1 if result.unknown_names else failed


def _as_json(r: Any) -> dict[str, Any]:
    return {
        "name": r.name,
        "source": r.source.id if r.source else None,
        "title": r.source.title if r.source else None,
        "distribution": r.distribution or None,
        "version": r.version or None,
        "location": r.location or None,
        "exercises": len(r.exercises),
        "avoid": [a.name for a in r.avoid],
        "cues": r.gives_cues,
        "status": r.status,
        "error": r.error or None,
    }
