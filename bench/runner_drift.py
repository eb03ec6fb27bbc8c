"""Runner drift over a real run: the deadline-based runner against a tick-counting countdown.

    uv run python bench/runner_drift.py              # three real 60-second runs (~3 min)
    uv run python bench/runner_drift.py --seconds 15 # a quick check

Each scenario runs the real ``RunnerScreen`` headless on ``MonotonicClock`` and, in the
same app and event loop, a naive countdown that subtracts 1/20 s on every tick of its
own 20 Hz interval (the baseline). Both pace the same phases; both see the same loop.

Scenarios: ``idle``; ``busy`` (a task blocks the event loop for 50-200 ms again and
again, as a slow repaint or a blocking call would); ``pause`` (pause 3 s in the middle).

For every phase, at the first paint that shows it:

* **drift**: the start the countdown implies (paint time minus the part of the phase
  it shows as gone) minus the true start (run start + planned offset + time paused).
  This is how wrong the number on screen is; it accumulates if the countdown drifts.
* **lag**: paint time minus true start: how late the phase change was painted
  (the tick interval plus any loop stall; it does not accumulate).

"final" is the last phase's drift, i.e. how far off the routine is at its end.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
from dataclasses import dataclass, field

from textual.app import App

from backtui.core.clock import MonotonicClock
from backtui.core.library import Library
from backtui.core.routine import Defaults, Routine, Step
from backtui.core.session import PhaseStarted, SessionEvent
from backtui.core.timeline import Phase, plan
from backtui.tui.screens.runner import RunnerScreen

#: The baseline's interval: 20 Hz, as a countdown is often first written.
TICK_S = 1 / 20


class RecordingClock(MonotonicClock):
    """The real clock, remembering its last reading (the time the session acted on)."""

    last = 0.0

    def now(self) -> float:
        self.last = time.monotonic()
        return self.last


def routine_of(seconds: int) -> Routine:
    """``seconds`` long (at least 13), with many short phases: holds, releases, a switch, a filler."""
    reps = max(1, (seconds - 10) // 10)
    steps = [
        Step(name="Hold", reps=reps, hold_s=3),  # 2 + 3r + (r - 1)
        Step(name="Sides", reps=reps, hold_s=2, sides="each", prepare_s=0),  # 2 + 4r + 2(r - 1) + 2
    ]
    filler = seconds - (10 * reps + 3) - 2
    if filler >= 1:
        steps.append(Step(name="Stand", duration_s=filler, prepare_s=0))
    return Routine(
        name="Drift",
        defaults=Defaults(prepare_s=2, transition_s=2, release_s=1, switch_s=2, rest_s=3),
        steps=steps,
    )


@dataclass
class Record:
    """First paint of each phase: index → (paint time, implied start)."""

    seen: dict[int, tuple[float, float]] = field(default_factory=dict)
    start: float = 0.0
    pause_at: float | None = None
    resume_at: float | None = None

    def true_start(self, phase: Phase) -> float:
        t = self.start + phase.start_s
        if self.pause_at is not None and self.resume_at is not None and t > self.pause_at:
            t += self.resume_at - self.pause_at
        return t


class NaiveCountdown:
    """The baseline: counts ticks. ``remaining -= interval`` on every tick; no clock."""

    def __init__(self, phases: list[Phase], record: Record) -> None:
        self.phases = phases
        self.record = record
        self.index = 0
        self.remaining = float(phases[0].duration_s)
        self.paused = False
        self.done = False

    def begin(self) -> None:
        self.record.start = time.monotonic()
        self.record.seen[0] = (self.record.start, self.record.start)

    def tick(self) -> None:
        if self.paused or self.done:
            return
        self.remaining -= TICK_S
        moved = False
        while self.remaining <= 1e-9 and not self.done:
            self.index += 1
            self.remaining = float(self.phases[self.index].duration_s)
            self.done = self.phases[self.index].kind == "done"
            moved = True
        if moved:
            now = time.monotonic()
            phase = self.phases[self.index]
            self.record.seen.setdefault(self.index, (now, now - (phase.duration_s - self.remaining)))


class BenchApp(App[None]):
    def __init__(self, routine: Routine, library: Library) -> None:
        super().__init__()
        self.clock = RecordingClock()
        self.runner_record = Record()
        self.naive_record = Record()
        self.runner = RunnerScreen(routine, library, self.clock, bell=False, flash_s=0, listener=self._event)
        self.naive = NaiveCountdown(plan(routine, library), self.naive_record)

    def _event(self, event: SessionEvent) -> None:
        # The session read the clock once at start(): that reading is its time zero.
        if isinstance(event, PhaseStarted) and event.index == 0 and not self.runner_record.start:
            self.runner_record.start = self.clock.last

    def on_mount(self) -> None:
        self.push_screen(self.runner)
        self.naive.begin()
        self.set_interval(TICK_S, self.naive.tick)


async def run(scenario: str, seconds: int) -> dict[str, dict[str, float]]:
    library = Library()
    routine = routine_of(seconds)
    app = BenchApp(routine, library)
    original_repaint = app.runner.repaint

    def repaint() -> None:
        # First paint of each phase: when, and the start its countdown implies.
        original_repaint()
        session = app.runner.session
        if not session.finished and session.index not in app.runner_record.seen:
            implied = app.clock.last - session.phase_elapsed_s
            app.runner_record.seen[session.index] = (time.monotonic(), implied)

    app.runner.repaint = repaint  # type: ignore[method-assign]
    stop = asyncio.Event()

    async def busy() -> None:
        rng = random.Random(4)
        while not stop.is_set():
            time.sleep(rng.uniform(0.05, 0.2))  # block the whole event loop
            await asyncio.sleep(rng.uniform(0.05, 0.3))

    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        total = app.runner.session.total_s
        loop_task = asyncio.create_task(busy()) if scenario == "busy" else None
        paused = False
        while not (app.runner.session.finished and app.naive.done):
            await asyncio.sleep(0.01)
            if scenario == "pause" and not paused and time.monotonic() - app.runner_record.start >= total / 2:
                paused = True
                t = time.monotonic()
                app.runner.action_toggle_pause()
                app.naive.paused = True
                app.runner_record.pause_at = app.naive_record.pause_at = t
                await asyncio.sleep(3)
                t = time.monotonic()
                app.runner.action_toggle_pause()
                app.naive.paused = False
                app.runner_record.resume_at = app.naive_record.resume_at = t
        stop.set()
        if loop_task is not None:
            await loop_task
        await pilot.pause()

    phases = list(app.runner.session.phases)
    results: dict[str, dict[str, float]] = {}
    for name, record in (("runner", app.runner_record), ("naive", app.naive_record)):
        drifts, lags = [], []
        for i, phase in enumerate(phases):
            if i not in record.seen or phase.kind == "done":
                continue
            painted, start = record.seen[i]
            truth = record.true_start(phase)
            drifts.append(start - truth)
            lags.append(painted - truth)
        results[name] = {
            "phases": len(drifts),
            "max_drift_ms": 1000 * max(abs(d) for d in drifts),
            "final_drift_ms": 1000 * drifts[-1],
            "max_lag_ms": 1000 * max(lags),
            "median_lag_ms": 1000 * statistics.median(lags),
        }
    results["_"] = {"planned_s": float(total), "phases": float(len(phases))}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the routine (default 60)")
    parser.add_argument("--scenario", choices=["idle", "busy", "pause"], action="append")
    args = parser.parse_args(argv)
    scenarios = args.scenario or ["idle", "busy", "pause"]
    print(f"{'scenario':8} {'countdown':9} {'phases':>6} {'max drift':>10} {'final':>10} {'max lag':>9} {'med lag':>8}")
    for scenario in scenarios:
        results = asyncio.run(run(scenario, args.seconds))
        meta = results.pop("_")
        for name, r in results.items():
            print(
                f"{scenario:8} {name:9} {r['phases']:6.0f} {r['max_drift_ms']:8.1f}ms {r['final_drift_ms']:8.1f}ms"
                f" {r['max_lag_ms']:7.1f}ms {r['median_lag_ms']:6.1f}ms"
            )
        print(f"{'':8} (routine of {meta['planned_s']:.0f} s planned, {meta['phases']:.0f} phases)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
