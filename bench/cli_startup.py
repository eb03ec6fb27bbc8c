"""How long the ``backtui`` command takes to start, against a bare interpreter.

Each run is a fresh process, the way an editor or a shell starts the command:

* ``bare``      -- ``python -c pass``, the interpreter alone (the baseline);
* ``--version`` -- ``backtui --version``;
* ``--help``    -- ``backtui --help``;
* ``validate``  -- ``backtui validate`` on one bundled routine, with the five bundled
  sources loaded (it checks every exercise id against the library);
* ``libraries`` -- ``python -c "import msgspec, pluggy, tomllib"``: only importing the
  three libraries ``validate`` cannot do without (typed checking with located errors,
  the plugin system every source is loaded through, the routine's TOML). It is the
  floor under ``validate``, whatever backtui itself does.

The commands run through the installed ``backtui`` script beside ``sys.executable``.
Runs alternate between the four so drift on a busy machine hits all alike, and the
verdict is each command's median divided by the bare median of the same run.

    uv run python bench/cli_startup.py [--runs 30]

Targets: ``validate`` within 5x bare; ``--version`` and ``--help`` within 2x.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROUTINE = REPO / "routines" / "gentle-start.toml"
TARGETS = {"--version": 2.0, "--help": 2.0, "validate": 5.0}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one child process."""
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(argv)} failed ({done.returncode}):\n{done.stdout}{done.stderr}".strip())
    return elapsed, _cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="runs of each (default: 30)")
    args = parser.parse_args()
    script = Path(sys.executable).with_name("backtui")
    if not script.exists():
        sys.exit(f"bench: {script} not found; run `uv sync` first")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKTUI_")}
    # Measure what a user sees from the second start on: with bytecode caches written.
    no_bytecode = env.pop("PYTHONDONTWRITEBYTECODE", None) is not None
    home = tempfile.mkdtemp(prefix="backtui-bench-")
    env["BACKTUI_HOME"] = home
    runs = {
        "bare": [sys.executable, "-c", "pass"],
        "--version": [str(script), "--version"],
        "--help": [str(script), "--help"],
        "validate": [str(script), "validate", str(ROUTINE)],
        "libraries": [sys.executable, "-c", "import msgspec, pluggy, tomllib"],
    }
    for argv in runs.values():  # write the bytecode caches and warm the OS file cache
        timed(argv, env)
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.runs):
        for name, argv in runs.items():
            w, c = timed(argv, env)
            wall[name].append(w)
            cpu[name].append(c)

    def ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    print(f"python {sys.version.split()[0]}, {args.runs} runs each, medians")
    if no_bytecode:
        print("  (PYTHONDONTWRITEBYTECODE was set; ignored so the runs use bytecode caches as users do)")
    print(f"  {'':28} {'wall':>8} {'ratio':>7} {'CPU':>8} {'ratio':>7}  target")
    for name in runs:
        w, c = ms(wall[name]), ms(cpu[name])
        wr, cr = w / ms(wall["bare"]), c / ms(cpu["bare"])
        target = f"{TARGETS[name]:.0f}x" if name in TARGETS else {"bare": "baseline"}.get(name, "floor")
        label = {"bare": "bare interpreter", "libraries": "import msgspec+pluggy+tomllib"}.get(name, f"backtui {name}")
        print(f"  {label:28} {w:5.1f} ms {wr:6.2f}x {c:5.1f} ms {cr:6.2f}x  {target}")
    print(f"  load average during the run: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    for name, target in TARGETS.items():
        ratio = ms(cpu[name]) / ms(cpu["bare"])
        verdict = "within" if ratio <= target else "OVER"
        print(f"{verdict} target: backtui {name} at {ratio:.2f}x bare (CPU), target {target:.0f}x")
    print("On a busy machine wall-clock times stretch; CPU time is the steadier figure.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
