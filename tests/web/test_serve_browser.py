"""``backtui serve`` in a real browser: headless Chromium opens the page, sees the dashboard, and starts a routine.

The system's Chromium (Debian's ``chromium``) is driven by Playwright through
``executable_path``; no browser is downloaded. Every request the page makes that
isn't to the local server is blocked and recorded, so the test also shows that the
page needs nothing from the internet. xterm.js draws the terminal on a canvas, so
the test reads what the app sends over the page's websocket and replays it into a
``pyte`` screen to see the text.
"""

from __future__ import annotations

import base64
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyte
import pytest
from system_tools import require_tool

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Keeps every binary websocket message (the app's terminal output) for the test to read.
CAPTURE = """
(() => {
  const Native = window.WebSocket;
  const store = { url: null, chunks: [] };
  window.__backtui = store;
  function Capturing(url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    store.url = String(url);
    ws.addEventListener("message", (event) => {
      if (typeof event.data === "string") return;
      const bytes = new Uint8Array(event.data);
      let text = "";
      for (let i = 0; i < bytes.length; i += 1) text += String.fromCharCode(bytes[i]);
      store.chunks.push(btoa(text));
    });
    return ws;
  }
  Capturing.prototype = Native.prototype;
  Object.assign(Capturing, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.WebSocket = Capturing;
})();
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``backtui serve`` on a free local port: (the URL it printed, the folder speech cues are written to)."""
    port = free_port()
    wavs = tmp_path / "cues"
    wavs.mkdir()
    env = {**os.environ, "BACKTUI_SPEECH_WAV_DIR": str(wavs), "BACKTUI_BUNDLED_ROUTINES": str(REPO / "routines")}
    process = subprocess.Popen(
        [sys.executable, "-m", "backtui", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=tmp_path,
        start_new_session=True,  # the app processes it starts are in its group, to be stopped with it
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        url = f"http://127.0.0.1:{port}"
        assert f"backtui is at {url}" in first
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert process.poll() is None, "backtui serve stopped"
                assert time.monotonic() < deadline, "backtui serve did not answer within 60 s"
                time.sleep(0.2)
        yield url, wavs
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


class Terminal:
    """The app's screen as the page shows it, rebuilt from the websocket's bytes."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.screen: pyte.Screen | None = None
        self.stream: pyte.ByteStream | None = None

    def text(self) -> str:
        store = self.page.evaluate("() => ({url: window.__backtui.url, chunks: window.__backtui.chunks.splice(0)})")
        if self.screen is None and store["url"]:
            query = dict(part.split("=", 1) for part in store["url"].split("?", 1)[1].split("&"))
            self.screen = pyte.Screen(int(query["width"]), int(query["height"]))
            self.stream = pyte.ByteStream(self.screen)
        if self.screen is None or self.stream is None:
            return ""
        for chunk in store["chunks"]:
            self.stream.feed(base64.b64decode(chunk))
        return "\n".join(self.screen.display)

    def wait_for(self, *words: str, timeout: float = 60) -> str:
        """The screen once it shows every one of ``words``, as text or in the app's large letters."""
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.text()
            if all(shows(shown, word) for word in words):
                return shown
            self.page.wait_for_timeout(200)
        raise AssertionError(f"the page never showed {words!r}; it shows:\n{shown}")


def shows(screen: str, words: str) -> bool:
    """Whether ``screen`` shows ``words`` as plain text or drawn in the large letters the app uses for headings."""
    if words.casefold() in screen.casefold():
        return True
    from backtui.tui.widgets.big_text import WORD_FONTS, render

    lines = screen.split("\n")
    for font in WORD_FONTS:
        for scale in (1, 2, 3):
            art = [line.rstrip() for line in render(words, font, scale)]
            for top in range(len(lines) - len(art) + 1):
                column = lines[top].find(art[0])
                while column >= 0:
                    if all(lines[top + k][column : column + len(row)] == row for k, row in enumerate(art)):
                        return True
                    column = lines[top].find(art[0], column + 1)
    return False


def test_a_routine_starts_from_the_keyboard_in_a_browser(server: tuple[str, Path], tmp_path: Path) -> None:
    chromium = require_tool("chromium", "chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail("playwright is not installed (uv sync installs it with the dev group)")
        pytest.skip("playwright is not installed (uv sync installs it with the dev group)")
    url, wavs = server
    outside: list[str] = []

    def local_only(route: Any) -> None:
        if route.request.url.startswith(url + "/") or route.request.url == url:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 800},
        )
        try:
            context.route("**/*", local_only)
            context.add_init_script(CAPTURE)
            page = context.new_page()
            page.goto(url)
            terminal = Terminal(page)
            terminal.wait_for("Gentle start", "Core strength")  # the dashboard, with the bundled routines
            page.focus(".xterm-helper-textarea")
            page.keyboard.press("Enter")  # run the selected routine
            terminal.wait_for("how is your back")  # the check-in before a run
            page.keyboard.press("Escape")  # skip it
            shown = terminal.wait_for("GET READY")
            page.screenshot(path=str(tmp_path / "runner.png"))
        finally:
            context.close()
    assert (tmp_path / "runner.png").stat().st_size > 0
    assert outside == [], f"the page asked the internet for {outside}"
    assert "Exercise 1 of" in shown
    if any(wavs.iterdir()):  # with espeak-ng installed, the speech plugin announced the first phase
        assert sorted(wavs.iterdir())[0].name == "0001-phase.wav"
