"""The recorder turns a running session's events into history rows as they happen."""

from __future__ import annotations

from pathlib import Path

from history_helpers import PhaseStarted, SessionEnded, StepCompleted, StepSkipped, summary

from backtui.core.history import CheckIn, History, HistoryRecorder
from backtui.core.routine import Routine, Step

ROUTINE = Routine(
    name="Morning",
    steps=[Step(exercise="verywell:prone-lying", duration_s=60), Step(name="Walk", duration_s=300)],
)


def test_each_event_is_in_the_database_as_soon_as_it_happens(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    recorder = HistoryRecorder(History(path), ROUTINE, "/routines/morning.toml", planned_s=400)
    reader = History(path)  # a second connection sees each commit at once
    recorder.checkin("before", CheckIn(5, ("buttock", "thigh"), "woke up stiff"))
    assert recorder.session_id is not None
    sid = recorder.session_id
    recorder(PhaseStarted(phase=object(), index=0))  # type: ignore[arg-type]
    recorder(StepCompleted(0, "Prone lying", "verywell:prone-lying"))
    detail = reader.session(sid)
    assert detail is not None
    assert (detail.session.status, detail.session.completed, detail.session.routine_name) == (
        "in-progress",
        1,
        "Morning",
    )
    assert detail.session.before == CheckIn(5, ("buttock", "thigh"), "woke up stiff")
    assert detail.snapshot == (
        {"exercise": "verywell:prone-lying", "duration_s": 60},
        {"name": "Walk", "duration_s": 300},
    )
    recorder(StepSkipped(1, "Walk", None))
    recorder(SessionEnded("pain", summary(1, 1, 95.4, 400, "pain")))
    recorder.checkin("after", CheckIn(6, ("lower back",)))
    recorder(StepCompleted(5, "late event after the end", None))  # ignored
    s = reader.sessions()[0]
    assert (s.status, s.stopped_for_pain, s.completed, s.skipped, s.elapsed_s, s.planned_s) == (
        "pain",
        True,
        1,
        1,
        95,
        400,
    )
    assert s.routine_path == "/routines/morning.toml"
    assert s.after == CheckIn(6, ("lower back",))


def test_skipped_check_ins_record_nothing_and_the_session_starts_with_its_first_event(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    recorder = HistoryRecorder(History(path), ROUTINE, "")
    recorder.checkin("before", None)
    assert recorder.session_id is None
    recorder(StepCompleted(0, "Prone lying", "verywell:prone-lying"))
    recorder(SessionEnded("complete", summary(1, 0, 60, 60, "complete")))
    s = History(path).sessions()[0]
    assert (s.status, s.before, s.after, s.completed) == ("complete", None, None, 1)


def test_with_history_off_the_recorder_does_nothing() -> None:
    recorder = HistoryRecorder(None, ROUTINE, "")
    recorder.checkin("before", CheckIn(3))
    recorder(StepCompleted(0, "Prone lying", "verywell:prone-lying"))
    assert recorder.session_id is None and not recorder.active
