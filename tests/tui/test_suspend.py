"""Ctrl+Z hands the terminal back to the shell: under `uv run` the whole job must stop."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from .conftest import make_app


async def test_ctrl_z_stops_the_whole_job_when_it_owns_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`uv run backtui` is a job of two processes; stopping only Python left the shell waiting."""
    stopped: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "tcgetpgrp", lambda fd: os.getpgrp())
    monkeypatch.setattr(os, "killpg", lambda group, sig: stopped.append((group, sig)))
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        driver: Any = app._driver
        monkeypatch.setattr(type(driver), "can_suspend", property(lambda self: True))
        suspended: list[str] = []
        monkeypatch.setattr(driver, "suspend_application_mode", lambda: suspended.append("terminal restored"))
        monkeypatch.setattr(driver, "resume_application_mode", lambda: suspended.append("terminal taken back"))
        await pilot.press("ctrl+z")
        await pilot.pause()
    # The terminal is restored before the stop (so the app never writes from the background),
    # and the stop is for the whole process group, not this process alone.
    assert stopped == [(os.getpgrp(), signal.SIGSTOP)]
    assert suspended == ["terminal restored", "terminal taken back"]
