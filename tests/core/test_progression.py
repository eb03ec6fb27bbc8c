"""Progression suggestions: only after sessions that went well, one step, never past the article's range."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from backtui.core import atomic, progression
from backtui.core.history import CheckIn, History, open_history
from backtui.core.library import Library, load_library
from backtui.core.progression import Suggestion, accept, gone_well, of_routine, suggest
from backtui.core.routine import Routine, Step
from backtui.core.routine_files import load_routine, save_routine

START = datetime(2026, 3, 2, 8, 0).astimezone()


@pytest.fixture(scope="module")
def bundled() -> Library:
    return load_library()


@pytest.fixture
def history(tmp_path: Path) -> History:
    opened = open_history(tmp_path / "history.sqlite3")
    assert opened.history is not None, opened.error
    return opened.history


def record(history: History, path: Path, pains: list[tuple[int | None, int | None, str]]) -> None:
    """One session per (pain before, pain after, end status), a day apart, oldest first."""
    for n, (before, after, status) in enumerate(pains):
        at = START + timedelta(days=n)
        sid = history.start_session("Cat curl", str(path), started_at=at)
        # The one step done: a session with no exercise done reads as skipped, whatever its end.
        done_at = at + timedelta(minutes=5)
        history.record_step(sid, 0, "Cat Curl", "health-inspiration:cat-curl", "completed", at=done_at)
        if before is not None:
            history.add_checkin(sid, "before", CheckIn(before), at=at)
        if after is not None:
            history.add_checkin(sid, "after", CheckIn(after), at=at + timedelta(minutes=10))
        history.finish_session(sid, status, elapsed_s=600, ended_at=at + timedelta(minutes=9))


def routine_file(tmp_path: Path, **step: object) -> Path:
    path = tmp_path / "mine.toml"
    save_routine(Routine(name="Mine", steps=[Step(exercise="health-inspiration:cat-curl", **step)]), path)  # type: ignore[arg-type]
    return path


def offer(history: History, path: Path, library: Library, answered: tuple[str, ...] = ()) -> Suggestion | None:
    sessions = of_routine(history.sessions(newest_first=True), path)
    return suggest(load_routine(path), library, str(path), sessions, answered)


def test_three_sessions_without_rising_pain_suggest_another_set_quoting_the_article(
    tmp_path: Path, history: History, bundled: Library
) -> None:
    path = routine_file(tmp_path)
    record(history, path, [(4, 3, "complete"), (3, 3, "complete"), (3, 2, "complete")])
    found = offer(history, path, bundled)
    assert found is not None
    assert (found.field, found.current, found.proposed, found.upper) == ("sets", 1, 2, 3)
    assert found.describe() == (
        "Cat Curl: 2 sets instead of 1 (the article's range goes up to 3). "
        "The article: \u201cRepeat this 10 times. Work up to doing 3 sets.\u201d"
    )


def test_two_good_sessions_are_not_enough(tmp_path: Path, history: History, bundled: Library) -> None:
    path = routine_file(tmp_path)
    record(history, path, [(4, 3, "complete"), (3, 3, "complete")])
    assert offer(history, path, bundled) is None


def test_no_suggestion_when_pain_rose_after_one_of_three(tmp_path: Path, history: History, bundled: Library) -> None:
    path = routine_file(tmp_path)
    record(history, path, [(2, 2, "complete"), (2, 4, "complete"), (2, 2, "complete"), (2, 1, "complete")])
    assert offer(history, path, bundled) is None


def test_no_suggestion_after_a_this_hurts_stop(tmp_path: Path, history: History, bundled: Library) -> None:
    path = routine_file(tmp_path)
    record(history, path, [(3, 2, "complete"), (3, 2, "complete"), (3, 2, "complete"), (3, None, "pain")])
    assert offer(history, path, bundled) is None


def test_sessions_of_another_routine_do_not_count(tmp_path: Path, history: History, bundled: Library) -> None:
    path = routine_file(tmp_path)
    record(history, tmp_path / "other.toml", [(3, 2, "complete")] * 3)
    assert offer(history, path, bundled) is None


def test_a_quit_session_with_rising_pain_also_stops_suggestions(
    tmp_path: Path, history: History, bundled: Library
) -> None:
    path = routine_file(tmp_path)
    record(history, path, [(3, 2, "complete"), (3, 2, "complete"), (2, 5, "quit"), (3, 2, "complete")])
    assert offer(history, path, bundled) is None


def test_a_quit_session_is_neither_good_nor_bad(tmp_path: Path, history: History, bundled: Library) -> None:
    path = routine_file(tmp_path)
    record(history, path, [(3, 2, "complete"), (3, 2, "complete"), (3, 3, "quit"), (3, 2, "complete")])
    assert offer(history, path, bundled) is not None


def test_missing_check_ins_mean_no_suggestion() -> None:
    class S:
        id, status, stopped_for_pain, before, after = 1, "complete", False, CheckIn(2), None

    assert not gone_well([S(), S(), S()])


def test_never_past_the_upper_end(tmp_path: Path, history: History, bundled: Library) -> None:
    path = routine_file(tmp_path, sets=3)
    record(history, path, [(3, 2, "complete")] * 3)
    assert offer(history, path, bundled) is None


def test_a_hold_grows_in_small_steps_and_stops_at_the_range(bundled: Library) -> None:
    plank = Routine(name="p", steps=[Step(exercise="health-inspiration:side-plank", hold_s=58)])
    (found,) = progression.candidates(plank, bundled, "p.toml")
    assert (found.field, found.current, found.proposed) == ("hold_s", 58, 60)
    press = Routine(name="p", steps=[Step(exercise="health-inspiration:back-extension", stage="press-ups")])
    (found,) = progression.candidates(press, bundled, "p.toml")
    assert (found.field, found.current, found.proposed, found.upper) == ("hold_s", 1, 2, 10)
    assert "10 seconds" in found.advice
    # The lead-in has no range in the article: nothing to suggest.
    lead = Routine(name="p", steps=[Step(exercise="health-inspiration:back-extension", stage="lead-in")])
    assert progression.candidates(lead, bundled, "p.toml") == []


def test_a_dismissed_suggestion_is_not_made_again(tmp_path: Path, history: History, bundled: Library) -> None:
    path = routine_file(tmp_path)
    record(history, path, [(3, 2, "complete")] * 3)
    found = offer(history, path, bundled)
    assert found is not None
    progression.remember(found)
    assert progression.answered() == (found.answer,)
    assert offer(history, path, bundled, progression.answered()) is None


def test_after_an_answer_the_next_suggestion_waits_for_three_new_good_sessions(
    tmp_path: Path, history: History, bundled: Library
) -> None:
    path = routine_file(tmp_path)
    record(history, path, [(3, 2, "complete")] * 3)
    found = offer(history, path, bundled)
    assert found is not None
    accept(found, path)
    progression.remember(found)
    assert offer(history, path, bundled, progression.answered()) is None
    record(history, path, [(3, 2, "complete")] * 3)
    again = offer(history, path, bundled, progression.answered())
    assert again is not None and (again.current, again.proposed) == (2, 3)


def test_accepting_rewrites_the_routine_file_atomically(
    tmp_path: Path, history: History, bundled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = routine_file(tmp_path, note="Slowly.")
    record(history, path, [(3, 2, "complete")] * 3)
    found = offer(history, path, bundled)
    assert found is not None
    writes: list[Path] = []
    real = atomic.write_text_atomic

    def spy(target: Path, text: str) -> None:
        writes.append(Path(target))
        real(target, text)

    monkeypatch.setattr("backtui.core.routine_files.write_text_atomic", spy)
    assert accept(found, path) == path
    assert writes == [path]
    step = load_routine(path).steps[0]
    assert (step.sets, step.note) == (2, "Slowly.")
    # The next offer, after three more good sessions, is the third set; then nothing.
    assert progression.candidates(load_routine(path), bundled, str(path))[0].proposed == 3


def test_accepting_a_stale_suggestion_changes_nothing(tmp_path: Path, bundled: Library) -> None:
    path = routine_file(tmp_path)
    found = progression.candidates(load_routine(path), bundled, str(path))[0]
    save_routine(Routine(name="Mine", steps=[Step(exercise="health-inspiration:pelvic-tilt")]), path)
    before = path.read_text()
    with pytest.raises(progression.StaleSuggestion):
        accept(found, path)
    assert path.read_text() == before
