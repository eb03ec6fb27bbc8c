"""The JSON Schema of ``backtui exercises --json``, generated from the model's Structs.

docs/json/exercises.schema.json is this schema written out; a test keeps the two the
same (``uv run python -m backtui.core.json_schemas > docs/json/exercises.schema.json``
rewrites the file). The other outputs' schemas in docs/json/ are written by hand.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

from backtui.core.model import Exercise
from backtui.core.routine_schema import DIALECT, _tidy

SOURCE_PROPERTY = {
    "type": "string",
    "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "description": "The id of the source the exercise comes from (the part of id before the colon).",
}


def exercises_json_schema() -> dict[str, Any]:
    """A list of exercises with every field present, as ``exercises --json`` prints them."""
    generated = msgspec.json.schema(Exercise)
    defs: dict[str, Any] = generated["$defs"]
    exercise = defs.pop("Exercise")
    props = exercise["properties"]
    exercise["properties"] = {
        "id": props["id"],
        "source": SOURCE_PROPERTY,
        **{k: v for k, v in props.items() if k != "id"},
    }
    for table in (exercise, *defs.values()):
        if table.get("type") == "object":
            table["required"] = list(table["properties"])  # the output has every field, null when empty
            table["additionalProperties"] = False
    schema = {
        "$schema": DIALECT,
        "$id": "urn:backtui:json:exercises",
        "title": "backtui exercises --json",
        "description": "A list of exercises, every field present (null or empty when the source gives none).",
        "type": "array",
        "items": {"$ref": "#/definitions/Exercise"},
        "definitions": {"Exercise": exercise, **defs},
    }
    tidy: dict[str, Any] = _tidy(_draft7_tuples(schema))
    return tidy


def _draft7_tuples(node: Any) -> Any:
    """msgspec writes a fixed-length tuple as 2020-12 ``prefixItems``; draft-07 says ``items: [...]``."""
    if isinstance(node, dict):
        out = {k: _draft7_tuples(v) for k, v in node.items()}
        if "prefixItems" in out:
            out["items"] = out.pop("prefixItems")
            out["additionalItems"] = False
        return out
    if isinstance(node, list):
        return [_draft7_tuples(v) for v in node]
    return node


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(exercises_json_schema(), indent=2, ensure_ascii=False))
