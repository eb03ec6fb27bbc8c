"""``backtui schema``: the JSON Schema of the routine format, for editors."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "schema",
        help="print the JSON Schema of routine files",
        description="Print the JSON Schema of the routine format, so editors with TOML schema support "
        "(taplo, Even Better TOML) check and complete routine files. See docs/routine-format.md.",
    )
    return p


def run(args: argparse.Namespace) -> int:
    from backtui.commands.output import print_json
    from backtui.core.routine_schema import routine_json_schema

    print_json(routine_json_schema())
    return 0
