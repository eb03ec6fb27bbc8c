"""Recording a run as it happens: a ``Session`` listener that writes to the history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backtui.core.history.records import END_STATUSES, CheckIn, Moment
from backtui.core.history.store import HistoryUnavailable

if TYPE_CHECKING:
    from backtui.core.history import History


@dataclass
class HistoryRecorder:
    """Writes a running session to the history, as a ``Session`` listener.

    ``Session(..., listener=recorder)`` sends it ``PhaseStarted``, ``StepCompleted``,
    ``StepSkipped`` and ``SessionEnded``; they are matched by class name and read by
    attribute, so the core session module is not imported here. The session row is
    written at the first event (or by ``begin()``, which the before check-in calls).

    A failing store never stops the run: the recorder switches itself off, keeps the
    one-line reason in ``error`` and calls ``on_error`` once.
    """

    history: History | None
    routine: Any  # backtui.core.routine.Routine (anything with .name and .steps)
    path: Path | str = ""
    planned_s: int = 0
    on_error: Callable[[str], None] | None = None
    session_id: int | None = field(default=None, init=False)
    error: str = field(default="", init=False)
    ended: bool = field(default=False, init=False)
    _snapshot: list[dict[str, Any]] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._snapshot = [_step_builtins(s) for s in getattr(self.routine, "steps", ())]

    @property
    def active(self) -> bool:
        """Whether the run is being recorded: a store that is open for writing and has not failed."""
        return self.history is not None and not self.history.readonly and not self.error

    def _fail(self, exc: HistoryUnavailable) -> None:
        self.error = str(exc)
        if self.on_error is not None:
            self.on_error(self.error)

    def begin(self) -> int | None:
        """Write the session row now (idempotent); returns its id, or ``None`` with history off."""
        if self.session_id is not None or not self.active:
            return self.session_id
        assert self.history is not None
        try:
            self.session_id = self.history.start_session(
                str(getattr(self.routine, "name", "")), str(self.path), self._snapshot, planned_s=self.planned_s
            )
        except HistoryUnavailable as exc:
            self._fail(exc)
        return self.session_id

    def checkin(self, moment: Moment, checkin: CheckIn | None) -> None:
        """Keep a before or after check-in; ``None`` (skipped) records nothing."""
        if checkin is None or self.begin() is None or not self.active:
            return
        assert self.history is not None and self.session_id is not None
        try:
            self.history.add_checkin(self.session_id, moment, checkin)
        except HistoryUnavailable as exc:
            self._fail(exc)

    def __call__(self, event: object) -> None:
        kind = type(event).__name__
        if kind not in ("PhaseStarted", "StepCompleted", "StepSkipped", "SessionEnded"):
            return
        if self.ended or self.begin() is None or not self.active:
            return
        assert self.history is not None and self.session_id is not None
        try:
            if kind in ("StepCompleted", "StepSkipped"):
                self.history.record_step(
                    self.session_id,
                    int(getattr(event, "step", 0)),
                    str(getattr(event, "name", "")),
                    getattr(event, "exercise", None),
                    "completed" if kind == "StepCompleted" else "skipped",
                )
            elif kind == "SessionEnded":
                summary = getattr(event, "summary", None)
                status = str(getattr(event, "status", getattr(summary, "status", "quit")))
                self.history.finish_session(
                    self.session_id,
                    status if status in END_STATUSES else "quit",
                    elapsed_s=getattr(summary, "elapsed_s", None),
                    planned_s=getattr(summary, "total_planned_s", None),
                )
                self.ended = True
        except HistoryUnavailable as exc:
            self._fail(exc)


def _step_builtins(step: Any) -> dict[str, Any]:
    if isinstance(step, dict):
        return dict(step)
    try:
        import msgspec

        data = msgspec.to_builtins(step)
        return data if isinstance(data, dict) else {"value": data}
    except TypeError:
        return {"name": str(step)}
