"""The dashboard follows routine files changed by hand; a theme chosen in the palette is kept."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from backtui.core.settings import load_settings
from backtui.tui.screens.dashboard import WATCH_FOLDERS_S, DashboardScreen

from .conftest import EVENING, MINE, make_app


def names(screen: DashboardScreen) -> list[str]:
    return [entry.title for entry in screen.entries]


async def test_files_added_changed_and_removed_by_hand_show_up_keeping_the_selection(tmp_path: Path) -> None:
    app = make_app(tmp_path, mine=MINE)
    folder = tmp_path / "home" / "routines"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = cast(DashboardScreen, app.screen)
        assert any(t._interval == WATCH_FOLDERS_S for t in screen._timers)  # checks every couple of seconds
        await pilot.press("down")  # Gentle morning
        await pilot.pause()
        selected = screen.selected
        assert selected is not None
        before = names(screen)

        (folder / "added.toml").write_text(EVENING.replace("My evening", "Added by hand"), encoding="utf-8")
        screen.check_folders()
        await pilot.pause()
        assert sorted(names(screen)) == sorted([*before, "Added by hand"])
        assert screen.selected == selected

        (folder / "my-evening.toml").write_text(EVENING.replace("My evening", "Renamed evening"), encoding="utf-8")
        screen.check_folders()
        await pilot.pause()
        assert "Renamed evening" in names(screen) and "My evening" not in names(screen)

        (folder / "added.toml").unlink()
        screen.check_folders()
        await pilot.pause()
        assert "Added by hand" not in names(screen)
        assert screen.selected == selected


async def test_nothing_is_read_again_while_nothing_changes(tmp_path: Path) -> None:
    app = make_app(tmp_path, mine=MINE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = cast(DashboardScreen, app.screen)
        listed = screen.entries
        screen.check_folders()
        await pilot.pause()
        assert screen.entries is listed


async def test_a_theme_chosen_is_kept_for_the_next_start(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert load_settings()[0].theme == "nord"
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_an_unreadable_settings_file_is_left_alone_and_said(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    settings = tmp_path / "home" / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("theme = \n", encoding="utf-8")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert any("settings.toml" in n.message for n in app._notifications)
        app.theme = "nord"
        await pilot.pause()
    assert settings.read_text(encoding="utf-8") == "theme = \n"
