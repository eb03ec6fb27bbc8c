"""The runner's CPU use over a real run, beside ``termdown`` counting down in the same run.

    uv run python bench/runner_cpu.py                         # 3 windows of 60 s (about 3.5 min)
    uv run python bench/runner_cpu.py --runs 1 --seconds 20   # a quick check

Both programs run at the same time, each in its own pseudo-terminal of 80×24 (the
output is read and thrown away, as a terminal would draw it): ``backtui run`` on a
routine of holds, releases, a side switch and a timed step, and ``termdown`` counting
down from a longer time in its default large digits. Once both are counting, the CPU
time (user + system, from ``/proc``) each spends over the same wall-clock window is
measured. Start-up is left out: it is what ``bench/first_frame.py`` measures.

Each window starts both programs afresh. termdown's own use varies by a third from one
window to the next, so the verdict is the median of the windows; every window is printed.

Linux only (``/proc``, ``pty``). Prints the CPU seconds, the share of one core, and the
runner's use as a ratio of termdown's.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROUTINE = """\
name = "CPU bench"

[defaults]
prepare_s = 5
transition_s = 3
release_s = 2
switch_s = 3

[[steps]]
name = "Hold"
reps = 6
hold_s = 5

[[steps]]
name = "Sides"
reps = 2
hold_s = 5
sides = "each"

[[steps]]
name = "Stand"
duration_s = 120
"""

TICKS = os.sysconf("SC_CLK_TCK")


class Pty:
    """A program in its own pseudo-terminal of ``cols``×``rows``, its output drained."""

    def __init__(self, argv: list[str], cols: int, rows: int, env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True
        )
        os.close(slave)
        self.seen = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.seen += chunk[-4096:]
            del self.seen[:-8192]

    def wait_for(self, text: bytes, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in self.seen:
                return True
            time.sleep(0.05)
        return False

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def cpu_s(self) -> float:
        """User + system CPU seconds of the process so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        os.close(self.master)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the measured window (default 60)")
    parser.add_argument("--size", default="80x24", help="terminal size, COLSxROWS (default 80x24)")
    parser.add_argument("--paused", action="store_true", help="pause the runner first: the cost of an idle app")
    parser.add_argument(
        "--runs", type=int, default=3, help="windows, one after another, each with fresh processes (default 3)"
    )
    args = parser.parse_args(argv)
    cols, rows = (int(n) for n in args.size.split("x"))
    termdown = shutil.which("termdown") or str(Path(sys.executable).with_name("termdown"))
    if not Path(termdown).exists():
        print("termdown is not installed: uv sync (it is a dev dependency)", file=sys.stderr)
        return 1
    results = [measure(args, cols, rows, termdown) for _ in range(args.runs)]
    if any(r is None for r in results):
        return 1
    done = [r for r in results if r is not None]
    print(f"{len(done)} window(s) of {args.seconds} s at {cols}x{rows}, one after another")
    print(f"{'run':>4} {'backtui CPU s':>14} {'% of a core':>12} {'termdown CPU s':>15} {'ratio':>6}")
    for n, (r, t, wall) in enumerate(done, 1):
        ratio = f"{r / t:6.2f}" if t else "     -"
        print(f"{n:>4} {r:14.2f} {100 * r / wall:11.2f}% {t:15.2f} {ratio}")
    share = statistics.median(100 * r / wall for r, _, wall in done)
    ratios = [r / t for r, t, _ in done if t]
    if not ratios:
        print("termdown used no measurable CPU")
        return 0
    ratio = statistics.median(ratios)
    print(f"median: backtui {share:.2f}% of a core, {ratio:.2f} x termdown")
    met = share < 3 and ratio <= 1.5
    print(f"target (at most 1.5 x termdown, under 3% of a core): {'met' if met else 'NOT met'}")
    return 0


def measure(args: argparse.Namespace, cols: int, rows: int, termdown: str) -> tuple[float, float, float] | None:
    """One window: (backtui CPU s, termdown CPU s, wall-clock s), or None if backtui did not start."""
    with tempfile.TemporaryDirectory() as tmp:
        routine = Path(tmp) / "cpu-bench.toml"
        routine.write_text(ROUTINE, encoding="utf-8")
        # The size comes from the pseudo-terminal alone, not from this shell's COLUMNS/LINES.
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env |= {"TERM": "xterm-256color", "BACKTUI_HOME": str(Path(tmp) / "home")}
        runner = Pty([sys.executable, "-m", "backtui", "run", str(routine)], cols, rows, env)
        baseline = Pty([termdown, str(args.seconds + 120)], cols, rows, env)
        try:
            # The check-in before the run: skip it (Escape), then the countdown starts.
            if not runner.wait_for(b"how is your back", 60):
                print("backtui did not show the check-in", file=sys.stderr)
                return None
            runner.send(b"\x1b")
            if not runner.wait_for(b"GET READY", 0) and not runner.wait_for(b"Next:", 30):
                print("the runner did not start", file=sys.stderr)
                return None
            if args.paused:
                runner.send(b" ")
            time.sleep(2)  # let both settle
            start = time.monotonic()
            r0, t0 = runner.cpu_s(), baseline.cpu_s()
            time.sleep(args.seconds)
            r1, t1 = runner.cpu_s(), baseline.cpu_s()
            wall = time.monotonic() - start
        finally:
            runner.stop()
            baseline.stop()
    return r1 - r0, t1 - t0, wall


if __name__ == "__main__":
    raise SystemExit(main())
