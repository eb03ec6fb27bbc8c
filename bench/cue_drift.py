"""Cue plugins and the countdown: does a slow or failing cue plugin cost the timer anything?

    uv run python bench/cue_drift.py               # two real 30-second runs
    uv run python bench/cue_drift.py --seconds 60

The real ``RunnerScreen`` runs headless on ``MonotonicClock`` twice, through the same
routine of short holds (each with its count-in):

* ``quiet``: one cue plugin, which only notes when each cue reaches it (the baseline);
* ``troubled``: the same plugin, plus one that sleeps 2 s on every cue, one that
  raises on its first cue, and the bundled speech plugin writing WAV files when
  espeak-ng is installed.

Measured from the session's own events (``listener``) and the noting plugin:

* **drift**: at each phase start the session reports, the start its countdown implies
  minus the true start (run start + planned offset). "final" is at the last phase.
* **phase lag**: how late the session saw each phase start (tick spacing + stalls).
* **cue lag**: how late each cue reached the noting plugin after its planned moment.

The troubled run should match the quiet one: the ratios printed are troubled / quiet.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import threading
import time
from importlib.metadata import EntryPoint

from textual.app import App

from backtui.core import plugins
from backtui.core.clock import MonotonicClock
from backtui.core.cues import Cue, CueDispatcher, CueFollower
from backtui.core.library import Library
from backtui.core.plugins import PluginRecord
from backtui.core.routine import Defaults, Routine, Step
from backtui.core.session import PhaseStarted, SessionEvent
from backtui.tui.screens.runner import RunnerScreen


class RecordingClock(MonotonicClock):
    last = 0.0

    def now(self) -> float:
        self.last = time.monotonic()
        return self.last


def routine_of(seconds: int) -> Routine:
    reps = max(1, (seconds - 2) // 6)  # prepare 2 s, then a 5 s hold and a 1 s relax per rep
    return Routine(
        name="Cues",
        defaults=Defaults(prepare_s=2, release_s=1),
        steps=[Step(name="Hold", reps=reps, hold_s=5)],
    )


def troubled_records() -> list[PluginRecord]:
    def sleeps(cue: Cue, settings: object) -> None:
        time.sleep(2)

    def raises(cue: Cue, settings: object) -> None:
        raise RuntimeError("the sound device is busy")

    records = [PluginRecord(name="sleeps", cue_hook=sleeps), PluginRecord(name="raises", cue_hook=raises)]
    if shutil.which("espeak-ng"):
        entry = EntryPoint(name="speech", value="backtui_speech", group="backtui")
        records += [r for r in plugins.load([entry], env={}).records if r.gives_cues]
    return records


class BenchApp(App[None]):
    def __init__(self, routine: Routine, dispatcher: CueDispatcher) -> None:
        super().__init__()
        self.clock = RecordingClock()
        self.start = 0.0
        self.phases: list[tuple[float, float, float]] = []  # (true start, implied start, seen at)
        self.runner = RunnerScreen(
            routine,
            Library(),
            self.clock,
            bell=False,
            flash_s=0,
            listener=self._event,
            cues=CueFollower(dispatcher.send),
        )

    def _event(self, event: SessionEvent) -> None:
        if not isinstance(event, PhaseStarted) or event.phase.kind == "done":
            return
        if event.index == 0:
            self.start = self.clock.last
        session = self.runner.session
        implied = (
            self.clock.last - (event.phase.duration_s - session.remaining_s) if session.index == event.index else 0
        )
        self.phases.append((self.start + event.phase.start_s, implied, time.monotonic()))

    def on_mount(self) -> None:
        self.push_screen(self.runner)


async def run(troubled: bool, seconds: int) -> dict[str, float]:
    heard: list[tuple[Cue, float]] = []
    lock = threading.Lock()

    def notes(cue: Cue, settings: object) -> None:
        with lock:
            heard.append((cue, time.monotonic()))

    records = [PluginRecord(name="notes", cue_hook=notes)]
    if troubled:
        records += troubled_records()
    dispatcher = CueDispatcher(records)
    app = BenchApp(routine_of(seconds), dispatcher)
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        while not app.runner.session.finished:
            await asyncio.sleep(0.05)
        await pilot.pause()
    dispatcher.wait_idle(5, skip=["sleeps", "speech"])
    dispatcher.take_problems()  # notes the stalled plugin
    dispatcher.close()
    drifts = [implied - true for true, implied, _ in app.phases if implied]
    phase_lags = [seen - true for true, _, seen in app.phases]
    cue_lags = [at - (app.start + cue.at_s) for cue, at in heard]
    return {
        "cues": len(heard),
        "max_drift_ms": 1000 * max(abs(d) for d in drifts),
        "final_drift_ms": 1000 * drifts[-1],
        "max_phase_lag_ms": 1000 * max(phase_lags),
        "median_cue_lag_ms": 1000 * statistics.median(cue_lags),
        "max_cue_lag_ms": 1000 * max(cue_lags),
        "problems": len(dispatcher.problems),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30, help="length of the routine (default 30)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as wavs:
        os.environ["BACKTUI_SPEECH_WAV_DIR"] = wavs  # the speech plugin writes files instead of speaking
        quiet = asyncio.run(run(False, args.seconds))
        troubled = asyncio.run(run(True, args.seconds))
    keys = ["cues", "max_drift_ms", "final_drift_ms", "max_phase_lag_ms", "median_cue_lag_ms", "max_cue_lag_ms"]
    print(f"{'run':9} " + " ".join(f"{k:>17}" for k in keys) + f" {'problems':>8}")
    for name, r in (("quiet", quiet), ("troubled", troubled)):
        print(f"{name:9} " + " ".join(f"{r[k]:17.1f}" for k in keys) + f" {r['problems']:8.0f}")
    ratios = [f"{troubled[k] / quiet[k]:17.2f}" if quiet[k] else f"{'-':>17}" for k in keys[1:]]
    print(f"{'ratio':9} {'':>17} " + " ".join(ratios))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
