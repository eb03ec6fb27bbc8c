"""The plan and schema commands, as a person or a script sees them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backtui.cli import main
from backtui.core.library import Library
from backtui.core.routine import Defaults, Routine, Step
from backtui.core.routine_files import dumps

ROUTINE = Routine(
    name="Demo morning",
    defaults=Defaults(prepare_s=5, transition_s=10, release_s=2),
    steps=[
        Step(exercise="demo:prone-lying", duration_s=60),
        Step(exercise="demo:knee-to-chest", reps=2, hold_s=5, sides="each", switch_s=5),
        Step(name="Walk around the room", duration_s=30, prepare_s=0),
    ],
)


@pytest.fixture
def routine_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.toml"
    path.write_text(dumps(ROUTINE))
    return path


def test_plan_prints_a_table_and_the_total(
    routine_file: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    assert main(["plan", str(routine_file)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Demo morning"
    assert out[1].split() == ["#", "PHASE", "EXERCISE", "SET", "REP", "SIDE", "DURATION", "START"]
    rows = out[3:-2]
    assert rows[0].split() == ["1", "GET", "READY", "Prone", "lying", "0:05", "0:00"]
    assert rows[1].split() == ["2", "WORK", "Prone", "lying", "1/1", "1:00", "0:05"]
    hold = rows[4].split()  # after NEXT and GET READY: the first hold of knee to chest
    assert hold == ["5", "HOLD", "Knee", "to", "chest", "1/1", "1/2", "left", "0:05", "1:20"]
    assert "SWITCH SIDES" in rows[7]
    # 5+60 | 10+5 + (5+2+5)+5+(5+2+5) | 10+30 = 149 s
    assert out[-1] == "Total: 2:29 (13 phases)"


def test_plan_json_is_the_documented_shape(
    routine_file: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    assert main(["plan", "--json", str(routine_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"total_s", "phases"}
    assert all(set(p) == {"kind", "exercise", "set", "rep", "side", "position", "duration_s"} for p in data["phases"])
    assert data["total_s"] == sum(p["duration_s"] for p in data["phases"]) == 149
    assert data["phases"][0] == {
        "kind": "prepare",
        "exercise": "demo:prone-lying",
        "set": None,
        "rep": None,
        "side": None,
        "position": None,
        "duration_s": 5,
    }
    walk = [p for p in data["phases"] if p["exercise"] == "Walk around the room"]
    assert [p["kind"] for p in walk] == ["transition", "work"]
    assert data["phases"][-1] == {
        "kind": "done",
        "exercise": None,
        "set": None,
        "rep": None,
        "side": None,
        "position": None,
        "duration_s": 0,
    }


def test_plan_shows_warnings_on_stderr_and_still_plans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    path = tmp_path / "w.toml"
    path.write_text(dumps(Routine(name="w", steps=[Step(name="Sit-ups", reps=2)])))
    assert main(["plan", "--json", str(path)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["total_s"] > 0
    assert err.startswith(f"{path}: steps[0].name: warning: 'Sit-ups' matches 'Sit-ups'")


def test_schema_is_a_standalone_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"].startswith("urn:backtui:routine")
    assert schema["title"] == "backtui routine"
    assert schema["required"] == ["name"]
    assert schema["additionalProperties"] is False
    step = schema["definitions"]["Step"]
    assert set(step["properties"]) == set(Step.__struct_fields__)
    assert set(schema["definitions"]["Defaults"]["properties"]) == set(Defaults.__struct_fields__)
    assert step["oneOf"] == [{"required": ["exercise"]}, {"required": ["name"]}]
    # TOML has no null: an optional key is just left out, so the schema offers no null
    assert step["properties"]["reps"] == {
        "description": "Reps per set (per side with sides).",
        "type": "integer",
        "minimum": 1,
        "maximum": 1000,
    }
    assert "null" not in json.dumps(schema)
    for table in (schema, step, schema["definitions"]["Defaults"]):
        assert table["description"]
        for name, prop in table["properties"].items():
            assert prop.get("description"), f"{name} has no description"
    refs = {v for v in _walk(schema) if isinstance(v, str) and v.startswith("#/")}
    assert refs <= {f"#/definitions/{name}" for name in schema["definitions"]}


def _walk(node: object) -> list[object]:
    if isinstance(node, dict):
        return [x for k, v in node.items() for x in ([v] if k == "$ref" else _walk(v))]
    if isinstance(node, list):
        return [x for v in node for x in _walk(v)]
    return []


def test_editors_using_the_schema_accept_the_bundled_routines_and_flag_mistakes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What taplo or Even Better TOML would do with `backtui schema`: check real files against it."""
    import tomllib

    import jsonschema

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft7Validator.check_schema(schema)  # a valid draft-07 schema, not just valid JSON
    validator = jsonschema.Draft7Validator(schema)
    bundled = sorted((Path(__file__).resolve().parents[2] / "routines").glob("*.toml"))
    assert bundled
    for path in bundled:
        errors = [e.message for e in validator.iter_errors(tomllib.loads(path.read_text(encoding="utf-8")))]
        assert errors == [], f"{path.name}: {errors}"
    mistakes = {
        "unknown key": {"name": "x", "steps": [{"name": "Walk", "duration_s": 60, "reeps": 2}]},
        "negative reps": {"name": "x", "steps": [{"exercise": "a:b", "reps": -2}]},
        "both exercise and name": {"name": "x", "steps": [{"exercise": "a:b", "name": "Walk"}]},
        "bad sides": {"name": "x", "steps": [{"exercise": "a:b", "sides": "both"}]},
        "no name": {"steps": []},
    }
    for label, data in mistakes.items():
        assert list(validator.iter_errors(data)), f"the schema lets through: {label}"
