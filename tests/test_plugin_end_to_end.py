"""From nothing to an installed plugin, in a fresh virtual environment, as a plugin author does it.

Slow (it builds a venv and installs into it from uv's cache or the package index),
so it is marked ``slow``; it still runs with the rest of the suite.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from backtui import cli

REPO = Path(__file__).resolve().parent.parent
NAME = "e2e-source"  # python style, installed editable
DATA = "e2e-data"  # data style, built into a wheel and installed as one


def sh(*argv: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    done = subprocess.run([str(a) for a in argv], capture_output=True, text=True, env=env, cwd=cwd, timeout=180)
    assert done.returncode == 0, f"{' '.join(map(str, argv))} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_a_scaffolded_plugin_installs_beside_backtui_and_its_exercise_runs_in_a_routine(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    assert uv is not None, "this test needs uv on PATH (pip install uv)"
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT"}}
    env |= {"UV_NO_PROGRESS": "1", "BACKTUI_HOME": str(tmp_path / "home"), "BACKTUI_LOAD_PLUGINS": f"{NAME},{DATA}"}

    # 1. scaffold both styles
    assert cli.main(["new-plugin", NAME, "--dir", str(tmp_path)]) == 0
    assert cli.main(["new-plugin", DATA, "--dir", str(tmp_path), "--style", "data"]) == 0
    plugin = tmp_path / f"backtui-{NAME}"

    # 2. a fresh venv with backtui and the plugin, both editable from local paths
    venv = tmp_path / "venv"
    sh(uv, "venv", "--quiet", "--python", sys.executable, venv, env=env)
    python = venv / "bin" / "python"
    sh(uv, "pip", "install", "--quiet", "--python", python, "-e", REPO, "-e", f"{plugin}[test]", env=env)
    sh(uv, "pip", "install", "--quiet", "--python", python, tmp_path / f"backtui-{DATA}", env=env)
    backtui = venv / "bin" / "backtui"

    # 3. their exercises are in the library, their avoid items in the plugin list
    exercises = json.loads(sh(backtui, "exercises", "--json", env=env))
    assert [(e["id"], e["name"], e["source"], e["dosage"]["reps"]) for e in exercises] == [
        (f"{DATA}:example-stretch", "Example stretch", DATA, 10),
        (f"{NAME}:example-stretch", "Example stretch", NAME, 10),
    ]
    data_record, record = json.loads(sh(backtui, "plugins", "--json", env=env))
    assert (record["source"], record["status"], record["error"]) == (NAME, "ok", None)
    assert record["avoid"] == ["Example movement to avoid"]
    assert (record["distribution"], record["version"]) == (f"backtui-{NAME}", "0.1.0")
    assert Path(record["location"]) == plugin / "backtui_e2e_source"
    # the wheel carried source.toml: the data plugin loads from site-packages
    assert (data_record["source"], data_record["status"], data_record["error"]) == (DATA, "ok", None)
    assert data_record["avoid"] == ["Example movement to avoid"]
    assert "site-packages" in data_record["location"]

    # 4. the test the scaffold ships passes out of the box, with the kit found as a pytest plugin
    out = sh(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=plugin, env=env)
    assert "1 passed" in out

    # 5. a routine that uses the exercise validates and plans
    routine = tmp_path / "uses-plugin.toml"
    routine.write_text(
        f'schema = 1\nname = "Uses the new source"\n\n[[steps]]\nexercise = "{NAME}:example-stretch"\nsets = 2\n',
        encoding="utf-8",
    )
    sh(backtui, "validate", routine, env=env)
    plan = json.loads(sh(backtui, "plan", routine, "--json", env=env))
    assert plan["total_s"] > 0
    worked = [p for p in plan["phases"] if p["kind"] in {"work", "hold"}]
    assert len(worked) == 2 * 10  # two sets of the exercise's ten reps, each held
    assert {p["exercise"] for p in worked} <= {f"{NAME}:example-stretch", "Example stretch"}
