"""Shared fixtures: every test gets its own BACKTUI_HOME and a clean plugin environment."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def backtui_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point BACKTUI_HOME at a fresh temp dir so no test touches the real home directory."""
    home = tmp_path_factory.mktemp("backtui-home")
    monkeypatch.setenv("BACKTUI_HOME", str(home))
    for name in (
        "BACKTUI_LOAD_PLUGINS",
        "BACKTUI_DISABLE_PLUGINS",
        "BACKTUI_STRICT_PLUGINS",
        "BACKTUI_DEBUG",
        "BACKTUI_BUNDLED_ROUTINES",
    ):
        monkeypatch.delenv(name, raising=False)
    return home
