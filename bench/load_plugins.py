"""How much loading the five bundled sources adds to starting Python.

Each run is a fresh interpreter, so nothing is cached in memory between runs:

* ``bare``  -- ``python -c pass``, the baseline, measured in the same session;
* ``load``  -- import the core, discover the ``backtui`` entry points, import the five
  plugins, call their hooks (with validation), and build the library index.

Runs alternate between the two so drift on a busy machine hits both alike. The
child also times its own stages, to show where the milliseconds go.

    uv run python bench/load_plugins.py [--runs 40]

Target: the five sources add under 50 ms to a bare interpreter start.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

BUNDLED = ("verywell", "merative", "twelve-best", "health-inspiration", "back-pain-basics")
TARGET_MS = 50.0

CHILD = f"""
import time
t0 = time.perf_counter()
from backtui.core import plugins
from backtui.core.library import Library
t1 = time.perf_counter()
eps = plugins.select(plugins.discover(), {{"BACKTUI_LOAD_PLUGINS": {",".join(BUNDLED)!r}}})
t2 = time.perf_counter()
for ep in eps:
    ep.load()
t3 = time.perf_counter()
result = plugins.load(eps, env={{}}, strict=True)
t4 = time.perf_counter()
library = Library(result.records)
t5 = time.perf_counter()
assert sorted(library.sources) == {sorted(BUNDLED)!r}, sorted(library.sources)
import json
print(json.dumps({{
    "core imports": t1 - t0, "discovery": t2 - t1, "plugin imports": t3 - t2,
    "hook calls + validation": t4 - t3, "library index": t5 - t4,
    "exercises": len(library.exercises), "avoid": len(library.avoid),
}}))
"""


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(argv[:2])} failed:\n{done.stderr.strip()}")
    return elapsed, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=40, help="runs of each (default: 40)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKTUI_")}
    # Measure what a user sees from the second start on: with bytecode caches written.
    # (PYTHONDONTWRITEBYTECODE would make every run compile every module from source.)
    no_bytecode = env.pop("PYTHONDONTWRITEBYTECODE", None) is not None
    python = sys.executable

    timed([python, "-c", CHILD], env)  # write the bytecode caches and warm the OS file cache
    bare: list[float] = []
    load: list[float] = []
    stages: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    for _ in range(args.runs):
        bare.append(timed([python, "-c", "pass"], env)[0])
        elapsed, out = timed([python, "-c", CHILD], env)
        load.append(elapsed)
        for key, value in json.loads(out).items():
            if isinstance(value, int):
                counts[key] = value
            else:
                stages.setdefault(key, []).append(value)

    def ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    added = ms(load) - ms(bare)
    print(f"python {sys.version.split()[0]}, {args.runs} runs each, medians")
    if no_bytecode:
        print("  (PYTHONDONTWRITEBYTECODE was set; ignored so the runs use bytecode caches as users do)")
    print(f"  bare interpreter (python -c pass)   {ms(bare):7.1f} ms")
    print(f"  backtui + the five sources loaded   {ms(load):7.1f} ms")
    print(f"  ratio {ms(load) / ms(bare):.2f}x, added {added:.1f} ms (target: under {TARGET_MS:.0f} ms)")
    print(f"  loaded {counts.get('exercises', 0)} exercises and {counts.get('avoid', 0)} avoid items")
    print("  inside the loading process:")
    for key, values in stages.items():
        print(f"    {key:<26} {ms(values):6.2f} ms")
    own = sum(ms(values) for key, values in stages.items() if key != "core imports")
    print(f"    {'discovery to index':<26} {own:6.2f} ms  (the plugins' own share, without the core imports)")
    print(f"  load average during the run: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    verdict = "within" if added < TARGET_MS else "OVER"
    print(f"{verdict} target: the five sources add {added:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
