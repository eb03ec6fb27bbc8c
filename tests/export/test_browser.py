"""The HTML handout in a real browser (Debian's chromium, driven by Playwright, offline)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backtui.core.library import Library
from backtui.core.routine_files import load_routine
from backtui.export import handout, html

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")


def test_the_handout_opens_offline_and_prints(library: Library, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        message = "chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "handout.html"
    sheet = handout.build(load_routine(REPO / "routines" / "core-strength.toml"), library)
    page_file.write_text(html.render(sheet), encoding="utf-8")
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 900, "height": 1200})
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            assert page.locator("h1").inner_text() == "Core strength"
            assert page.locator("section.step").count() == len(sheet.steps)
            shot = tmp_path / "handout.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            page.emulate_media(media="print")
            for paper in ("A4", "Letter"):
                printed = page.pdf(format=paper)
                assert printed.startswith(b"%PDF")
        finally:
            browser.close()
    assert requests == [page_file.as_uri()]  # the file itself, nothing else
