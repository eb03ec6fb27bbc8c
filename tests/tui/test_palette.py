"""The command palette offers every action a screen's keys do, and finds them by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import Screen

from backtui.tui.app import APP_ACTIONS, screen_commands
from backtui.tui.screens.dashboard import DashboardScreen
from backtui.tui.screens.help import own_bindings, places

from .conftest import make_app

SCREENS = [cls for _, classes in places() for cls in classes if isinstance(cls, type) and issubclass(cls, Screen)]


def test_every_screen_is_checked() -> None:
    names = {cls.__name__ for cls in SCREENS}
    assert {"DashboardScreen", "BuilderScreen", "HistoryScreen", "CheckInScreen", "PluginsScreen"} <= names


@pytest.mark.parametrize("screen", SCREENS, ids=lambda cls: cls.__name__)
def test_each_screen_key_is_a_palette_command(screen: type[Screen[object]]) -> None:
    bound = {b[1] if isinstance(b, tuple) else b.action for b in own_bindings(screen)}
    offered = {action for _, _, action in screen_commands(screen)}
    assert bound <= offered | APP_ACTIONS
    # What the app offers everywhere has a command of its own (see BacktuiApp.get_system_commands).
    for title, help_text, _ in screen_commands(screen):
        assert title and help_text


async def test_the_palette_finds_history_on_the_dashboard(tmp_path: Path) -> None:
    from backtui.tui.screens.history import HistoryScreen

    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"History", "New routine", "Plugins", "Avoid list", "Help", "Theme", "Quit"} <= titles
        await pilot.press("ctrl+p", *"hist", "enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, HistoryScreen)


async def test_the_palette_offers_the_builders_actions(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, DashboardScreen)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Save", "Save as", "Clear filters", "Undo", "Library", "Routine", "Filters", "Search"} <= titles
        assert "New routine" not in titles  # the dashboard's actions only on the dashboard
