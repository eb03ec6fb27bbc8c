"""Every key the README and docs/builder.md list is a real binding of the screen they name.

The help screen is built from the bindings themselves; this keeps the hand-written docs
from drifting away from them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.keys import _character_to_key

from backtui.tui.app import BacktuiApp
from backtui.tui.screens.help import own_bindings, places

REPO = Path(__file__).resolve().parents[2]

#: (file, the header row of a key table, the help heading whose classes bind its keys)
TABLES = [
    ("README.md", "| key | on the dashboard |", "Dashboard"),
    ("README.md", "| key | in the runner |", "Runner"),
    ("docs/builder.md", "| key | where | does |", "Builder"),
]

#: Words in a key cell, as Textual names the keys.
NAMED = {
    "enter": "enter",
    "delete": "delete",
    "esc": "escape",
    "space": "space",
    "tab": "tab",
    "shift+tab": "shift+tab",
    "pgup": "pageup",
    "pgdn": "pagedown",
    "↑": "up",
    "↓": "down",
    "←": "left",
    "→": "right",
}
#: Keys every list, box and form has from Textual itself.
MOVING = {"up", "down", "pageup", "pagedown", "tab", "shift+tab"}
#: Words in key cells that are not keys.
NOT_KEYS = {"or", "/", ",", "type", "double", "click", "(", ")", "outside", "text", "boxes"}


def cell_keys(cell: str) -> list[str]:
    """The keys a table cell names: `x` as typed, Enter, Ctrl+P, F1, ↑ …"""
    keys = [_character_to_key(k) if len(k) == 1 else k.lower() for k in re.findall(r"`([^`]+)`", cell)]
    rest = re.sub(r"`[^`]+`", " ", cell).replace(",", " ").replace("(", " ").replace(")", " ")
    for word in rest.split():
        low = word.lower()
        if low in NOT_KEYS:
            continue
        if low.startswith("ctrl+"):
            tail = low.removeprefix("ctrl+")
            keys.append("ctrl+" + NAMED.get(tail, tail))
        elif re.fullmatch(r"f\d+", low):
            keys.append(low)
        elif low in NAMED:
            keys.append(NAMED[low])
        else:
            raise AssertionError(f"unknown key word {word!r} in {cell!r}")
    return keys


def table_keys(text: str, header: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(header)
    keys: list[str] = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        keys.extend(cell_keys(line.split("|")[1]))
    return keys


def bound_keys(heading: str) -> set[str]:
    classes = dict(places())[heading]
    bindings = [*own_bindings(BacktuiApp)]
    for cls in classes:
        bindings.extend(own_bindings(cls))
    return {b.key for b in Binding.make_bindings(bindings)} | MOVING


@pytest.mark.parametrize(("file", "header", "heading"), TABLES, ids=[f"{f}:{h}" for f, _, h in TABLES])
def test_every_documented_key_is_bound(file: str, header: str, heading: str) -> None:
    keys = table_keys((REPO / file).read_text(encoding="utf-8"), header)
    assert keys, f"{file}: no keys found under {header}"
    missing = sorted(set(keys) - bound_keys(heading))
    assert missing == [], f"{file} lists keys the {heading} doesn't bind: {missing}"


def test_the_cell_reader_knows_the_documents_words() -> None:
    assert cell_keys("Enter or `r`") == ["r", "enter"]
    assert cell_keys("`?` or F1") == ["question_mark", "f1"]
    assert cell_keys("`J` / `K`, Ctrl+↓ / Ctrl+↑") == ["J", "K", "ctrl+down", "ctrl+up"]
    assert cell_keys("Esc (`q` outside text boxes)") == ["q", "escape"]
