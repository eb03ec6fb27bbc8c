"""Session history and symptom check-ins, kept in SQLite (the standard library's ``sqlite3``).

The file is ``paths.history_db_path()``. The package, one idea a module:

* ``records``: the values (check-ins, steps, sessions) and how a session's status is told;
* ``schema``: the tables and the migrations between versions;
* ``store``: opening the file (read-only too), guarding it, migrating it;
* ``writes`` and ``queries``: recording sessions and reading them back;
* ``progress_queries`` and ``trend``: this week, the streak, pain over time;
* ``frequency``: the sources' advice on how often, against what was done;
* ``recorder``: a ``Session`` listener that records a run as it happens;
* ``opening``: ``open_history()``, which never raises; callers run with history off,
  saying why.
"""

from __future__ import annotations

from backtui.core.history.opening import Opened, open_history
from backtui.core.history.progress_queries import ProgressQueries
from backtui.core.history.queries import STALE_AFTER
from backtui.core.history.recorder import HistoryRecorder
from backtui.core.history.records import (
    AREAS,
    END_STATUSES,
    IN_PROGRESS,
    INTERRUPTED,
    STATUS_LABELS,
    STATUSES,
    CheckIn,
    Moment,
    PainPoint,
    SessionDetail,
    SessionRecord,
    StepRecord,
    StepStatus,
    WeekCounts,
    local_now,
    session_status,
    week_start,
)
from backtui.core.history.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from backtui.core.history.store import BUSY_TIMEOUT_S, HistoryUnavailable, read_only_reason
from backtui.core.history.trend import RISING_DAYS, RISING_WINDOW, PainTrend, pain_rising
from backtui.core.history.writes import SessionWriter


class History(SessionWriter, ProgressQueries):
    """The session history in one SQLite file. Open with ``History(path)`` or ``open_history()``.

    ``History(path, readonly=True)`` only reads. ``now`` gives the local, timezone-aware
    time (tests pass a fixed one). Every method raises ``HistoryUnavailable`` (never
    ``sqlite3.Error``) when the store fails.
    """

    def __enter__(self) -> History:
        return self


def last_routine_path(path: str | None = None) -> str | None:
    """The absolute path of the routine run last, from the history at ``path``; ``None`` if none or unreadable."""
    opened = open_history(path, readonly=True)
    if opened.history is None:
        return None
    try:
        return opened.history.last_routine_path()
    except HistoryUnavailable:
        return None
    finally:
        opened.history.close()


__all__ = [
    "APPLICATION_ID",
    "AREAS",
    "BUSY_TIMEOUT_S",
    "END_STATUSES",
    "INTERRUPTED",
    "IN_PROGRESS",
    "MIGRATIONS",
    "RISING_DAYS",
    "RISING_WINDOW",
    "SCHEMA_VERSION",
    "STALE_AFTER",
    "STATUSES",
    "STATUS_LABELS",
    "CheckIn",
    "History",
    "HistoryRecorder",
    "HistoryUnavailable",
    "Moment",
    "Opened",
    "PainPoint",
    "PainTrend",
    "SessionDetail",
    "SessionRecord",
    "StepRecord",
    "StepStatus",
    "WeekCounts",
    "last_routine_path",
    "local_now",
    "open_history",
    "pain_rising",
    "read_only_reason",
    "session_status",
    "week_start",
]
