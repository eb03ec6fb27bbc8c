"""Every ``--json`` output matches its JSON Schema in docs/json/, with the bundled plugins loaded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from backtui.cli import main
from backtui.core.json_schemas import exercises_json_schema
from backtui.core.model import Exercise

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "docs" / "json"


def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(data)
    return data


def output(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_exercises_json_matches_its_schema_and_carries_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    data = output(capsys, "exercises", "--json")
    jsonschema.validate(data, schema("exercises"), cls=jsonschema.Draft7Validator)
    assert len(data) == 41
    assert all(set(item) == {"source", *Exercise.__struct_fields__} for item in data)
    plank = next(item for item in data if item["id"] == "health-inspiration:side-plank")
    assert plank["source"] == "health-inspiration"
    assert plank["sciatica_ok"] is True
    assert plank["dosage"]["hold_range_s"] == [10, 60]
    assert plank["dosage"]["start_side"] == "right"
    curl = next(item for item in data if item["id"] == "health-inspiration:cat-curl")
    assert curl["dosage"]["positions"] == [{"name": "Sag", "hold_s": 5}, {"name": "Round", "hold_s": 5}]
    bug = next(item for item in data if item["id"] == "health-inspiration:dead-bug")
    assert [s["id"] for s in bug["stages"]] == ["stage-one", "stage-two", "stage-three"]


def test_the_exercises_schema_file_is_the_generated_one() -> None:
    # Regenerate with: uv run python -m backtui.core.json_schemas > docs/json/exercises.schema.json
    assert schema("exercises") == json.loads(json.dumps(exercises_json_schema()))


def test_exercises_filters(capsys: pytest.CaptureFixture[str]) -> None:
    sciatica = output(capsys, "exercises", "--json", "--sciatica")
    assert sciatica and all(item["sciatica_ok"] for item in sciatica)
    assert {item["source"] for item in sciatica} == {"health-inspiration"}
    prone = output(capsys, "exercises", "--json", "--position", "prone", "--category", "stretch")
    assert prone and all((i["position"], i["category"]) == ("prone", "stretch") for i in prone)
    assert "health-inspiration:back-extension" in {i["id"] for i in prone}


def test_an_unknown_category_is_refused_with_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["exercises", "--category", "cardio"])
    assert exit_.value.code == 2
    assert "choose from" in capsys.readouterr().err


def test_avoid_json_lists_every_item_with_source_aliases_and_reason(capsys: pytest.CaptureFixture[str]) -> None:
    data = output(capsys, "avoid", "--json")
    jsonschema.validate(data, schema("avoid"), cls=jsonschema.Draft7Validator)
    assert [item["id"] for item in data] == [
        "twelve-best:toe-touches",
        "twelve-best:sit-ups",
        "twelve-best:abdominal-crunches",
    ]
    sit_ups = data[1]
    assert sit_ups["source"] == "twelve-best"
    assert "Situps" in sit_ups["aliases"]
    assert "hip flexors" in sit_ups["reason"]


def test_avoid_text_names_source_and_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["avoid"]) == 0
    out = capsys.readouterr().out
    assert "Sit-ups  (twelve-best:sit-ups)" in out
    assert "also called: Situps, Sit up" in out
    assert out.rstrip().endswith("3 items to avoid.")


def test_plan_json_matches_its_schema(capsys: pytest.CaptureFixture[str]) -> None:
    for routine in sorted((REPO / "routines").glob("*.toml")):
        data = output(capsys, "plan", "--json", str(routine))
        jsonschema.validate(data, schema("plan"), cls=jsonschema.Draft7Validator)


def test_plugins_json_matches_its_schema(capsys: pytest.CaptureFixture[str]) -> None:
    data = output(capsys, "plugins", "--json")
    jsonschema.validate(data, schema("plugins"), cls=jsonschema.Draft7Validator)
    assert len(data) == 6  # the five sources and the speech cue plugin


def test_history_json_matches_its_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import datetime

    from backtui.core import paths
    from backtui.core.history import CheckIn, History

    history = History(paths.history_db_path())
    at = datetime(2026, 3, 2, 8, 0).astimezone()
    sid = history.start_session("Mine", "/r/mine.toml", started_at=at)
    history.add_checkin(sid, "before", CheckIn(4, ("lower back",), "stiff"), at=at)
    history.record_step(sid, 0, "Cat Curl", "health-inspiration:cat-curl", "completed", at=at)
    history.record_step(sid, 1, "Walk", None, "skipped", at=at)
    history.finish_session(sid, "pain", elapsed_s=100, ended_at=at)
    history.start_session("Mine", "/r/mine.toml", started_at=at)  # still running: no end, no check-ins
    history.close()
    data = output(capsys, "history", "--json")
    jsonschema.validate(data, schema("history"), cls=jsonschema.Draft7Validator)
    assert data[0]["status"] == "pain"
    assert data[0]["before"]["areas"] == ["lower back"] and data[0]["after"] is None
