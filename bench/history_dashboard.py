"""Does a long history slow the dashboard down? Five years of daily sessions against an empty history.

Measures, in the same run and alternating so drift hits both alike:

* ``panel data``: ``build_progress`` (every query the history panel makes);
* ``first frame``: from start to the first frame painted of the backtui app's
  dashboard (``--target dashboard``, the default when ``backtui.tui.app`` has the
  history wired in) or of a bare app holding only the ``HistoryPanel``
  (``--target panel``). ``BACKTUI_HOME`` points at a folder holding only the history.

The five-year history has a session every day (with two on Sundays), eight steps
each and before/after check-ins, written in one transaction. Target: the full
history within 10% of the empty one for the first frame.

    uv run python bench/history_dashboard.py [--rounds 21] [--target auto|dashboard|panel]
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from textual.app import App, ComposeResult

from backtui.core.history import History
from backtui.core.model import Frequency, Source
from backtui.core.progress import build_progress
from backtui.tui.widgets.history_panel import HistoryPanel

TODAY = date.today()  # the dashboard reads the real date, so the history ends today
YEARS = 5
STEPS = 8
SOURCES = (
    Source(id="health-inspiration", title="Health Inspiration", frequency=(Frequency(text="4/week", days_per_week=4),)),
    Source(id="verywell", title="Verywell", frequency=(Frequency(text="3-4/day", sessions_per_day=(3, 4)),)),
)


def fill(path: Path, years: int = YEARS) -> int:
    """Write ``years`` of daily sessions in one transaction; returns how many."""
    History(path).close()  # create the schema
    rng = random.Random(7)
    tz = timezone(timedelta(hours=1))
    snapshot = json.dumps([{"exercise": f"verywell:step-{i}", "reps": 10} for i in range(STEPS)])
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    first = TODAY - timedelta(days=365 * years)
    sid = 0
    day = first
    while day <= TODAY:
        for hour in (8, 18) if day.weekday() == 6 else (8,):
            sid += 1
            start = datetime(day.year, day.month, day.day, hour, tzinfo=tz)
            end = start + timedelta(minutes=20)
            conn.execute(
                "INSERT INTO sessions (id, routine_name, routine_path, steps_json, started_at, day, ended_at, status, "
                "planned_s, elapsed_s, owner, updated_at) VALUES (?, 'Morning', '/r/morning.toml', ?, ?, ?, ?, "
                "'complete', 1200, 1190, 'bench:1', ?)",
                (sid, snapshot, start.isoformat(), day.isoformat(), end.isoformat(), end.isoformat()),
            )
            conn.executemany(
                "INSERT INTO session_steps VALUES (?, ?, ?, ?, 'completed', ?)",
                [
                    (sid, i, f"Step {i}", f"verywell:step-{i}", (start + timedelta(minutes=2 * i)).isoformat())
                    for i in range(STEPS)
                ],
            )
            before = rng.randint(2, 6)
            conn.executemany(
                "INSERT INTO checkins VALUES (?, ?, ?, '[\"lower back\"]', '', ?)",
                [
                    (sid, "before", before, start.isoformat()),
                    (sid, "after", max(0, before - rng.randint(0, 2)), end.isoformat()),
                ],
            )
        day += timedelta(days=1)
    conn.execute("COMMIT")
    conn.close()
    return sid


class PanelApp(App[None]):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.history = History(path)

    def compose(self) -> ComposeResult:
        yield HistoryPanel(self.history, sources=SOURCES, today=lambda: TODAY)

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


Timing = tuple[float, float]  # (wall seconds, CPU seconds of this process)


def _now() -> Timing:
    return time.perf_counter(), time.process_time()


def _since(start: Timing, end: Timing | None = None) -> Timing:
    end = end or _now()
    return end[0] - start[0], end[1] - start[1]


def time_data(path: Path) -> Timing:
    h = History(path)
    start = _now()
    build_progress(h, TODAY, SOURCES)
    elapsed = _since(start)
    h.close()
    return elapsed


def time_frame(path: Path) -> Timing:
    start = _now()
    app = PanelApp(path)
    app.run(headless=True, size=(100, 30))
    elapsed = _since(start)
    app.history.close()
    return elapsed


def dashboard_wired() -> bool:
    """Whether the app's dashboard shows the history panel (after the history is wired in)."""
    spec = importlib.util.find_spec("backtui.tui.screens.dashboard")
    source = Path(spec.origin).read_text(encoding="utf-8") if spec and spec.origin else ""
    return "HistoryPanel" in source


def time_dashboard(path: Path) -> Timing:
    """The real app's first dashboard frame with its history panel filled, ``path`` being the history."""
    BacktuiApp = importlib.import_module("backtui.tui.app").BacktuiApp  # not present before the app is merged
    painted: list[Timing] = []

    class FirstFrame(BacktuiApp):  # type: ignore[misc,valid-type]
        # CSS_PATH is relative to the module defining the class: point it back at the app's (one path or a list)
        _css = BacktuiApp.CSS_PATH if isinstance(BacktuiApp.CSS_PATH, list) else [BacktuiApp.CSS_PATH]
        CSS_PATH = [str(Path(inspect.getfile(BacktuiApp)).parent / str(p)) for p in _css]

        def on_mount(self) -> None:
            super().on_mount()
            self.call_after_refresh(self._check)

        def load_library_in_background(self) -> None:
            pass  # the plugin thread starts after the first frame; its CPU time would count here

        def _check(self) -> None:
            panels = self.screen.query(HistoryPanel)
            if panels and panels.first().progress is not None:
                painted.append(_now())  # the refresh after the panel filled in
                self.call_after_refresh(self.exit)
            else:
                self.call_after_refresh(self._check)

    os.environ["BACKTUI_HOME"] = str(path.parent)
    os.environ["BACKTUI_LOAD_PLUGINS"] = ""  # plugin loading runs after the first frame; keep it out
    start = _now()
    FirstFrame(cursor_blink=False).run(headless=True, size=(120, 45))
    return _since(start, painted[0])


def _report(label: str, results: dict[str, list[Timing]]) -> float:
    """Print wall and CPU medians for both histories; return the CPU-time ratio."""
    line = f"{label:12}"
    ratios = []
    for n, kind in enumerate(("wall", "cpu")):
        e = statistics.median(t[n] for t in results["empty"])
        f = statistics.median(t[n] for t in results["full"])
        ratios.append(f / e)
        line += f"  {kind}: empty {e * 1000:7.2f} ms, 5 years {f * 1000:7.2f} ms, ratio {f / e:.3f}"
    print(line)
    return ratios[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--target", choices=["auto", "dashboard", "panel"], default="auto")
    args = parser.parse_args(argv)
    target = args.target
    if target == "auto":
        target = "dashboard" if dashboard_wired() else "panel"
    frame_of = time_dashboard if target == "dashboard" else time_frame
    print(f"first frame of: {'the backtui dashboard' if target == 'dashboard' else 'an app holding the HistoryPanel'}")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "empty").mkdir()
        (Path(tmp) / "full").mkdir()
        empty, full = Path(tmp) / "empty" / "history.sqlite3", Path(tmp) / "full" / "history.sqlite3"
        History(empty).close()
        t0 = time.perf_counter()
        sessions = fill(full)
        fill_s = time.perf_counter() - t0
        size_mb = full.stat().st_size / 1e6
        print(
            f"history: {sessions} sessions over {YEARS} years, {sessions * STEPS} steps, "
            f"{sessions * 2} check-ins; written in {fill_s:.2f}s ({size_mb:.1f} MB)"
        )
        frame_of(empty)  # warm imports and Textual's first-run costs
        data: dict[str, list[Timing]] = {"empty": [], "full": []}
        frame: dict[str, list[Timing]] = {"empty": [], "full": []}
        for _ in range(args.rounds):
            for name, path in (("empty", empty), ("full", full)):
                data[name].append(time_data(path))
                frame[name].append(frame_of(path))
        print(f"medians of {args.rounds} alternating rounds (CPU time is this process's, so other load counts less):")
        _report("panel data", data)
        ratio = _report("first frame", frame)
        verdict = "within" if ratio <= 1.10 else "OUTSIDE"
        print(f"first frame with 5 years of history: CPU time {verdict} 10% of the empty history's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
