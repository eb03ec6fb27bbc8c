"""The dashboard in a real terminal: a routine's name full of escape sequences reaches the screen
as visible text, and not one of its escape sequences reaches the terminal.

Runs ``python -m backtui`` in a pseudo-terminal, captures every byte it writes, and
renders them with pyte to see what a person would see.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pyte
import pytest

# OSC 52 (set the clipboard), CSI 2J (clear the screen), OSC 0 (retitle), each with a marker
# so its raw form could be found in the captured bytes if it ever got through.
PAYLOAD = "SEVMTE8="
NAME = f"Evil\x1b]52;c;{PAYLOAD}\x07\x1b[2JPWNED\x1b]0;TITLED\x07"
RAW = [f"\x1b]52;c;{PAYLOAD}".encode(), b"\x1b[2JPWNED", b"\x1b]0;TITLED", "\x9b2JC1PWNED".encode()]
#: Generous: starting Python and Textual on a busy shared machine.
TIMEOUT_S = 120
COLUMNS, LINES = 100, 30


def _controlling_terminal() -> None:  # runs in the child, whose stdin is the terminal
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _screen_text(screen: pyte.Screen) -> str:
    return "\n".join(screen.display)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_the_dashboard_writes_no_escape_sequence_from_a_routine_name(tmp_path: Path) -> None:
    home, bundled = tmp_path / "home", tmp_path / "bundled"
    (home / "routines").mkdir(parents=True)
    bundled.mkdir()
    description, step = json.dumps("About \x9b2JC1PWNED"), json.dumps("Step " + NAME)
    text = f"name = {json.dumps(NAME)}\ndescription = {description}\n[[steps]]\nname = {step}\nreps = 2\n"
    (home / "routines" / "evil.toml").write_text(text, encoding="utf-8")
    env = {
        **os.environ,
        "BACKTUI_HOME": str(home),
        "BACKTUI_BUNDLED_ROUTINES": str(bundled),
        "TERM": "xterm-256color",
        "COLUMNS": str(COLUMNS),
        "LINES": str(LINES),
    }
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    app = subprocess.Popen(
        [sys.executable, "-m", "backtui"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        preexec_fn=_controlling_terminal,
        close_fds=True,
    )
    os.close(slave)
    screen = pyte.Screen(COLUMNS, LINES)
    stream = pyte.ByteStream(screen)
    captured = bytearray()

    def read_until(done: object, limit_s: float) -> None:
        end = time.monotonic() + limit_s
        while time.monotonic() < end and not (callable(done) and done()):
            ready, _, _ = select.select([master], [], [], 0.2)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the app has exited and closed the terminal
                return
            captured.extend(chunk)
            stream.feed(chunk)

    try:
        # The routine is listed and, once the library has loaded, its steps are shown.
        read_until(lambda: "custom step" in _screen_text(screen), TIMEOUT_S)
        read_until(None, 1.0)  # and whatever is drawn just after
        shown = _screen_text(screen)
        os.write(master, b"q")
        read_until(lambda: app.poll() is not None, 20)
    finally:
        if app.poll() is None:
            app.kill()
        app.wait(timeout=TIMEOUT_S)
        os.close(master)

    assert f"Evil\\x1b]52;c;{PAYLOAD}\\x07" in shown, shown  # the name, visible and escaped
    assert "custom step" in shown and "About \\x9b2JC1PWNED" in shown, shown
    for raw in RAW:
        assert raw not in captured, raw
