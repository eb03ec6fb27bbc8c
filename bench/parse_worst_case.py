"""How long the worst files at the size cap take to read, and how much memory.

Python's TOML parser takes time and memory that grow with the square of a dotted
key's or table header's length; backtui scans each file first and refuses what
would be slow (``backtui/core/tomlfile.py``). Each case below is a file of about
``MAX_FILE_BYTES`` built to cost the most that still gets through the scan (or, for
the ``refused`` cases, what the scan stops), read through ``read_toml_file`` as
``validate`` and the dashboard read a routine, in a fresh interpreter:

* ``baseline``       -- ordinary ``key = "text"`` lines up to the cap;
* ``dotted keys``    -- keys of ``MAX_KEY_PARTS`` parts, up to ``MAX_KEYS``;
* ``long headers``   -- ``[a.b.…]`` headers of ``MAX_KEY_PARTS`` parts, up to ``MAX_KEYS``;
* ``deep arrays``    -- arrays nested ``MAX_NESTING`` deep, repeated to the cap;
* ``many keys``      -- as many one-letter keys as ``MAX_KEYS`` allows;
* ``refused: …``     -- one dotted key, one header, one array and one integer far past
  the limits, filling the cap (the files that took tomllib minutes and gigabytes).

It prints the median time of each (and its ratio to the baseline) and the peak
memory of the process (``ru_maxrss``, the interpreter included).

    uv run python bench/parse_worst_case.py [--runs 5]

Target: every case under 1 s and 100 MB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

TARGET_S = 1.0
TARGET_MB = 100.0

CHILD = """
import json, resource, sys, tempfile, time
from pathlib import Path
from backtui.core import tomlfile as t

cap, parts, keys, nest = t.MAX_FILE_BYTES - 100, t.MAX_KEY_PARTS, t.MAX_KEYS, t.MAX_NESTING

def fill(unit, budget_units=None):
    count = cap // len(unit)
    if budget_units is not None:
        count = min(count, budget_units)
    return unit * count

dotted = ".".join(["a"] * parts)
cases = {
    "baseline": lambda: "".join(f'k{i} = "some ordinary text"\\n' for i in range(cap // 30)),
    "dotted keys": lambda: "".join(f"k{i}.{dotted[2:]} = 1\\n" for i in range(min(cap // 30, keys // parts - 10))),
    "long headers": lambda: "".join(f"[k{i}.{dotted[2:]}]\\n" for i in range(min(cap // 28, keys // parts - 10))),
    "deep arrays": lambda: "".join(f"k{i} = " + "[" * nest + "]" * nest + "\\n" for i in range(cap // 45)),
    "many keys": lambda: "".join(f"k{i}=1\\n" for i in range(keys - 10)),
    "refused: dotted key": lambda: "a" + ".a" * (cap // 2 - 1) + " = 1\\n",
    "refused: header": lambda: "[a" + ".a" * (cap // 2 - 2) + "]\\n",
    "refused: deep array": lambda: "x = " + "[" * (cap // 2 - 4) + "]" * (cap // 2 - 4),
    "refused: huge integer": lambda: "x = " + "1" * (cap - 10) + "\\n",
}
text = cases[sys.argv[1]]()
path = Path(tempfile.mkdtemp()) / "case.toml"
path.write_text(text)
start = time.perf_counter()
try:
    t.read_toml_file(path)
    outcome = "accepted"
except t.DataError as exc:
    outcome = "refused: " + exc.message
elapsed = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"s": elapsed, "peak_mb": peak_kb / 1024, "bytes": path.stat().st_size, "outcome": outcome}))
"""

CASES = (
    "baseline",
    "dotted keys",
    "long headers",
    "deep arrays",
    "many keys",
    "refused: dotted key",
    "refused: header",
    "refused: deep array",
    "refused: huge integer",
)


def run(case: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", CHILD, case], capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = []
    for case in CASES:
        results = [run(case) for _ in range(args.runs)]
        seconds = statistics.median(float(r["s"]) for r in results)  # type: ignore[arg-type]
        peak = max(float(r["peak_mb"]) for r in results)  # type: ignore[arg-type]
        rows.append((case, results[0]["bytes"], seconds, peak, str(results[0]["outcome"])[:60]))
    base = rows[0][2]
    print(f"{'case':24} {'bytes':>8} {'median s':>9} {'x base':>7} {'peak MB':>8}  outcome")
    for case, size, seconds, peak, outcome in rows:
        flag = "" if seconds < TARGET_S and peak < TARGET_MB else "  OVER TARGET"
        print(f"{case:24} {size:>8} {seconds:>9.3f} {seconds / base:>7.2f} {peak:>8.1f}  {outcome}{flag}")
    print(f"\nTarget: every case under {TARGET_S:g} s and {TARGET_MB:g} MB (peak includes the interpreter).")


if __name__ == "__main__":
    main()
