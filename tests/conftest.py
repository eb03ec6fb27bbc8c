"""Shared fixtures: every test gets its own BACKTUI_HOME and a clean plugin environment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# One Hypothesis profile for the suite, suited to a busy shared 2-core machine: no
# per-example deadline and no too-slow health check, since a slow machine is not a
# failing test. Tests keep their own max_examples; HYPOTHESIS_PROFILE picks another profile.
settings.register_profile("backtui", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "backtui"))

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
