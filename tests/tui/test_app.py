"""The app around the screens: plugin failures, loading, opening the builder and runner, size, help, palette."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from backtui.core.routine_files import load_routine
from backtui.tui.app import BacktuiApp
from backtui.tui.screens.checkin import CheckInScreen
from backtui.tui.screens.dashboard import DashboardScreen
from backtui.tui.screens.error import ErrorScreen
from backtui.tui.screens.help import HelpScreen, own_bindings, places
from backtui.tui.screens.too_small import TooSmallScreen

from .conftest import BROKEN, MINE, make_app
from .test_dashboard import plain


class StubBuilder(Screen["Path | None"]):
    """Stands in for the builder: records how the app built it."""

    def __init__(self, library: Any, *, routine: Any = None, path: Path | None = None, bundled: bool = False) -> None:
        super().__init__()
        self.args = {"library": library, "routine": routine, "path": path, "bundled": bundled}

    def compose(self) -> ComposeResult:
        yield Static("builder")


class StubRunner(Screen[object]):
    def __init__(
        self,
        routine: Any,
        library: Any,
        clock: Any,
        *,
        path: Path | None = None,
        bell: bool = True,
        listener: Any = None,
        cues: Any = None,
    ) -> None:
        super().__init__()
        self.args = {"routine": routine, "library": library, "clock": clock, "path": path}
        self.listener = listener

    def compose(self) -> ComposeResult:
        yield Static("runner")


async def skip_checkin(pilot: Any) -> None:
    """Running asks how the back feels first; skip it with Escape, as a user may."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, CheckInScreen)
    await pilot.press("escape")
    await pilot.pause()


@pytest.fixture
def stub_screens(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, attr, cls in (("builder", "BuilderScreen", StubBuilder), ("runner", "RunnerScreen", StubRunner)):
        module = types.ModuleType(f"backtui.tui.screens.{name}")
        setattr(module, attr, cls)
        monkeypatch.setitem(sys.modules, module.__name__, module)


async def test_a_failing_plugin_is_announced_with_its_text_shown_literally(tmp_path: Path) -> None:
    app = make_app(tmp_path, failing=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert len(messages) == 1
        assert "wobbly" in messages[0]
        # Escaped: the plugin's "[bold]" is text to read, not markup to apply.
        toast = app.screen.query_one("Toast", Static)
        assert "[bold]no such table[/bold]" in str(toast.render())


async def test_no_notification_when_every_plugin_loads(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert list(app._notifications) == []


async def test_without_a_library_the_app_loads_plugins_after_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_app(tmp_path)  # writes the routines and points the app at them
    monkeypatch.setenv("BACKTUI_LOAD_PLUGINS", "")  # load none, quickly
    app = BacktuiApp(cursor_blink=False)
    assert app.library is None
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.library is not None and app.library.records == ()
        assert app.screen.query_one("#dash-banner").display  # no sources: says so


async def test_too_small_terminal_is_said_and_the_screen_returns_when_it_grows(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.resize_terminal(59, 24)
        await pilot.pause(0.05)
        assert isinstance(app.screen, TooSmallScreen)
        text = str(app.screen.query_one("#too-small", Static).render())
        assert "Terminal too small: need at least 60×18, have 59×24" in text
        await pilot.resize_terminal(60, 17)
        await pilot.pause(0.05)
        assert "have 60×17" in str(app.screen.query_one("#too-small", Static).render())
        await pilot.resize_terminal(60, 18)
        await pilot.pause(0.05)
        assert isinstance(app.screen, DashboardScreen)


async def test_help_lists_every_key_of_every_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(plain(s) for s in app.screen.query(".help-section").results(Static))
        found = list(places())
        headings = {h for h, _ in found}
        assert {"Everywhere", "Dashboard", "Builder", "Runner", "Check-in", "History", "Plugins"} <= headings
        for heading, classes in found:
            assert heading in text
            for cls in classes:
                for binding in Binding.make_bindings(own_bindings(cls)):
                    what = binding.tooltip or binding.description  # the tooltip is the long form, when there is one
                    assert what in text, f"{heading}: {binding.key} ({what}) not listed"
        assert "⏎ r" in text  # both keys of "Run", not just the one the footer shows
        assert "x del" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


def test_every_screen_and_widget_with_keys_has_a_place_in_the_help() -> None:
    import importlib
    import pkgutil

    import backtui.tui

    listed = {cls for _, classes in places() for cls in classes}
    missing = []
    for info in pkgutil.walk_packages(backtui.tui.__path__, "backtui.tui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            declares_keys = isinstance(value, type) and value.__module__ == info.name and "BINDINGS" in vars(value)
            if declares_keys and value not in listed:
                missing.append(f"{info.name}:{value.__name__}")
    assert missing == []


async def test_command_palette_offers_the_main_actions(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        wanted = {"New routine", "Run selected routine", "Edit selected routine", "Plugins", "Avoid list", "Help"}
        assert wanted | {"Quit"} <= titles
        # Through the palette itself: open it, search, choose.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"duplicate selected", "enter")
        await pilot.pause(0.2)
        await pilot.press("enter")  # keep the name it proposes
        await pilot.pause(0.2)
        assert (tmp_path / "home" / "routines" / "core-basics-copy.toml").exists()
        assert isinstance(app.screen, DashboardScreen)


async def test_create_opens_the_builder_on_a_new_routine(tmp_path: Path, stub_screens: None) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, StubBuilder)
        assert app.screen.args == {"library": app.library, "routine": None, "path": None, "bundled": False}
        saved = tmp_path / "home" / "routines" / "my-evening.toml"
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(MINE["my-evening.toml"], encoding="utf-8")
        app.screen.dismiss(saved)
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.selected is not None and app.screen.selected.path == saved


async def test_edit_opens_the_builder_with_the_loaded_routine(tmp_path: Path, stub_screens: None) -> None:
    app = make_app(tmp_path, mine=MINE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")  # Core basics, bundled
        await pilot.pause()
        assert isinstance(app.screen, StubBuilder)
        bundled = tmp_path / "bundled" / "core-basics.toml"
        assert app.screen.args["routine"] == load_routine(bundled)
        assert app.screen.args["bundled"] is True
        app.screen.dismiss(None)
        await pilot.press("down", "down", "e")  # My evening, the user's
        await pilot.pause()
        assert isinstance(app.screen, StubBuilder)
        assert app.screen.args["bundled"] is False
        assert app.screen.args["routine"].name == "My evening"


async def test_run_opens_the_runner_with_the_routine_library_and_clock(tmp_path: Path, stub_screens: None) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")  # Gentle morning
        await skip_checkin(pilot)
        assert isinstance(app.screen, StubRunner)
        assert app.screen.listener is not None  # the history recorder hears the session
        path = tmp_path / "bundled" / "gentle-morning.toml"
        assert app.screen.args == {
            "routine": load_routine(path),
            "library": app.library,
            "clock": app.clock,
            "path": path,
        }
        app.screen.dismiss(None)
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_backtui_run_file_leaves_the_app_when_the_runner_closes(tmp_path: Path, stub_screens: None) -> None:
    make_app(tmp_path)
    path = tmp_path / "bundled" / "core-basics.toml"
    app = make_app(tmp_path, start="run", path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await skip_checkin(pilot)
        assert isinstance(app.screen, StubRunner)
        app.screen.dismiss(None)
        await pilot.pause()
    assert app.return_value == 0


async def test_backtui_build_new_file_opens_an_empty_builder_on_that_path(tmp_path: Path, stub_screens: None) -> None:
    path = tmp_path / "new-one.toml"
    app = make_app(tmp_path, start="build", path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StubBuilder)
        assert app.screen.args["routine"] is None and app.screen.args["path"] == path


async def test_backtui_run_broken_file_shows_the_error_and_exits_1_on_escape(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN, encoding="utf-8")
    app = make_app(tmp_path, start="run", path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        assert str(app.screen.query_one("#error-message", Static).render()).startswith("broken.toml: steps[0].reps")
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value == 1


async def test_a_screen_that_cannot_be_imported_is_reported_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "backtui.tui.screens.runner", None)  # import fails
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert any("The runner can't be opened" in n.message for n in app._notifications)


@pytest.mark.parametrize("blink", [True, False])
async def test_cursor_blink_setting_reaches_focused_text_inputs(tmp_path: Path, blink: bool) -> None:
    app = make_app(tmp_path)
    app.cursor_blink = blink  # make_app turns it off for screenshots
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")  # the command palette's search box takes focus
        await pilot.pause()
        assert app.focused is not None and hasattr(app.focused, "cursor_blink")
        assert app.focused.cursor_blink is blink


async def test_strict_plugin_loading_failure_is_shown_and_the_app_keeps_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backtui.core import plugins

    def strict_failure(**_: object) -> None:
        raise plugins.PluginError("plugin 'wobbly' (backtui-wobbly 0.1.0): [b]boom[/b]")

    monkeypatch.setattr(plugins, "load", strict_failure)
    make_app(tmp_path)
    app = BacktuiApp(cursor_blink=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert [n.title for n in app._notifications] == ["Plugins could not be loaded"]
        assert "[b]boom[/b]" in str(app.screen.query_one("Toast", Static).render())
        assert app.screen.query_one("#dash-banner").display
        await pilot.press("P")
        await pilot.pause()
        assert "Loading stopped: plugin 'wobbly'" in str(app.screen.query_one("#plugins-error", Static).render())


async def test_an_unknown_name_in_backtui_load_plugins_is_shown_with_the_installed_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_app(tmp_path)
    monkeypatch.setenv("BACKTUI_LOAD_PLUGINS", "verywel")
    app = BacktuiApp(cursor_blink=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [n.title for n in app._notifications] == ["Unknown plugin names"]
        [note] = app._notifications
        assert "BACKTUI_LOAD_PLUGINS names 'verywel'" in note.message
        assert "did you mean 'verywell'?" in note.message


async def test_a_click_chooses_a_routine_and_a_second_click_runs_it(tmp_path: Path, stub_screens: None) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # Rows, under the list's top border: Bundled, Core basics (2 lines), Gentle morning (2 lines), ...
        await pilot.click("#routine-list", offset=(3, 4))
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.query_one("#detail-pane").border_title == "Gentle morning"
        await pilot.click("#routine-list", offset=(3, 4))
        await skip_checkin(pilot)
        assert isinstance(app.screen, StubRunner)
        assert app.screen.args["routine"].name == "Gentle morning"
