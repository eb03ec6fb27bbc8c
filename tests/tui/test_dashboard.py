"""Journeys on the dashboard: choosing, duplicating, deleting, and the views it opens."""

from __future__ import annotations

import io
from pathlib import Path
from typing import cast

import pytest
from rich.console import Console
from textual.widgets import Input, OptionList, Static

from backtui.core import routine_index
from backtui.core.routine_files import load_routine
from backtui.core.tomlfile import DataError
from backtui.tui.app import BacktuiApp
from backtui.tui.screens.avoid import AvoidScreen
from backtui.tui.screens.confirm import ConfirmScreen
from backtui.tui.screens.dashboard import FIRST_ROUTINE, DashboardScreen
from backtui.tui.screens.error import ErrorScreen
from backtui.tui.screens.plugins import PluginsScreen
from backtui.tui.screens.routine_name import RoutineNameScreen

from .conftest import BROKEN, MINE, make_app


def routine_names(app: BacktuiApp) -> list[str]:
    option_list = app.screen.query_one("#routine-list", OptionList)
    return [str(option_list.get_option_at_index(i).prompt).split("\n")[0] for i in range(option_list.option_count)]


def plain(widget: Static) -> str:
    """The text a Static shows, whatever it holds (markup, Text, or a Rich Group)."""
    content = widget.content
    if isinstance(content, str):
        return str(widget.render())
    console = Console(width=300, file=io.StringIO(), record=True)
    console.print(content)
    return console.export_text()


def detail_text(app: BacktuiApp) -> str:
    return plain(app.screen.query_one("#detail", Static))


def notes_text(app: BacktuiApp) -> str:
    return plain(app.screen.query_one("#notes", Static))


async def test_lists_bundled_and_user_routines_with_steps_and_total_time(tmp_path: Path) -> None:
    app = make_app(tmp_path, mine=MINE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert routine_names(app) == ["Bundled", "Core basics", "Gentle morning", "Your routines", "My evening"]
        prompt = str(app.screen.query_one("#routine-list", OptionList).get_option_at_index(2).prompt)
        # 3 steps; 8:12 is the timeline's total for the fixed library (plan() is tested in the core).
        assert "3 steps · 8:12" in prompt


async def test_selected_routine_shows_steps_warnings_and_its_sources_safety_notes(tmp_path: Path) -> None:
    app = make_app(tmp_path, mine=MINE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down")  # My evening
        await pilot.pause()
        detail = detail_text(app)
        assert "Prone lying" in detail and "2 min" in detail
        assert "Sit-ups" in detail and "on the avoid list in Steady Core Guide" in detail
        assert "gone:hamstring-stretch" in detail and "not in the library" in detail
        notes = notes_text(app)
        assert "Stop any exercise that makes the pain worse." in notes  # calm's note: prone lying is calm's
        assert "Steady Core Guide" not in notes  # no step uses a steady exercise


async def test_empty_state_tells_a_new_user_to_create_a_routine(tmp_path: Path) -> None:
    app = make_app(tmp_path, bundled={}, mine={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert FIRST_ROUTINE in routine_names(app)
        assert "Press c to create your first one" in detail_text(app)
        assert not app.screen.query_one("#dash-banner").display


async def test_no_plugins_banner_points_to_the_plugins_view(tmp_path: Path) -> None:
    app = make_app(tmp_path, empty_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#dash-banner", Static)
        assert banner.display
        assert "Press P" in str(banner.render())


async def test_delete_asks_first_and_removes_the_file_only_after_yes(tmp_path: Path) -> None:
    app = make_app(tmp_path, mine=MINE)
    target = tmp_path / "home" / "routines" / "my-evening.toml"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert target.exists()
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not target.exists()
        assert "My evening" not in routine_names(app)
        assert FIRST_ROUTINE in routine_names(app)


async def test_bundled_routines_cannot_be_deleted(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    target = tmp_path / "bundled" / "core-basics.toml"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert target.exists()
        assert any("can't be deleted" in n.message for n in app._notifications)


async def test_duplicate_copies_into_the_users_folder_and_selects_the_copy(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "d")  # Gentle morning
        await pilot.pause()
        assert isinstance(app.screen, RoutineNameScreen)  # it asks for the copy's name
        assert app.screen.query_one(Input).value == "Gentle morning (copy)"
        await pilot.press("enter")
        await pilot.pause()
        copy = tmp_path / "home" / "routines" / "gentle-morning-copy.toml"
        assert copy.exists()
        original = load_routine(tmp_path / "bundled" / "gentle-morning.toml")
        duplicate = load_routine(copy)
        assert duplicate.name == "Gentle morning (copy)"
        assert duplicate.steps == original.steps
        assert app.screen.query_one("#detail-pane").border_title == "Gentle morning (copy)"
        await pilot.press("d", "enter")  # a second copy of the copy gets its own file
        await pilot.pause()
        assert (tmp_path / "home" / "routines" / "gentle-morning-copy-copy.toml").exists()


async def test_duplicate_refuses_an_empty_name_and_asks_before_reusing_one(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    routines = tmp_path / "home" / "routines"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "d")
        await pilot.pause()
        await pilot.press("ctrl+u", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RoutineNameScreen)
        assert "needs a name" in str(app.screen.query_one("#name-error", Static).content)
        for key in "Gentle morning":
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # that name is the bundled routine's
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RoutineNameScreen)
        assert not routines.exists() or not list(routines.iterdir())
        await pilot.press("enter", "y")
        await pilot.pause()
        assert load_routine(routines / "gentle-morning.toml").name == "Gentle morning"


async def test_broken_routine_is_listed_and_explained_on_selection(tmp_path: Path) -> None:
    app = make_app(tmp_path, mine={"broken.toml": BROKEN})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down")
        await pilot.pause()
        assert "broken.toml" in routine_names(app)[-1]
        expected = str(load_routine_error(Path("home/routines/broken.toml")))
        assert expected in detail_text(app)


def load_routine_error(path: Path) -> DataError:
    try:
        load_routine(path)
    except DataError as exc:
        return exc
    raise AssertionError(f"{path} loaded")


async def test_running_a_broken_routine_opens_the_error_view_with_the_validate_message(tmp_path: Path) -> None:
    app = make_app(tmp_path, mine={"broken.toml": BROKEN})
    broken = tmp_path / "home" / "routines" / "broken.toml"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "r")
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        message = str(app.screen.query_one("#error-message", Static).render())
        assert message == str(load_routine_error(Path("home/routines/broken.toml")))
        # Still broken: retrying shows the error again, in place of the old one.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        assert len(app.screen_stack) == 2  # dashboard, error view
        # Edit fails the same way; Esc returns to the dashboard.
        await pilot.press("escape", "e")
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        assert "Can't edit" in str(app.screen.query_one("#error-title", Static).render())
        broken.write_text(BROKEN.replace("reps = -2", "reps = 2"), encoding="utf-8")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "Broken" in routine_names(app)  # fixed on disk: listed by its name now


async def test_plugins_view_lists_every_record_with_its_error(tmp_path: Path) -> None:
    app = make_app(tmp_path, failing=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, PluginsScreen)
        cards = [str(card.render()) for card in app.screen.query(".plugin-card").results(Static)]
        assert len(cards) == 3
        assert "calm" in cards[0] and "backtui-calm 1.2.0" in cards[0] and "3 exercises" in cards[0]
        assert "/opt/plugins/backtui_calm" in cards[0]
        assert "1 to avoid" in cards[1]
        assert "failed to load" in cards[2] and "[bold]no such table[/bold]" in cards[2]
        assert "docs/plugins.md" in str(app.screen.query_one("#plugins-docs", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_avoid_list_shows_each_item_with_reason_and_source(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AvoidScreen)
        cards = [str(card.render()) for card in app.screen.query(".avoid-card").results(Static)]
        assert len(cards) == 1
        assert "Sit-ups" in cards[0]
        assert "Steady Core Guide" in cards[0]
        assert "pressure on the discs" in cards[0]


async def test_a_missing_exercise_says_whether_its_source_is_loaded(tmp_path: Path) -> None:
    routine = 'name = "Odd"\n\n[[steps]]\nexercise = "calm:handstand"\n\n[[steps]]\nexercise = "gone:stretch"\n'
    app = make_app(tmp_path, bundled={}, mine={"odd.toml": routine})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        detail = detail_text(app)
        assert "Calm Back Exercises has no exercise 'handstand'" in detail
        assert "is the 'gone' plugin installed?" in detail


async def spy_on_first_frame(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """What the dashboard lists on its first frame, recorded just before its after-first-frame work runs."""
    seen: dict[str, object] = {}
    original = DashboardScreen.after_first_frame

    async def spy(self: DashboardScreen) -> None:
        seen["names"] = routine_names(self.backtui)
        seen["from_summary"] = self.listed_from_summary
        await original(self)

    monkeypatch.setattr(DashboardScreen, "after_first_frame", spy)
    return seen


async def test_a_second_start_lists_the_routines_from_the_summary_then_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_app(tmp_path, mine=MINE)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        expected = routine_names(first)
    seen = await spy_on_first_frame(monkeypatch)
    second = make_app(tmp_path, bundled={}, mine={})  # the same files, untouched
    async with second.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert seen == {"names": expected, "from_summary": True}
        assert routine_names(second) == expected
        assert not second.screen.listed_from_summary  # read in full once the first frame was up
        assert "Prone lying" in detail_text(second)  # the steps, which the summary doesn't hold
        await pilot.press("down", "d", "enter")  # duplicating needs the whole routine
        await pilot.pause()
        assert (tmp_path / "home" / "routines" / "gentle-morning-copy.toml").exists()


async def test_a_routine_edited_between_starts_shows_as_it_is_now_on_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with make_app(tmp_path, mine=MINE).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    evening = tmp_path / "home" / "routines" / "my-evening.toml"
    evening.write_text(evening.read_text(encoding="utf-8").replace("My evening", "My late evening"), encoding="utf-8")
    seen = await spy_on_first_frame(monkeypatch)
    app = make_app(tmp_path, bundled={}, mine={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert seen["from_summary"] is False
        assert "My late evening" in cast("list[str]", seen["names"])


async def test_a_summary_out_of_date_in_a_way_file_times_miss_is_corrected_right_after_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with make_app(tmp_path, mine=MINE).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    # Say a newer backtui checks files differently: the files haven't changed, what they mean has.
    now = routine_index.state(tmp_path / "bundled", tmp_path / "home" / "routines")
    saved = routine_index.read(now)
    assert saved is not None
    routine_index.write([s._replace(name="Stale name") if s.name == "My evening" else s for s in saved], now)
    seen = await spy_on_first_frame(monkeypatch)
    app = make_app(tmp_path, bundled={}, mine={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Stale name" in cast("list[str]", seen["names"])
        assert "My evening" in routine_names(app) and "Stale name" not in routine_names(app)
    assert "Stale name" not in [s.name for s in routine_index.read(now) or []]  # and saved corrected
