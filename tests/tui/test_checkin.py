"""The check-in form: pain typed as digits, markers that read without colour, every control at 60×18."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Input

from backtui.core.history import CheckIn
from backtui.tui.screens.checkin import CheckInScreen
from backtui.tui.widgets.pain_scale import PainScale

SIZES = [pytest.param((60, 18), id="60x18"), pytest.param((80, 24), id="80x24")]


class Host(App[None]):
    def __init__(self, initial: CheckIn | None = None) -> None:
        super().__init__()
        self.initial = initial
        self.results: list[CheckIn | None] = []

    async def on_mount(self) -> None:
        await self.push_screen(CheckInScreen("before", initial=self.initial), self.results.append)
        self.screen.query_one(Input).cursor_blink = False


def run(keys: list[str], size: tuple[int, int] = (80, 24)) -> tuple[list[CheckIn | None], str]:
    async def go() -> tuple[list[CheckIn | None], str]:
        app = Host()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            scale = ""
            if not app.results:
                scale = str(app.screen.query_one(PainScale).render())
        return app.results, scale

    return asyncio.run(go())


@pytest.mark.parametrize(
    ("keys", "pain"),
    [(["1", "0"], 10), (["1"], 1), (["7"], 7), (["1", "0", "0"], 0), (["1", "left", "0"], 0), (["right"] * 11, 10)],
)
def test_pain_typed_as_digits(keys: list[str], pain: int) -> None:
    results, _ = run([*keys, "enter"])
    checkin = results[0]
    assert checkin is not None and checkin.pain == pain


def test_the_chosen_pain_and_ticked_areas_read_without_colour() -> None:
    _, scale = run(["1", "0"])
    assert "[10]" in scale and "[" not in scale.replace("[10]", "")

    async def go() -> None:
        app = Host()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("4", "tab", "tab", "space")  # pain 4, then tick the second area
            await pilot.pause()
            boxes = [str(box.render()) for box in app.screen.query("#areas Checkbox")]
            assert boxes[1].startswith("[x] ") and all(b.startswith("[ ] ") for i, b in enumerate(boxes) if i != 1)

    asyncio.run(go())


@pytest.mark.parametrize("size", SIZES)
def test_skip_save_and_every_area_are_on_screen(size: tuple[int, int]) -> None:
    async def go() -> None:
        app = Host()
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter")  # no pain chosen: the message takes a line or two more
            await pilot.pause()
            screen = app.screen
            dialog = screen.query_one("VerticalScroll").content_region
            for widget in [*screen.query("#areas Checkbox"), screen.query_one("#skip"), screen.query_one("#save")]:
                assert widget.region.width and widget.region.height, widget
                assert dialog.contains_region(widget.region), widget  # nothing cut by the dialog's edge
            below = screen.query("#areas Checkbox").last()
            assert "Below the knee" in str(below.render())
            assert below.region.width >= len("[ ] Below the knee")

    asyncio.run(go())


class TestCheckInSnapshots:
    @pytest.mark.parametrize("size", SIZES)
    def test_pain_and_areas_chosen(self, snap_compare: Any, size: tuple[int, int]) -> None:
        app = Host(initial=CheckIn(6, ("lower back", "below the knee"), ""))
        assert snap_compare(app, terminal_size=size, press=["1", "0"])

    @pytest.mark.parametrize("size", SIZES)
    def test_asking_for_a_pain_level(self, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(Host(), terminal_size=size, press=["enter"])
