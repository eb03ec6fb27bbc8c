"""A factory for the app under test: fixed library, fixed routines, frozen clock, no blinking cursor.

The library is built from model objects (no plugin is loaded); routines are written
to temp folders the app reads through ``BACKTUI_BUNDLED_ROUTINES`` and ``BACKTUI_HOME``;
the working folder is the temp dir so every path the app shows is short and the same
on every run.
"""

from __future__ import annotations

import asyncio
import inspect
import os
from pathlib import Path

import pytest

from backtui.core.clock import FakeClock
from backtui.core.library import Library
from backtui.core.model import Avoid, Dosage, Exercise, Source
from backtui.core.plugins import PluginRecord
from backtui.tui.app import BacktuiApp

CALM = Source(
    id="calm",
    title="Calm Back Exercises",
    author="A. Writer",
    safety_notes=("Stop any exercise that makes the pain worse.", "Move slowly; never bounce."),
)
STEADY = Source(
    id="steady",
    title="Steady Core Guide",
    safety_notes=("See a professional if pain lasts more than a few weeks.",),
)

CALM_EXERCISES = (
    Exercise(
        id="calm:pelvic-tilt",
        name="Pelvic tilt",
        category="strengthen",
        position="supine",
        movement="pelvic-tilt",
        steps=("Lie on your back.", "Flatten your back against the floor.", "Relax."),
        dosage=Dosage(reps=10, hold_s=5),
    ),
    Exercise(
        id="calm:knee-to-chest",
        name="Knee to chest",
        category="stretch",
        position="supine",
        steps=("Pull one knee to your chest.", "Hold, then lower it."),
        dosage=Dosage(reps=3, hold_s=20, sides="each"),
    ),
    Exercise(
        id="calm:prone-lying",
        name="Prone lying",
        category="relaxation",
        position="prone",
        steps=("Lie on your stomach and relax.",),
        dosage=Dosage(duration_s=120),
    ),
)
STEADY_EXERCISES = (
    Exercise(
        id="steady:bird-dog",
        name="Bird dog",
        category="strengthen",
        position="quadruped",
        steps=("Reach one arm and the opposite leg out.", "Return."),
        dosage=Dosage(sets=2, reps=10, rest_s=60, sides="alternate"),
    ),
    Exercise(
        id="steady:pelvic-tilt",
        name="Pelvic tilts",
        category="strengthen",
        position="supine",
        movement="pelvic-tilt",
        steps=("Tighten your stomach.", "Tilt your pelvis."),
        dosage=Dosage(sets=2, reps=10, rest_s=30),
    ),
)
SIT_UPS = Avoid(
    id="steady:sit-ups",
    name="Sit-ups",
    aliases=("Full sit-ups",),
    reason="They put a lot of pressure on the discs of the spine.",
)

GOOD_RECORDS = (
    PluginRecord(
        name="calm",
        distribution="backtui-calm",
        version="1.2.0",
        location="/opt/plugins/backtui_calm",
        source=CALM,
        exercises=CALM_EXERCISES,
    ),
    PluginRecord(
        name="steady",
        distribution="backtui-steady",
        version="0.4.1",
        location="/opt/plugins/backtui_steady",
        source=STEADY,
        exercises=STEADY_EXERCISES,
        avoid=(SIT_UPS,),
    ),
)
FAILING_RECORD = PluginRecord(
    name="wobbly",
    distribution="backtui-wobbly",
    version="0.1.0",
    location="/opt/plugins/backtui_wobbly",
    error="backtui_exercises() raised ValueError: [bold]no such table[/bold] (wobbly.py:12)",
)

GENTLE = """\
name = "Gentle morning"
description = "Five easy minutes to wake the back up."

[[steps]]
exercise = "calm:pelvic-tilt"

[[steps]]
exercise = "calm:knee-to-chest"

[[steps]]
exercise = "steady:bird-dog"
"""
CORE = """\
name = "Core basics"

[[steps]]
exercise = "steady:pelvic-tilt"

[[steps]]
exercise = "calm:prone-lying"
"""
EVENING = """\
name = "My evening"

[[steps]]
exercise = "calm:prone-lying"

[[steps]]
name = "Sit-ups"
reps = 5

[[steps]]
exercise = "gone:hamstring-stretch"
"""
BROKEN = """\
name = "Broken"

[[steps]]
exercise = "calm:pelvic-tilt"
reps = -2
"""

BUNDLED = {"gentle-morning.toml": GENTLE, "core-basics.toml": CORE}
MINE = {"my-evening.toml": EVENING}


def make_library(*, failing: bool = False, empty: bool = False) -> Library:
    records = () if empty else GOOD_RECORDS
    return Library((*records, FAILING_RECORD) if failing else records)


def make_app(
    tmp_path: Path,
    *,
    bundled: dict[str, str] | None = None,
    mine: dict[str, str] | None = None,
    failing: bool = False,
    empty_library: bool = False,
    library: Library | None = None,
    **kwargs: object,
) -> BacktuiApp:
    """A ``BacktuiApp`` over fixed data in ``tmp_path``; ``bundled``/``mine`` map file names to TOML."""
    home = tmp_path / "home"
    bundled_dir = tmp_path / "bundled"
    for folder, files in ((bundled_dir, BUNDLED if bundled is None else bundled), (home / "routines", mine or {})):
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    # The shared autouse fixture restores these variables after each test.
    os.environ["BACKTUI_HOME"] = str(home)
    os.environ["BACKTUI_BUNDLED_ROUTINES"] = str(bundled_dir)
    os.chdir(tmp_path)
    return BacktuiApp(
        library=library or make_library(failing=failing, empty=empty_library),
        clock=FakeClock(),
        cursor_blink=False,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture(autouse=True)
def _restore_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    """``make_app`` moves into the temp dir; put the working folder back afterwards."""
    monkeypatch.chdir(Path.cwd())


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests (Pilot journeys) in a fresh event loop; no async plugin needed."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True
