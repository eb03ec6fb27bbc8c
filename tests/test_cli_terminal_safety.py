"""No command prints a control character it got from outside: routine files, plugins, history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backtui.cli import main
from backtui.core import paths
from backtui.core.history import History
from backtui.core.library import Library
from backtui.core.model import Avoid, Dosage, Exercise, Source
from backtui.core.plugins import LoadResult, PluginRecord

# OSC 52 (set the clipboard), CSI 2J (clear the screen), OSC 0 (retitle), a C1 CSI.
HOSTILE = "\x1b]52;c;aGVsbG8=\x07\x1b[2J\x1b]0;owned\x07\x9b2J"
RAW = ("\x1b", "\x07", "\x9b")


def _hostile_record() -> PluginRecord:
    return PluginRecord(
        name=f"evil{HOSTILE}",
        distribution=f"evil-dist{HOSTILE}",
        version="1",
        location=f"/site{HOSTILE}",
        value=f"evil{HOSTILE}",
        source=Source(id="evil", title=f"Evil {HOSTILE}"),
        exercises=(
            Exercise(
                id="evil:bad",
                name=f"Bad {HOSTILE}",
                category="strengthen",
                position="supine",
                steps=(f"Step {HOSTILE}",),
                dosage=Dosage(reps=2),
            ),
        ),
        avoid=(Avoid(id="evil:x", name=f"X {HOSTILE}", reason=f"Because {HOSTILE}"),),
    )


def _failed_record() -> PluginRecord:
    return PluginRecord(name=f"broken{HOSTILE}", error=f"it raised {HOSTILE}")


@pytest.fixture
def hostile_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    records = [_hostile_record(), _failed_record()]
    monkeypatch.setattr("backtui.core.plugins.load", lambda *a, **k: LoadResult(records=list(records)))
    monkeypatch.setattr("backtui.core.library.load_library", lambda **_: Library(records))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    for raw in RAW:
        assert raw not in out + err, (argv, out + err)
    return code, out + err


@pytest.mark.parametrize(
    "argv",
    [["exercises"], ["exercises", "--json"], ["plugins"], ["plugins", "--json"], ["exercises", "--source", HOSTILE]],
    ids=["exercises", "exercises-json", "plugins", "plugins-json", "exercises-unknown-source"],
)
def test_plugin_text_is_escaped(argv: list[str], hostile_plugins: None, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(capsys, *argv)
    if "json" not in "".join(argv) and "--source" not in argv:
        assert "\\x1b]52;c;aGVsbG8=\\x07" in out


def test_json_keeps_the_exact_text(hostile_plugins: None, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(capsys, "exercises", "--json")
    assert json.loads(out)[0]["name"] == f"Bad {HOSTILE}"


def test_plan_escapes_the_routine_and_step_names(
    hostile_plugins: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.toml"
    name = json.dumps(HOSTILE)
    path.write_text(f"name = {name}\n[[steps]]\nname = {name}\nreps = 1\n[[steps]]\nexercise = 'evil:bad'\n")
    for argv in (["plan", str(path)], ["plan", "--json", str(path)], ["validate", str(path)]):
        code, out = _run(capsys, *argv)
        assert code == 0, out


def test_history_escapes_routine_names_and_notes(capsys: pytest.CaptureFixture[str]) -> None:
    store = History(paths.history_db_path())
    sid = store.start_session(f"Morning {HOSTILE}", "/r.toml", [{"name": HOSTILE}])
    store.record_step(sid, 0, f"Step {HOSTILE}", None, "completed")
    store.close()
    code, out = _run(capsys, "history")
    assert code == 0
    assert "Morning \\x1b]52;c;aGVsbG8=\\x07" in out
    _run(capsys, "history", "--json")
