"""The keys line at the bottom of every screen: which keys it shows, how they look, and the mouse on them.

Each test reads the bottom row of the screen as the terminal is sent it (the cells,
their characters and styles), so it checks what a user sees.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static, Tooltip

from backtui.tui.screens.dashboard import DashboardScreen
from backtui.tui.widgets.key_bar import KeyBar

from .conftest import make_app

Cells = list[tuple[str, Style]]


def bottom_row(app: App[object]) -> Cells:
    """The screen's last row, cell by cell, as it is drawn (the keys line sits there)."""
    strip = app.screen._compositor.render_strips()[-1]
    return [(char, segment.style or Style()) for segment in strip for char in segment.text]


def text(cells: Cells) -> str:
    return "".join(char for char, _style in cells)


class Plain(Static, can_focus=True):
    """Something to focus that brings no keys of its own."""


class Panel(Static, can_focus=True):
    """Something to focus whose key shows only while it has the focus."""

    BINDINGS = [Binding("s", "shout", "Shout")]


class KeysScreen(Screen[None]):
    BINDINGS = [
        Binding("enter,r", "run", "Run", key_display="r"),
        Binding("e", "edit", "Edit", tooltip="Edit the routine"),
        Binding("x", "delete", "Delete"),
        Binding("a", "avoid", "Avoid list", show=False),
        Binding("w", "wander", "Wander about"),
    ]

    def __init__(self, bar: Widget) -> None:
        super().__init__()
        self.bar = bar
        self.done: list[str] = []

    def compose(self) -> ComposeResult:
        yield Plain("plain", id="plain")
        yield Panel("panel", id="panel")
        yield self.bar

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "delete" else True  # shown, but greyed out

    def action_run(self) -> None:
        self.done.append("run")

    def action_edit(self) -> None:
        self.done.append("edit")

    def action_delete(self) -> None:
        self.done.append("delete")


class KeysApp(App[None]):
    TOOLTIP_DELAY = 0.05

    def __init__(self, bar: Widget, theme: str = "textual-dark") -> None:
        super().__init__()
        self.bar = bar
        self.starting_theme = theme
        self.bells = 0

    def on_mount(self) -> None:
        self.theme = self.starting_theme
        self.push_screen(KeysScreen(self.bar))

    def bell(self) -> None:  # headless, the real bell does nothing to see
        self.bells += 1

    @property
    def keys_screen(self) -> KeysScreen:
        assert isinstance(self.screen, KeysScreen)
        return self.screen


async def test_the_dashboards_first_frame_already_shows_its_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_frames: list[str] = []
    on_mount = DashboardScreen.on_mount

    def record_first_frame(screen: DashboardScreen) -> None:
        # runs once the first frame is drawn, ahead of the work the dashboard defers until then
        screen.call_after_refresh(lambda: first_frames.append(text(bottom_row(screen.app))))
        on_mount(screen)

    monkeypatch.setattr(DashboardScreen, "on_mount", record_first_frame)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert first_frames[0].startswith("r Run e Edit c New d Duplicate x Delete P Plugins h History q Quit ? Help")


async def test_shown_keys_in_binding_order_first_key_per_action_hidden_ones_left_out() -> None:
    app = KeysApp(KeyBar(show_command_palette=False))
    async with app.run_test(size=(100, 5)) as pilot:
        await pilot.pause()
        line = text(bottom_row(app))
        assert line.rstrip() == " r Run  e Edit  x Delete  w Wander about"
        assert "Avoid" not in line


async def test_the_keys_follow_the_focus() -> None:
    app = KeysApp(KeyBar(compact=True))
    async with app.run_test(size=(100, 5)) as pilot:
        await pilot.pause()
        assert "Shout" not in text(bottom_row(app))
        app.screen.query_one("#panel").focus()
        await pilot.pause()
        assert "s Shout" in text(bottom_row(app))
        app.screen.query_one("#plain").focus()
        await pilot.pause()
        assert "Shout" not in text(bottom_row(app))


async def test_the_regular_look_shows_the_command_palette_key_on_the_right() -> None:
    for bar, palette_shown in ((KeyBar(), True), (KeyBar(show_command_palette=False), False)):
        app = KeysApp(bar)
        async with app.run_test(size=(100, 5)) as pilot:
            await pilot.pause()
            line = text(bottom_row(app))
            assert line.endswith("▏^p palette ") is palette_shown, line
            assert ("^p" in line) is palette_shown


def key_span(line: str, label: str) -> range:
    """The cells of the key labelled ``label`` (`` e Edit `` in the regular look)."""
    start = line.index(label)
    return range(start, start + len(label))


async def test_a_click_on_a_key_presses_it() -> None:
    app = KeysApp(KeyBar())
    async with app.run_test(size=(100, 5)) as pilot:
        await pilot.pause()
        span = key_span(text(bottom_row(app)), " e Edit ")
        await pilot.click(KeyBar, offset=(span[-1], 0))
        await pilot.pause()
        assert app.keys_screen.done == ["edit"]
        assert app.bells == 0


async def test_a_click_on_a_greyed_out_key_rings_the_bell_and_does_nothing() -> None:
    app = KeysApp(KeyBar())
    async with app.run_test(size=(100, 5)) as pilot:
        await pilot.pause()
        cells = bottom_row(app)
        line = text(cells)
        span = key_span(line, " x Delete ")
        # greyed out: its key and its description are drawn fainter than the Edit key's
        edit = line.index(" e Edit ")
        assert cells[span[1]][1].color != cells[edit + 1][1].color
        assert cells[span[3]][1].color != cells[edit + 3][1].color
        await pilot.click(KeyBar, offset=(span[1], 0))
        await pilot.pause()
        assert app.keys_screen.done == []
        assert app.bells == 1


async def test_the_key_under_the_pointer_and_only_it_is_highlighted() -> None:
    app = KeysApp(KeyBar())
    async with app.run_test(size=(100, 5)) as pilot:
        await pilot.pause()
        before = bottom_row(app)
        span = key_span(text(before), " e Edit ")
        await pilot.hover(KeyBar, offset=(span[2], 0))
        after = bottom_row(app)
        assert text(after) == text(before)
        assert [x for x in range(len(after)) if after[x] != before[x]] == list(span)
        await pilot.hover(Plain)  # off the bar: nothing highlighted
        assert bottom_row(app) == before


async def test_the_key_under_the_pointer_shows_its_tooltip() -> None:
    app = KeysApp(KeyBar())
    async with app.run_test(size=(100, 20), tooltips=True) as pilot:
        await pilot.pause()
        line = text(bottom_row(app))
        tooltip = app.screen.query_one(Tooltip)
        await pilot.hover(KeyBar, offset=(line.index("Edit"), 0))
        await pilot.pause(0.2)
        assert tooltip.display
        assert str(tooltip.render()) == "Edit the routine"
        await pilot.hover(KeyBar, offset=(line.index("Run"), 0))  # it has no tooltip
        await pilot.pause(0.2)
        assert not tooltip.display


async def test_keys_that_do_not_fit_are_cropped_and_the_wheel_scrolls_them_sideways() -> None:
    app = KeysApp(KeyBar())
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        first = text(bottom_row(app))
        assert first == " r Run  e Edit  x Delete  w ▏^p palette "

        def wheel(event: type[events.MouseScrollDown | events.MouseScrollUp]) -> None:
            app.post_message(event(None, 5, 4, 0, 0, 0, False, False, False, screen_x=5, screen_y=4))

        for _ in range(10):
            wheel(events.MouseScrollDown)
            await pilot.pause()
        scrolled = text(bottom_row(app))
        assert scrolled == "t  x Delete  w Wander about ▏^p palette "  # as far as it goes, and no further
        for _ in range(10):
            wheel(events.MouseScrollUp)
            await pilot.pause()
        assert text(bottom_row(app)) == first


LOOKS = {
    "regular": {},
    "compact": {"compact": True},
    "no palette": {"show_command_palette": False},
    "compact, no palette": {"compact": True, "show_command_palette": False},
}


async def screenshot(bar: Widget, theme: str, hover_at: int | None) -> str:
    """The app with ``bar`` at the bottom; ``theme`` may be ``first>second``, switched once it is up."""
    first, _, second = theme.partition(">")
    app = KeysApp(bar, first)
    async with app.run_test(size=(80, 3)) as pilot:
        await pilot.pause()
        if second:
            app.theme = second
        app.screen.query_one("#panel").focus()
        for _ in range(3):  # Footer composes its keys after a frame
            await pilot.pause()
        if hover_at is not None:
            await pilot.hover(offset=(hover_at, 2))
            await pilot.pause()
        # the ids in the picture are a hash of how the line is cut into pieces, not of what it shows
        return re.sub(r"\bterminal-\d+-", "terminal-", app.export_screenshot())


@pytest.mark.parametrize(
    ("look", "theme", "hover_at"),
    [
        *((look, "textual-dark", None) for look in LOOKS),
        *((look, "textual-dark", 16) for look in LOOKS),  # on the greyed-out Delete key
        ("regular", "solarized-light", 3),
        ("compact", "nord", 75),  # on the command palette key
        ("regular", "textual-dark>solarized-light", None),
    ],
)
async def test_it_draws_what_textuals_footer_draws(look: str, theme: str, hover_at: int | None) -> None:
    options = LOOKS[look]
    footer = await screenshot(Footer(**options), theme, hover_at)
    assert await screenshot(KeyBar(**options), theme, hover_at) == footer
