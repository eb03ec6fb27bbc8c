"""``backtui plugins`` and ``backtui exercises`` as a user runs them, with plugins chosen by the test."""

from __future__ import annotations

import json
from importlib.metadata import EntryPoint

import pytest

from backtui import __version__, cli
from backtui.core import plugins

GOOD = EntryPoint(name="zoo-good", value="plugin_zoo.good", group="backtui")
SECOND = EntryPoint(name="zoo-second", value="plugin_zoo.second:Second", group="backtui")
BROKEN = EntryPoint(name="zoo-broken", value="plugin_zoo.raising:SourceRaises", group="backtui")


@pytest.fixture(autouse=True)
def zoo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plugins, "discover", lambda: [GOOD, SECOND, BROKEN])


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_plugins_table_shows_each_plugin_its_origin_and_the_broken_ones_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "plugins")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["SOURCE", "TITLE", "DISTRIBUTION", "VERSION", "EXERCISES", "AVOID", "STATUS"]
    rows = {line.split()[0]: line.split() for line in lines[2:5]}
    assert rows["zoo-good"][-3:] == ["1", "1", "ok"]
    assert rows["zoo-second"][-3:] == ["1", "0", "ok"]
    assert rows["zoo-broken"][-1] == "error"
    assert "2 of 3 plugins loaded, 2 exercises." in out
    assert "zoo-good = plugin_zoo.good  (no distribution)" in out
    assert "plugin 'zoo-broken' (no distribution): backtui_source() raised RuntimeError" in out
    assert "docs/plugins.md" in out and "backtui new-plugin NAME" in out


def test_plugins_json_lists_every_plugin_with_status_and_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plugins", "--json")
    assert code == 0
    data = {item["name"]: item for item in json.loads(out)}
    keys = {"source", "title", "distribution", "version", "exercises", "avoid", "status", "error"}
    assert all(keys <= set(item) for item in data.values())
    good = data["zoo-good"]
    assert (good["source"], good["title"], good["exercises"], good["avoid"]) == (
        "zoo-good",
        "Zoo: a good source",
        1,
        ["Sit-ups"],
    )
    assert (good["status"], good["error"]) == ("ok", None)
    broken = data["zoo-broken"]
    assert broken["status"] == "error"
    assert broken["error"].startswith("backtui_source() raised RuntimeError: the source file could not be read")
    assert (broken["source"], broken["exercises"], broken["avoid"]) == (None, 0, [])


def test_plugins_with_none_loaded_says_so(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKTUI_LOAD_PLUGINS", "")
    code, out, _ = run(capsys, "plugins")
    assert code == 0
    assert out.startswith("No plugins are loaded (BACKTUI_LOAD_PLUGINS='').")
    assert run(capsys, "plugins", "--json")[1].strip() == "[]"


def test_a_strict_failure_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKTUI_STRICT_PLUGINS", "1")
    code, out, err = run(capsys, "plugins")
    assert code == 1
    assert out == ""
    assert err.startswith("backtui: plugin 'zoo-broken' (no distribution): backtui_source() raised RuntimeError")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_exercises_json_has_ids_names_sources_and_dosage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "exercises", "--json")
    assert code == 0
    data = json.loads(out)
    assert [e["id"] for e in data] == ["zoo-good:pelvic-tilt", "zoo-second:bird-dog"]
    tilt = data[0]
    assert (tilt["name"], tilt["source"]) == ("Pelvic tilt", "zoo-good")
    dosage = tilt["dosage"]
    assert (dosage["sets"], dosage["reps"], dosage["hold_s"], dosage["hold_range_s"], dosage["sides"]) == (
        1,
        10,
        5,
        [5, 10],
        "none",
    )
    dosage_fields = {"sets", "sets_range", "reps", "reps_range", "hold_s", "hold_range_s", "rest_s", "sides"}
    assert dosage_fields | {"duration_s", "duration_range_s", "positions", "start_side", "advice"} <= set(dosage)


def test_exercises_filters_by_source_and_search(capsys: pytest.CaptureFixture[str]) -> None:
    assert [e["id"] for e in json.loads(run(capsys, "exercises", "--source", "zoo-second", "--json")[1])] == [
        "zoo-second:bird-dog"
    ]
    assert [e["id"] for e in json.loads(run(capsys, "exercises", "--search", "PÉLVIC", "--json")[1])] == [
        "zoo-good:pelvic-tilt"
    ]
    assert json.loads(run(capsys, "exercises", "--search", "plank", "--json")[1]) == []


def test_exercises_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "exercises", "--search", "tilt")
    assert code == 0
    assert out.splitlines()[0].split() == ["ID", "NAME", "CATEGORY", "POSITION", "DOSAGE"]
    row = out.splitlines()[2]
    assert row.split("  ")[0] == "zoo-good:pelvic-tilt"
    assert row.endswith("Pelvic tilt  strengthen  supine    10 reps hold 5–10s")  # the range, not its low end
    assert out.rstrip().endswith("1 exercise.")


def test_an_unknown_source_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "exercises", "--source", "nope")
    assert (code, out) == (1, "")
    assert err == "backtui: no loaded source is called 'nope' (loaded: zoo-good, zoo-second)\n"


@pytest.mark.parametrize("command", cli.COMMANDS)
def test_every_subcommand_has_help_and_version(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: backtui {command}")
    assert "--version" in out
    with pytest.raises(SystemExit) as done:
        cli.main([command, "--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"backtui {__version__}"


def test_the_top_level_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert all(command in out for command in cli.COMMANDS)
