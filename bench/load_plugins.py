"""How much loading the five bundled sources adds to starting Python.

Each run is a fresh interpreter, so nothing is cached in memory between runs:

* ``bare``  -- ``python -c pass``, the interpreter alone;
* ``core``  -- the same work as ``load`` with no plugin selected: backtui's core
  imported (msgspec, pluggy), discovery run, an empty library built;
* ``load``  -- import the core, discover the ``backtui`` entry points, import the five
  plugins, call their hooks (with validation), and build the library index.

Runs alternate between the three so drift on a busy machine hits all alike. What
the five sources add is ``load`` minus ``core``; what backtui's core costs at start-up
is ``core`` minus ``bare``; both are printed. The child also times its own stages.

    uv run python bench/load_plugins.py [--runs 40]

Target: the five sources add under 50 ms (``load`` minus ``core``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
import sys
selected = {",".join(BUNDLED)!r} if sys.argv[1] == "load" else ""
eps = plugins.select(plugins.discover(), {{"BACKTUI_LOAD_PLUGINS": selected}})
t2 = time.perf_counter()
for ep in eps:
    ep.load()
t3 = time.perf_counter()
result = plugins.load(eps, env={{}}, strict=True)
t4 = time.perf_counter()
library = Library(result.records)
t5 = time.perf_counter()
expected = {sorted(BUNDLED)!r} if selected else []
assert sorted(library.sources) == expected, sorted(library.sources)
import json
print(json.dumps({{
    "core imports": t1 - t0, "discovery": t2 - t1, "plugin imports": t3 - t2,
    "hook calls + validation": t4 - t3, "library index": t5 - t4,
    "exercises": len(library.exercises), "avoid": len(library.avoid),
}}))
"""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one child process, and its output."""
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(argv[:2])} failed:\n{done.stderr.strip()}")
    return elapsed, _cpu() - cpu, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=40, help="runs of each (default: 40)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKTUI_")}
    # Measure what a user sees from the second start on: with bytecode caches written.
    # (PYTHONDONTWRITEBYTECODE would make every run compile every module from source.)
    no_bytecode = env.pop("PYTHONDONTWRITEBYTECODE", None) is not None
    python = sys.executable

    timed([python, "-c", CHILD, "load"], env)  # write the bytecode caches and warm the OS file cache
    bare: list[float] = []
    core: list[float] = []
    load: list[float] = []
    bare_cpu: list[float] = []
    core_cpu: list[float] = []
    load_cpu: list[float] = []
    stages: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    for _ in range(args.runs):
        elapsed, cpu, _ = timed([python, "-c", "pass"], env)
        bare.append(elapsed)
        bare_cpu.append(cpu)
        elapsed, cpu, _ = timed([python, "-c", CHILD, "core"], env)
        core.append(elapsed)
        core_cpu.append(cpu)
        elapsed, cpu, out = timed([python, "-c", CHILD, "load"], env)
        load.append(elapsed)
        load_cpu.append(cpu)
        for key, value in json.loads(out).items():
            if isinstance(value, int):
                counts[key] = value
            else:
                stages.setdefault(key, []).append(value)

    def ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    added = ms(load) - ms(core)
    added_cpu = ms(load_cpu) - ms(core_cpu)
    print(f"python {sys.version.split()[0]}, {args.runs} runs each, medians")
    if no_bytecode:
        print("  (PYTHONDONTWRITEBYTECODE was set; ignored so the runs use bytecode caches as users do)")
    print(f"  {'':36} {'wall':>8} {'CPU':>8}")
    print(f"  {'bare interpreter (python -c pass)':36} {ms(bare):5.1f} ms {ms(bare_cpu):5.1f} ms")
    print(f"  {'backtui core, no plugin selected':36} {ms(core):5.1f} ms {ms(core_cpu):5.1f} ms")
    print(f"  {'backtui + the five sources loaded':36} {ms(load):5.1f} ms {ms(load_cpu):5.1f} ms")
    print(f"  {'ratio, five sources to bare':36} {ms(load) / ms(bare):6.2f}x  {ms(load_cpu) / ms(bare_cpu):6.2f}x")
    print(f"  {'core start-up (core - bare)':36} {ms(core) - ms(bare):5.1f} ms {ms(core_cpu) - ms(bare_cpu):5.1f} ms")
    target = f"(target: under {TARGET_MS:.0f} ms)"
    print(f"  {'five sources add (load - core)':36} {added:5.1f} ms {added_cpu:5.1f} ms   {target}")
    print(f"  loaded {counts.get('exercises', 0)} exercises and {counts.get('avoid', 0)} avoid items")
    print("  inside the loading process:")
    for key, values in stages.items():
        print(f"    {key:<26} {ms(values):6.2f} ms")
    own = sum(ms(values) for key, values in stages.items() if key != "core imports")
    print(f"    {'discovery to index':<26} {own:6.2f} ms  (the plugins' own share, without the core imports)")
    print(f"  load average during the run: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    for label, value in (("wall-clock", added), ("CPU", added_cpu)):
        verdict = "within" if value < TARGET_MS else "OVER"
        print(f"{verdict} target ({label}): the five sources add {value:.1f} ms")
    print("On a busy machine wall-clock times stretch; CPU time is the steadier figure.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
