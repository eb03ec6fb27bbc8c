"""Library filter latency: per keystroke, in the real builder screen, with 10,000 exercises.

A synthetic library of 10,000 exercises (20 sources × 500, names built from a small
vocabulary, a few movements shared across sources so "also in" has work to do), built
as the plugin loader's records.
The builder runs headless under Textual's Pilot; a query is typed one key at a time.

For each key we time from sending the key event to the first frame composed after
the exercise list received its new rows (Textual composes frames headless too; we
hook ``App._display``, which gets each composed update). The baseline, measured in the
same run, is the same Pilot typing into a bare Input with nothing listening: key to
the first frame after the Input's value changed. Both include Textual's own event and
refresh scheduling, so the difference is what filtering costs.

Run: ``uv run python bench/filter_latency.py`` (add ``--rounds N`` for more samples).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from backtui.core.library import Library
from backtui.core.model import Dosage, Exercise, Source
from backtui.core.plugins import PluginRecord
from backtui.tui.screens.builder import BuilderScreen
from backtui.tui.widgets.exercise_list import ExerciseList

QUERIES = ("knee hug", "pelvic tilt", "bird dog", "zz")  # the last matches nothing
SIZES = ((80, 24), (200, 60))
N_SOURCES = 20
PER_SOURCE = 500

WORDS_A = ("supine", "prone", "standing", "seated", "side", "kneeling", "wall", "lying", "gentle", "deep")
WORDS_B = ("knee", "hip", "pelvic", "back", "hamstring", "glute", "bird", "cat", "shoulder", "spine")
WORDS_C = ("hug", "tilt", "stretch", "bridge", "rotation", "dog", "curl", "raise", "press", "roll")
CATEGORIES = ("stretch", "strengthen", "mobility", "posture", "relaxation")
POSITIONS = ("prone", "supine", "quadruped", "standing", "side-lying", "seated")


def synthetic_library(n_sources: int = N_SOURCES, per_source: int = PER_SOURCE) -> Library:
    records = []
    for s in range(n_sources):
        source = Source(id=f"bench-{s:02d}", title=f"Synthetic source {s}", author="Bench")
        exercises = []
        for i in range(per_source):
            a, b, c = WORDS_A[i % 10], WORDS_B[(i // 10) % 10], WORDS_C[(i // 100 + s) % 10]
            name = f"{a.title()} {b} {c} {i}"
            exercises.append(
                Exercise(
                    id=f"{source.id}:ex-{i}",
                    name=name,
                    aliases=(f"{b} {c}",),
                    category=CATEGORIES[i % 5],  # type: ignore[arg-type]
                    position=POSITIONS[i % 6],  # type: ignore[arg-type]
                    movement=f"move-{i % 50}" if i < 50 else None,
                    steps=("Move slowly.",),
                    dosage=Dosage(sets=2, reps=10, hold_s=5, rest_s=30),
                )
            )
        records.append(PluginRecord(name=source.id, source=source, exercises=tuple(exercises)))
    return Library(records)


class FrameClock:
    """Records when each frame is composed (``App._display`` is called with an update)."""

    def __init__(self, app: App[Any]) -> None:
        self.frames: list[float] = []
        original: Callable[..., None] = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                self.frames.append(time.perf_counter())
            original(screen, renderable)

        app._display = display  # type: ignore[method-assign]

    def first_after(self, t: float) -> float | None:
        return next((f for f in self.frames if f >= t), None)


async def send_key(app: App[Any], char: str) -> float:
    key = "space" if char == " " else char
    sent = time.perf_counter()
    assert app._driver is not None
    app._driver.send_message(events.Key(key, char))
    return sent


async def wait_for(condition: Callable[[], bool], clock: FrameClock, after: Callable[[], float | None]) -> None:
    for _ in range(2000):
        await asyncio.sleep(0)
        t = after()
        if condition() and t is not None and clock.first_after(t) is not None:
            return
        await asyncio.sleep(0.001)
    raise TimeoutError("no frame after the update")


class Builder(App[None]):
    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def on_mount(self) -> None:
        self.push_screen(BuilderScreen(self.library))


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="search")


async def measure_builder(
    library: Library, rounds: int, size: tuple[int, int] = SIZES[-1]
) -> tuple[list[float], list[float]]:
    """(key → frame latencies, key → rows-set latencies), in milliseconds."""
    app = Builder(library)
    frame_ms: list[float] = []
    filter_ms: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        clock = FrameClock(app)
        exercise_list = app.screen.query_one(ExerciseList)
        search = app.screen.query_one("#search", Input)
        set_at: list[float] = []
        original = exercise_list.set_rows

        def set_rows(rows: Any, total: int | None = None) -> None:
            original(rows, total)
            set_at.append(time.perf_counter())

        exercise_list.set_rows = set_rows  # type: ignore[method-assign]
        for _ in range(rounds):
            for query in QUERIES:
                search.value = ""
                await pilot.pause()
                for n, char in enumerate(query, 1):
                    set_at.clear()
                    sent = await send_key(app, char)
                    await wait_for(
                        lambda n=n, q=query: search.value == q[:n] and bool(set_at),  # type: ignore[misc]
                        clock,
                        lambda: set_at[-1] if set_at else None,
                    )
                    frame = clock.first_after(set_at[-1])
                    assert frame is not None
                    frame_ms.append((frame - sent) * 1000)
                    filter_ms.append((set_at[-1] - sent) * 1000)
                    await pilot.pause()
    return frame_ms, filter_ms


async def measure_bare(rounds: int, size: tuple[int, int] = SIZES[-1]) -> list[float]:
    app = Bare()
    out: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        clock = FrameClock(app)
        search = app.query_one("#search", Input)
        changed_at: list[float] = []

        def on_changed(event: Input.Changed) -> None:
            changed_at.append(time.perf_counter())

        app.screen.on_input_changed = on_changed  # type: ignore[attr-defined]
        search.focus()
        for _ in range(rounds):
            for query in QUERIES:
                search.value = ""
                await pilot.pause()
                for n, char in enumerate(query, 1):
                    sent = await send_key(app, char)
                    await wait_for(
                        lambda n=n, q=query: search.value == q[:n],  # type: ignore[misc]
                        clock,
                        lambda sent=sent: sent,  # type: ignore[misc]
                    )
                    frame = clock.first_after(sent)
                    assert frame is not None
                    out.append((frame - sent) * 1000)
                    await pilot.pause()
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def filter_only(library: Library, rounds: int) -> list[float]:
    """The library search alone (no UI), per prefix of each query, in ms."""
    out = []
    for _ in range(rounds):
        for query in QUERIES:
            for n in range(1, len(query) + 1):
                t = time.perf_counter()
                library.search(query[:n])
                out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    t = time.perf_counter()
    library = synthetic_library()
    build_ms = (time.perf_counter() - t) * 1000
    assert len(library.exercises) == N_SOURCES * PER_SOURCE

    search = filter_only(library, args.rounds)

    def row(label: str, values: list[float]) -> str:
        return f"| {label} | {len(values)} | {statistics.median(values):.1f} | {p95(values):.1f} |"

    print(f"Library of {len(library.exercises):,} exercises built in {build_ms:.0f} ms.")
    print()
    print("| measure (ms per keystroke) | keys | median | p95 |")
    print("|---|---|---|---|")
    verdicts = []
    for size in SIZES:
        label = f"{size[0]}×{size[1]}"
        bare = asyncio.run(measure_bare(args.rounds, size))
        frames, to_rows = asyncio.run(measure_builder(library, args.rounds, size))
        print(row(f"{label} baseline: bare Input, key → frame", bare))
        print(row(f"{label} builder: key → filtered list on screen", frames))
        print(row(f"{label} builder: key → rows set (before the frame)", to_rows))
        median = statistics.median(frames)
        verdict = "meets" if median <= 16 else "misses"
        verdicts.append(
            f"{label}: builder median {median:.1f} ms = {median / statistics.median(bare):.1f}× the baseline; "
            f"{verdict} the 16 ms median target."
        )
    print(row("Library.search alone (no UI)", search))
    print()
    for line in verdicts:
        print(line)


if __name__ == "__main__":
    main()
