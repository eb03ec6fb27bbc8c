"""The dashboard offers one step up within the article's range after three sessions that went well."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from textual.app import App

from backtui.core import paths, progression
from backtui.core.history import CheckIn, History
from backtui.core.library import Library
from backtui.core.model import Dosage, Exercise, Source
from backtui.core.plugins import PluginRecord
from backtui.core.routine_files import load_routine
from backtui.tui.widgets.key_bar import KeyBar
from backtui.tui.widgets.progression_offer import ProgressionOffer

from .conftest import make_app

CURL = Exercise(
    id="calm:cat-curl",
    name="Cat curl",
    category="strengthen",
    position="quadruped",
    steps=("Sag, then round.",),
    dosage=Dosage(reps=10, hold_s=5, sets=1, sets_range=(1, 3), advice="Work up to doing 3 sets."),
)
LIBRARY = Library([PluginRecord(name="calm", source=Source(id="calm", title="Calm"), exercises=(CURL,))])
MINE = {"mine.toml": 'name = "Mine"\n\n[[steps]]\nexercise = "calm:cat-curl"\n'}


def keys_shown(app: App[object]) -> set[str]:
    """The actions of the keys on the dashboard's key bar."""
    return {key.action for key in app.screen.query_one(KeyBar)._keys().keys}


def good_sessions(path: Path, count: int = 3) -> None:
    history = History(paths.history_db_path())
    start = datetime(2026, 3, 2, 8, 0).astimezone()
    for n in range(count):
        at = start + timedelta(days=n)
        sid = history.start_session("Mine", str(path), started_at=at)
        history.record_step(sid, 0, "Cat curl", "calm:cat-curl", "completed", at=at)  # a session with a step done
        history.add_checkin(sid, "before", CheckIn(4), at=at)
        history.add_checkin(sid, "after", CheckIn(3), at=at)
        history.finish_session(sid, "complete", elapsed_s=300, ended_at=at + timedelta(minutes=5))
    history.close()


async def test_taking_the_offer_rewrites_the_routine_and_it_goes(tmp_path: Path) -> None:
    app = make_app(tmp_path, bundled={}, mine=MINE, library=LIBRARY)
    path = paths.user_routines_dir() / "mine.toml"
    good_sessions(path)
    async with app.run_test(size=(100, 34), notifications=True) as pilot:
        await pilot.pause()
        offer = app.screen.query_one(ProgressionOffer)
        text = str(offer.query_one("#progress-text").content)  # type: ignore[attr-defined]
        assert "Cat curl: 2 sets instead of 1 (the article's range goes up to 3)" in text
        assert "\u201cWork up to doing 3 sets.\u201d" in text
        await pilot.click("#progress-accept")
        await pilot.pause()
        assert load_routine(path).steps[0].sets == 2
        assert not app.screen.query(ProgressionOffer)
        assert len(progression.answered()) == 1


async def test_dismissing_the_offer_keeps_the_file_and_is_remembered(tmp_path: Path) -> None:
    app = make_app(tmp_path, bundled={}, mine=MINE, library=LIBRARY)
    path = paths.user_routines_dir() / "mine.toml"
    good_sessions(path)
    before = path.read_text()
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        await pilot.click("#progress-dismiss")
        await pilot.pause()
        assert path.read_text() == before
        assert not app.screen.query(ProgressionOffer)
    again = make_app(tmp_path / "again", bundled={}, mine=MINE, library=LIBRARY)
    async with again.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert not again.screen.query(ProgressionOffer)


async def test_g_goes_to_the_offer_and_enter_takes_it(tmp_path: Path) -> None:
    app = make_app(tmp_path, bundled={}, mine=MINE, library=LIBRARY)
    path = paths.user_routines_dir() / "mine.toml"
    good_sessions(path)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert "step_up" in keys_shown(app)
        await pilot.press("g")
        assert app.focused is not None and app.focused.id == "progress-accept"
        await pilot.press("enter")  # takes it; Enter does not start the routine
        await pilot.pause()
        assert load_routine(path).steps[0].sets == 2
        assert app.screen is not None and not app.screen.query(ProgressionOffer)
        assert "step_up" not in keys_shown(app)


async def test_no_offer_without_three_good_sessions(tmp_path: Path) -> None:
    app = make_app(tmp_path, bundled={}, mine=MINE, library=LIBRARY)
    good_sessions(paths.user_routines_dir() / "mine.toml", count=2)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert not app.screen.query(ProgressionOffer)
        assert "step_up" not in keys_shown(app)
