"""Time to the dashboard's first frame, against a minimal Textual app, in the same run.

Each sample is a fresh ``python`` process (imports and all) that runs its app
headless at 80×24; right after the first frame is drawn it prints the wall-clock
time and exits. A sample is that time minus the moment the parent started the
process (so interpreter start-up counts; waiting at exit for the background
plugin-loading thread, which the user never sees, does not). The kinds of sample
alternate so a busy machine slows all alike. Printed: medians and the ratio
backtui / minimal (target ≤ 1.2).

Both apps stop the clock the same way: a ``call_after_refresh`` queued in
``on_mount``, which runs once the first frame is drawn and the screen has
settled. For the dashboard it is queued before the dashboard's own ``on_mount``
runs, because that queues the work meant for after the first frame (opening the
history and filling its panel, starting the plugin thread) and a callback queued
behind it would wait for that work too.

The dashboard lists the routines from the summary it saved on the previous
start when no routine file has changed (``backtui.core.routine_index``); the
"no routine summary" row deletes it before each sample, as on a first start or
after a routine was edited, so the files are parsed for the first frame.

Two more figures show what that deferred work costs: "first frame + after-frame
work" stops the clock behind it (the clock the first figure used before the
history was deferred), and "complete" waits until the plugins have loaded in the
background, the totals are filled in and the history panel is filled: the price
of deferring is paid after the first frame, not avoided.

With ``--instructions`` it also runs the minimal app and the first frame (both
clocks) once each under ``valgrind --tool=callgrind`` and prints the instructions
each process executed up to its first frame (it exits right there): unlike wall
time, that count hardly moves with other work on the machine, so it shows the
effect of a change on a busy machine. It needs ``valgrind`` and takes a minute.

    uv run python bench/first_frame.py [--runs 21] [--instructions]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL = """
import os
import time
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("Hello")

    def on_mount(self):
        self.call_after_refresh(self.done)

    def done(self):
        print(time.time(), flush=True)
        if os.environ.get("BENCH_EXIT_AT_FRAME"):
            os._exit(0)
        self.exit()

Minimal().run(headless=True, size=(80, 24))
"""

BACKTUI = """
import os
import sys
import time
from backtui.tui.app import BacktuiApp
from backtui.tui.screens import dashboard

kind = sys.argv[1]
first_mount = dashboard.DashboardScreen.on_mount
library_changed = dashboard.DashboardScreen.library_changed

def done(app):
    print(time.time(), flush=True)
    if os.environ.get("BENCH_EXIT_AT_FRAME"):
        os._exit(0)
    app.exit()

def on_mount(self):
    if kind == "first":
        self.call_after_refresh(done, self.app)  # ahead of the work the dashboard defers
    first_mount(self)
    if kind == "first+after":
        self.call_after_refresh(done, self.app)  # behind it

def when_filled(self):
    panel = self.history_panel()  # put in after the first frame; it shows the history once composed
    if panel is None or panel.progress is None and panel.history is not None:
        self.call_after_refresh(when_filled, self)
    else:
        self.call_after_refresh(done, self.app)

def on_library(self):
    library_changed(self)
    if kind == "complete":
        when_filled(self)

dashboard.DashboardScreen.on_mount = on_mount
dashboard.DashboardScreen.library_changed = on_library
BacktuiApp().run(headless=True, size=(80, 24))
"""

COMPLETE = "backtui dashboard, complete"
FIRST_START = "  no routine summary (first start)"

ROUTINE = """\
name = "{name}"

[[steps]]
exercise = "verywell:pelvic-tilt"

[[steps]]
exercise = "merative:cat-and-camel"

[[steps]]
exercise = "twelve-best:bird-dog"
sets = 2
"""


def sample(code: str, *args: str, env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, capture_output=True, text=True)
    return float(out.stdout.split()[-1]) - start


def instructions(code: str, *args: str, env: dict[str, str]) -> int:
    """Instructions the process executes up to its first frame, counted by callgrind."""
    env = {**env, "BENCH_EXIT_AT_FRAME": "1", "PYTHONHASHSEED": "0"}
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", code, *args]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21, help="samples of each kind (default 21)")
    parser.add_argument("--instructions", action="store_true", help="also count instructions under valgrind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bundled = Path(tmp, "bundled")
        user = Path(tmp, "home", "routines")
        for folder, names in ((bundled, ("Gentle morning", "Core basics")), (user, ("My evening",))):
            folder.mkdir(parents=True)
            for name in names:
                (folder / f"{name.lower().replace(' ', '-')}.toml").write_text(ROUTINE.format(name=name))
        env = {**os.environ, "BACKTUI_HOME": str(Path(tmp, "home")), "BACKTUI_BUNDLED_ROUTINES": str(bundled)}
        # Time running code, not compiling it: let the warm-up run write bytecode as an install would.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("BACKTUI_LOAD_PLUGINS", None)
        env.pop("BACKTUI_DISABLE_PLUGINS", None)
        kinds = {
            "minimal Textual app": (MINIMAL,),
            "backtui dashboard, first frame": (BACKTUI, "first"),
            FIRST_START: (BACKTUI, "first"),
            "  + after-frame work": (BACKTUI, "first+after"),
            COMPLETE: (BACKTUI, "complete"),
        }
        summary = Path(tmp, "home", "cache", "routines.marshal")
        times: dict[str, list[float]] = {k: [] for k in kinds}
        for code, *rest in kinds.values():  # warm the OS file cache once (and save the routines' summary)
            sample(code, *rest, env=env)
        for _ in range(args.runs):
            for kind, (code, *rest) in kinds.items():
                if kind == FIRST_START:
                    summary.unlink()  # as on the very first start, or after the routines changed
                times[kind].append(sample(code, *rest, env=env))
        counts = {}
        if args.instructions:
            for kind, (code, *rest) in kinds.items():
                if kind != COMPLETE:
                    if kind == FIRST_START:
                        summary.unlink()
                    counts[kind] = instructions(code, *rest, env=env)
    medians = {k: statistics.median(v) for k, v in times.items()}
    base = medians["minimal Textual app"]
    print(f"{'':34} {'median':>8} {'min':>8} {'ratio':>6}   ({args.runs} runs each)")
    for kind, values in times.items():
        print(f"{kind:34} {medians[kind] * 1000:6.0f}ms {min(values) * 1000:6.0f}ms {medians[kind] / base:6.2f}")
    ratio = medians["backtui dashboard, first frame"] / base
    verdict = "meets" if ratio <= 1.2 else "misses"
    print(f"\nfirst-frame ratio {ratio:.2f} {verdict} the target of 1.2")
    if counts:
        print("\ninstructions to the first frame (callgrind, one run each):")
        for kind, count in counts.items():
            print(f"{kind:34} {count / 1e6:8.1f} M {count / counts['minimal Textual app']:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
