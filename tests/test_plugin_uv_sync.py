"""The docs' uv way of installing a plugin keeps it installed through `uv sync`.

`uv pip install -e` puts a package in the environment that the next `uv sync` takes out
again, since `uv sync` makes the environment match the lock file exactly. docs/plugins.md
says to add the plugin to the clone's dev dependencies instead (`uv add --dev --editable
PATH`), which records it in pyproject.toml and uv.lock. This test does exactly that in a
copy of the project, offline (every package comes from uv's cache), and runs the plugin's
own test the way the docs say.

Slow (a new environment, linked from uv's cache: a few seconds), so marked ``slow``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from backtui import cli

REPO = Path(__file__).resolve().parent.parent
NAME = "physio-handout"  # the docs' example name
NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "__pycache__", ".pytest_cache", "tests", "bench", "node_modules")


def missing(what: str) -> None:
    """Skip for lack of ``what``, naming it; with CI=true that is a failure instead."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI needs {what}")
    pytest.skip(f"needs {what}")


def uv(*argv: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    uv_path = shutil.which("uv")
    if uv_path is None:
        missing("uv on PATH (pip install uv)")
    assert uv_path is not None
    return subprocess.run(
        [uv_path, *map(str, argv)], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.mark.slow
def test_a_plugin_added_the_docs_way_is_still_loaded_after_uv_sync(tmp_path: Path) -> None:
    clone = tmp_path / "backtui"
    shutil.copytree(REPO, clone, ignore=NOT_COPIED)
    assert cli.main(["new-plugin", NAME, "--dir", str(tmp_path)]) == 0
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT"}}
    env |= {"UV_NO_PROGRESS": "1", "UV_OFFLINE": "1", "BACKTUI_HOME": str(tmp_path / "home")}

    # as docs/plugins.md says, in the clone
    added = uv("add", "--dev", "--editable", f"../backtui-{NAME}", cwd=clone, env=env)
    if added.returncode != 0:
        if "offline" in added.stderr.lower() or "cache" in added.stderr.lower():
            missing(f"backtui's dependencies in uv's cache to work offline (run `uv sync` once): {added.stderr}")
        pytest.fail(f"uv add failed:\n{added.stderr}")
    synced = uv("sync", cwd=clone, env=env)
    assert synced.returncode == 0, synced.stderr

    listed = subprocess.run(
        [clone / ".venv" / "bin" / "backtui", "plugins", "--json"], env=env, capture_output=True, text=True, timeout=120
    )
    assert listed.returncode == 0, listed.stderr
    record = {r["name"]: r for r in json.loads(listed.stdout)}[NAME]
    assert (record["status"], record["distribution"]) == ("ok", f"backtui-{NAME}")
    assert Path(record["location"]) == tmp_path / f"backtui-{NAME}" / "backtui_physio_handout"  # editable

    # and its test passes, run from the clone as the docs and the README say
    tested = uv("run", "pytest", "-q", "-p", "no:cacheprovider", f"../backtui-{NAME}", cwd=clone, env=env)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "1 passed" in tested.stdout
