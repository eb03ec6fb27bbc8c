"""Cues from a real run of the app: every ``backtui_cue`` call in timeline order, mute, and broken cue plugins.

The app runs a short routine on a fake clock; the test moves the clock half a second
at a time and lets the runner read it. What the cue plugins heard is compared with
the cues the routine's timeline calls for (``expected_cues``).
"""

from __future__ import annotations

from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

from plugin_zoo.cues import Hangs, Recorder

from backtui.core import plugins
from backtui.core.clock import FakeClock
from backtui.core.cues import expected_cues
from backtui.core.library import Library
from backtui.core.routine_files import load_routine
from backtui.core.timeline import plan
from backtui.tui.app import BacktuiApp
from backtui.tui.screens.plugins import PluginsScreen

from .conftest import GOOD_RECORDS, make_app
from .test_app import skip_checkin

SHORT = """\
name = "Short"

[[steps]]
exercise = "calm:pelvic-tilt"
reps = 2

[[steps]]
exercise = "calm:knee-to-chest"
reps = 1
hold_s = 4
"""


def library_with(*cue_plugins: str) -> Library:
    eps = [EntryPoint(name=f"zoo-{n.lower()}", value=f"plugin_zoo.cues:{n}", group="backtui") for n in cue_plugins]
    return Library((*GOOD_RECORDS, *plugins.load(eps, env={}).records))


def short_app(tmp_path: Path, *cue_plugins: str) -> tuple[BacktuiApp, int]:
    path = tmp_path / "short.toml"
    path.write_text(SHORT, encoding="utf-8")
    library = library_with(*cue_plugins)
    app = make_app(tmp_path, library=library, start="run", path=path)
    return app, sum(p.duration_s for p in plan(load_routine(path), library))


async def run_for(app: BacktuiApp, pilot: Any, seconds: float, *, skip: tuple[str, ...] = ()) -> None:
    """Move the fake clock on half a second at a time, letting the runner and the cue plugins keep up."""
    clock = app.clock
    assert isinstance(clock, FakeClock)
    for _ in range(round(seconds * 2)):
        clock.advance(0.5)
        app.screen.tick()  # type: ignore[attr-defined]
        assert app.cues.wait_idle(skip=skip)
    await pilot.pause()


async def test_every_cue_reaches_the_plugin_in_timeline_order(tmp_path: Path) -> None:
    Recorder.reset()
    app, total = short_app(tmp_path, "Recorder")
    async with app.run_test(size=(80, 24)) as pilot:
        await skip_checkin(pilot)
        phases = plan(load_routine(tmp_path / "short.toml"), app.ensure_library())
        await run_for(app, pilot, total + 1)
        assert Recorder.calls == list(app.cues.sent) == expected_cues(phases)
        kinds = [(c.kind, c.phase) for c in Recorder.calls]
        assert kinds[:3] == [("phase", "prepare"), ("phase", "hold"), ("count", "hold")]
        assert kinds[-1] == ("end", "done") and Recorder.calls[-1].status == "complete"
        assert {c.exercise for c in Recorder.calls} == {"calm:pelvic-tilt", "calm:knee-to-chest", None}
        assert {c.side for c in Recorder.calls} >= {"left", "right"}


async def test_m_mutes_every_cue_until_pressed_again(tmp_path: Path) -> None:
    Recorder.reset()
    app, total = short_app(tmp_path, "Recorder")
    async with app.run_test(size=(80, 24)) as pilot:
        await skip_checkin(pilot)
        await run_for(app, pilot, 6)
        heard = len(Recorder.calls)
        await pilot.press("m")
        await run_for(app, pilot, 10)
        assert len(Recorder.calls) == heard == len(app.cues.sent)
        await pilot.press("m")
        await run_for(app, pilot, total)
        assert len(Recorder.calls) > heard and Recorder.calls[-1].kind == "end"


async def test_a_raising_and_a_hanging_cue_plugin_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    Recorder.reset()
    Hangs.release.clear()
    app, total = short_app(tmp_path, "Raises", "Hangs", "Recorder")
    try:
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await skip_checkin(pilot)
            app.cues.slow_s = 0.05
            phases = plan(load_routine(tmp_path / "short.toml"), app.ensure_library())
            await run_for(app, pilot, total + 1, skip=("zoo-hangs",))
            assert Recorder.calls == expected_cues(phases)  # the others heard everything, in order
            assert Recorder.calls[-1].status == "complete"
            await pilot.pause()  # the reports come to the UI thread by themselves, nothing polls for them
            messages = [n.message for n in app._notifications]
            assert any("'zoo-raises'" in m and "raised RuntimeError: the sound device is busy" in m for m in messages)
            assert any("'zoo-hangs'" in m and "has not returned" in m for m in messages)
            app.action_plugins()
            await pilot.pause()
            assert isinstance(app.screen, PluginsScreen)
            shown = " ".join(str(card.render()) for card in app.screen.query(".plugin-card"))
            assert "cue error: backtui_cue() raised RuntimeError: the sound device is busy" in shown
            assert "zoo-recorder  cues" in shown
    finally:
        Hangs.release.set()


async def test_mute_is_remembered_for_the_next_run(tmp_path: Path) -> None:
    from backtui.core.settings import load_settings

    Recorder.reset()
    app, total = short_app(tmp_path, "Recorder")
    async with app.run_test(size=(80, 24)) as pilot:
        await skip_checkin(pilot)
        await pilot.press("m")
        await run_for(app, pilot, total + 1)
        assert [c.phase for c in Recorder.calls] == ["prepare"]  # heard before m was pressed
        await pilot.press("enter")  # leave the summary
        await pilot.pause()
        await pilot.press("escape")  # skip the check-in afterwards
        await pilot.pause()
    assert load_settings()[0].mute is True
    Recorder.reset()
    app, total = short_app(tmp_path, "Recorder")
    async with app.run_test(size=(80, 24)) as pilot:
        await skip_checkin(pilot)
        await run_for(app, pilot, 3)
        assert Recorder.calls == []
