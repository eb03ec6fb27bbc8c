"""The routine format as a standalone JSON Schema, generated from the Structs.

It is written as draft-07 with ``definitions`` and uses only keywords that draft 4
already had, because taplo (the engine behind Even Better TOML) documents Draft 4
support: the same file then works in taplo, VS Code and any draft-07 validator.
"""

from __future__ import annotations

from typing import Any

import msgspec

from backtui.core.routine import SCHEMA_VERSION, Routine

SCHEMA_ID = f"urn:backtui:routine:schema:{SCHEMA_VERSION}"
DIALECT = "http://json-schema.org/draft-07/schema#"


def routine_json_schema() -> dict[str, Any]:
    """The JSON Schema editors use to check and complete routine files."""
    generated = msgspec.json.schema(Routine)
    defs: dict[str, Any] = generated.get("$defs", {})
    root_ref = generated.get("$ref", "")
    root_name = root_ref.rsplit("/", 1)[-1]
    root = dict(defs.pop(root_name)) if root_name in defs else dict(generated)
    root.pop("title", None)
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "backtui routine",
        **root,
        "description": (
            f"A backtui exercise routine, schema {SCHEMA_VERSION}. A step leaves out what it inherits: "
            "from the exercise's dosage, then [defaults], then backtui's built-in defaults. "
            "Times are whole seconds."
        ),
    }
    step = defs.get("Step")
    if step is not None:
        # Exactly one of exercise / name; JSON Schema can say so, so editors flag it too.
        step["oneOf"] = [{"required": ["exercise"]}, {"required": ["name"]}]
    if defs:
        schema["definitions"] = defs
    for table in (schema, *defs.values()):
        for name, prop in table.get("properties", {}).items():
            table["properties"][name] = _without_null(prop)
    tidy: dict[str, Any] = _tidy(schema)
    return tidy


def _without_null(prop: dict[str, Any]) -> dict[str, Any]:
    """TOML has no null: an optional key is one you leave out, so drop msgspec's ``null`` branch."""
    options = prop.get("anyOf")
    if not isinstance(options, list) or {"type": "null"} not in options:
        return prop
    rest = [o for o in options if o != {"type": "null"}]
    flat: dict[str, Any] = dict(rest[0]) if len(rest) == 1 else {"anyOf": rest}
    flat.update({k: v for k, v in prop.items() if k not in ("anyOf", "default")})
    if prop.get("default") is not None:
        flat["default"] = prop["default"]
    return flat


def _tidy(node: Any) -> Any:
    """Docstrings become one-paragraph descriptions without reStructuredText quoting; refs point at definitions."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            node = {**node, "$ref": node["$ref"].replace("#/$defs/", "#/definitions/")}
        return {
            k: (" ".join(v.replace("``", "'").split()) if k == "description" and isinstance(v, str) else _tidy(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_tidy(v) for v in node]
    return node
