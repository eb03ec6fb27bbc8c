"""Plain-text tables and JSON for the command line.

Cells and JSON hold text from outside (routine files, plugins, history): both come
out with control characters escaped, so nothing printed can drive the terminal.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from typing import Any

from backtui.core.terminal_text import printable

# What JSON's own escaping leaves raw: DEL, C1 controls, line separators, bidi overrides.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Columns padded to their widest cell; no colour, so it pipes and greps cleanly."""
    cells = [[str(h) for h in headers], *[["" if c is None else printable(str(c)) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def print_json(data: Any) -> None:
    """``data`` as JSON; every string keeps its exact value, with control characters written as ``\\uXXXX``."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
