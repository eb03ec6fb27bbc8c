"""Cues: what the runner announces, and the threads that hand it to cue plugins.

A ``Cue`` is one announcement: a phase starting (its kind, exercise, set, rep, side
and length), one second of the count-in over the last three seconds of a hold or
work phase, or the end of the routine. ``CueFollower`` turns a session's events and
its clock into cues; the runner calls ``follow()`` after every tick and command.

``CueDispatcher`` delivers cues to every plugin that implements ``backtui_cue``.
Each plugin has its own worker thread and a small queue, so ``send()`` never
waits: a plugin that is slow, hangs or raises delays neither the countdown nor
the other plugins. While a plugin is busy its queue keeps only the newest few
cues, and when it gets to them it skips any that a later phase cue has made
stale or that waited longer than ``stale_s``: a count of "3" spoken after the
next phase began would only confuse. A plugin that raises (or raises
``CueUnavailable``) gets no more cues in this run, and one that has not returned
for ``slow_s`` is reported once (noticed when the next cue is sent, so nothing has to
poll); ``on_problem`` is called, from whichever thread noticed, when there is a new
report, and ``take_problems()`` hands the reports to the UI thread. No Textual here.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from backtui.core.session import WORK_KINDS, PhaseStarted, SessionEnded, SessionEvent
from backtui.core.settings import CueSettings
from backtui.core.timeline import Phase

if TYPE_CHECKING:
    from backtui.core.plugins import PluginRecord
    from backtui.core.session import Session

CueKind = Literal["phase", "count", "end"]

#: The count-in covers this many seconds at the end of each hold and work phase.
COUNT_IN = 3


class CueUnavailable(Exception):
    """Raised by a cue plugin that can't announce anything here (no speech engine, no device).

    The message says what to install or change. The host reports it once, as a
    notice rather than a failure, and sends the plugin no more cues in that run.
    """


@dataclass(frozen=True)
class Cue:
    """One announcement. ``text`` is a short sentence to speak or show.

    ``kind`` is ``"phase"`` (a phase starts), ``"count"`` (``count`` seconds are left
    in a hold or work phase) or ``"end"`` (the routine ended; ``status`` is
    ``complete``, ``quit`` or ``pain``). ``phase`` is the phase's kind (``prepare``,
    ``work``, ``hold``, ``release``, ``rest``, ``switch``, ``transition``, ``done``),
    ``label`` its heading (``HOLD``), ``index`` its position in the timeline and
    ``at_s`` the planned moment of the cue, in seconds from the start.
    """

    kind: CueKind
    phase: str
    label: str
    name: str
    exercise: str | None
    duration_s: int
    index: int
    at_s: float
    text: str
    set: int | None = None
    sets: int | None = None
    rep: int | None = None
    reps: int | None = None
    side: str | None = None
    count: int | None = None
    status: str = ""


def _seconds(n: int) -> str:
    if n % 60 == 0 and n >= 60:
        minutes = n // 60
        return f"{minutes} minute" + ("s" if minutes != 1 else "")
    return f"{n} second" + ("s" if n != 1 else "")


def phase_text(phase: Phase) -> str:
    """What a voice says when ``phase`` starts: ``"Hold, 5 seconds. Rep 2 of 10, left side."``."""
    head = f"{phase.label.capitalize()}, {_seconds(phase.duration_s)}."
    if phase.kind in ("prepare", "transition"):
        return f"{head} {phase.name}."
    bits = []
    if phase.kind == "switch" and phase.side:
        return f"Switch sides, {_seconds(phase.duration_s)}. Then the {phase.side} side."
    if phase.rep is not None and phase.reps is not None and phase.kind in WORK_KINDS:
        bits.append(f"Rep {phase.rep} of {phase.reps}")
    elif phase.kind == "rest" and phase.set is not None and phase.sets is not None:
        bits.append(f"Then set {phase.set + 1} of {phase.sets}")
    elif phase.kind in WORK_KINDS and phase.set is not None and phase.sets and phase.sets > 1:
        bits.append(f"Set {phase.set} of {phase.sets}")
    if phase.side and phase.kind in WORK_KINDS:
        bits.append(f"{phase.side} side")
    return f"{head} {', '.join(bits)}." if bits else head


def _from_phase(phase: Phase, index: int, kind: CueKind, at_s: float, text: str) -> Cue:
    return Cue(
        kind=kind,
        phase=phase.kind,
        label=phase.label,
        name=phase.name,
        exercise=phase.exercise,
        duration_s=phase.duration_s,
        index=index,
        at_s=at_s,
        text=text,
        set=phase.set,
        sets=phase.sets,
        rep=phase.rep,
        reps=phase.reps,
        side=phase.side,
    )


def phase_cue(phase: Phase, index: int) -> Cue:
    return _from_phase(phase, index, "phase", float(phase.start_s), phase_text(phase))


def count_cue(phase: Phase, index: int, count: int) -> Cue:
    return replace(_from_phase(phase, index, "count", float(phase.end_s - count), str(count)), count=count)


def end_cue(phase: Phase, index: int, status: str) -> Cue:
    text = {"complete": "Routine complete. Well done.", "pain": "Stopped."}.get(status, "Routine stopped.")
    return replace(_from_phase(phase, index, "end", float(phase.start_s), text), status=status)


def expected_cues(phases: Sequence[Phase]) -> list[Cue]:
    """Every cue a routine run start to finish without pauses or skips gives, in order."""
    cues: list[Cue] = []
    for index, phase in enumerate(phases):
        if phase.kind == "done":
            cues.append(end_cue(phase, index, "complete"))
            continue
        cues.append(phase_cue(phase, index))
        if phase.kind in WORK_KINDS:
            cues += [count_cue(phase, index, n) for n in range(COUNT_IN, 0, -1) if n < phase.duration_s]
    return cues


class CueFollower:
    """Turns one run's session events and clock into cues for ``send``.

    Call ``follow(session, events)`` after every ``session`` call (tick or command)
    with the events it returned. A count-in second is sent when the countdown shows
    it while running; seconds that a stall skipped over are not sent late.
    ``muted`` stops everything.
    """

    def __init__(self, send: Callable[[Cue], None], *, muted: bool = False) -> None:
        self.send = send
        self.muted = muted
        self._serial = 0  # counts phase starts, so a restarted phase counts in again
        self._counted: tuple[int, int] | None = None

    def follow(self, session: Session, events: Iterable[SessionEvent]) -> None:
        for event in events:
            if isinstance(event, PhaseStarted):
                self._serial += 1
                self._counted = None
                if event.phase.kind != "done":
                    self._emit(phase_cue(event.phase, event.index))
            elif isinstance(event, SessionEnded):
                self._emit(end_cue(session.phase, session.index, event.status))
        phase = session.phase
        if not session.running or phase.kind not in WORK_KINDS:
            return
        left = session.remaining_whole_s
        if 1 <= left <= COUNT_IN and left < phase.duration_s and self._counted != (self._serial, left):
            self._counted = (self._serial, left)
            self._emit(count_cue(phase, session.index, left))

    def _emit(self, cue: Cue) -> None:
        if not self.muted:
            self.send(cue)


@dataclass(frozen=True)
class CueProblem:
    """A cue plugin stopped or stalled. ``notice`` is True for ``CueUnavailable`` (nothing broke)."""

    plugin: str
    message: str
    notice: bool = False

    def describe(self) -> str:
        return f"cue plugin {self.plugin!r}: {self.message}"


def _where(exc: BaseException) -> str:
    import traceback
    from pathlib import Path

    frames = traceback.extract_tb(exc.__traceback__)
    return f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""


class _Channel:
    """One plugin's queue and worker thread."""

    def __init__(self, dispatcher: CueDispatcher, name: str, hook: Callable[..., object], size: int) -> None:
        self.dispatcher = dispatcher
        self.name = name
        self.hook = hook
        self.pending: deque[tuple[float, Cue]] = deque(maxlen=size)
        self.wake = threading.Condition()
        self.busy_since: float | None = None
        self.stopped = False  # failed, unavailable, or closed: no more cues
        self.slow_reported = False
        self.thread = threading.Thread(target=self._run, name=f"backtui-cue-{name}", daemon=True)
        self.thread.start()

    def put(self, cue: Cue) -> None:
        with self.wake:
            if self.stopped:
                return
            self.pending.append((time.monotonic(), cue))
            self.wake.notify()

    def idle(self) -> bool:
        with self.wake:
            return self.stopped or (not self.pending and self.busy_since is None)

    def _next(self) -> Cue | None:
        """The next cue worth announcing, or None once stopped. Called with ``wake`` held."""
        while True:
            while not self.pending and not self.stopped:
                self.wake.wait()
            if self.stopped:
                return None
            # A phase or end cue makes everything queued before it stale.
            items = list(self.pending)
            latest = max((i for i, (_, c) in enumerate(items) if c.kind != "count"), default=0)
            for _ in range(latest):
                self.pending.popleft()
            queued_at, cue = self.pending.popleft()
            if time.monotonic() - queued_at <= self.dispatcher.stale_s:
                return cue

    def _run(self) -> None:
        while True:
            with self.wake:
                cue = self._next()
                if cue is None:
                    return
                self.busy_since = time.monotonic()
            problem: CueProblem | None = None
            try:
                self.hook(cue=cue, settings=self.dispatcher.settings)
            except CueUnavailable as exc:
                problem = CueProblem(self.name, " ".join(str(exc).split()) or "not available here", notice=True)
            except BaseException as exc:  # a plugin must never take the host down
                text = " ".join(str(exc).split())
                kind = type(exc).__name__
                problem = CueProblem(
                    self.name, f"backtui_cue() raised {kind}{': ' + text if text else ''}{_where(exc)}"
                )
            with self.wake:
                self.busy_since = None
                if problem is not None:
                    self.stopped = True
                    self.pending.clear()
            if problem is not None:
                self.dispatcher._report(problem)
                return


class CueDispatcher:
    """Hands cues to every loaded cue plugin, each on its own worker thread.

    ``sent`` records every cue given to ``send`` (newest ``keep`` of them), in order.
    """

    def __init__(
        self,
        records: Iterable[PluginRecord],
        settings: CueSettings | None = None,
        *,
        queue_size: int = 4,
        stale_s: float = 2.0,
        slow_s: float = 5.0,
        keep: int = 10_000,
        on_problem: Callable[[], None] | None = None,
    ) -> None:
        self.settings = settings or CueSettings()
        self.on_problem = on_problem
        self.stale_s = stale_s
        self.slow_s = slow_s
        self.sent: deque[Cue] = deque(maxlen=keep)
        self._lock = threading.Lock()
        self._problems: list[CueProblem] = []
        self.problems: dict[str, CueProblem] = {}  # every problem so far, by plugin name
        self._channels = [
            _Channel(self, r.name, r.cue_hook, queue_size) for r in records if r.ok and r.cue_hook is not None
        ]

    @property
    def plugins(self) -> list[str]:
        return [c.name for c in self._channels]

    def send(self, cue: Cue) -> None:
        """Queue ``cue`` for every plugin. Never blocks on a plugin."""
        self.sent.append(cue)
        self._check_stalls()
        for channel in self._channels:
            channel.put(cue)

    def take_problems(self) -> list[CueProblem]:
        """Problems not yet taken (a plugin that raised, is unavailable, or has stalled), oldest first."""
        self._check_stalls()
        with self._lock:
            taken, self._problems = self._problems, []
        return taken

    def _check_stalls(self) -> None:
        """Report, once, each plugin that has been inside ``backtui_cue`` for over ``slow_s``."""
        now = time.monotonic()
        for channel in self._channels:
            since = channel.busy_since
            if since is not None and not channel.slow_reported and now - since > self.slow_s:
                channel.slow_reported = True
                self._report(
                    CueProblem(
                        channel.name,
                        f"backtui_cue() has not returned for more than {self.slow_s:g} s; "
                        "its cues are dropped while it is busy",
                    )
                )

    def _report(self, problem: CueProblem) -> None:
        with self._lock:
            self._problems.append(problem)
            self.problems.setdefault(problem.plugin, problem)
        if self.on_problem is not None:
            self.on_problem()

    def wait_idle(self, timeout: float = 10.0, *, skip: Iterable[str] = ()) -> bool:
        """Wait until every plugin (but those in ``skip``) has handled its queue; False on timeout. For tests."""
        skipped = set(skip)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(c.idle() for c in self._channels if c.name not in skipped):
                return True
            time.sleep(0.005)
        return False

    def close(self) -> None:
        """Stop the workers; a plugin still inside ``backtui_cue`` finishes on its own (daemon thread)."""
        for channel in self._channels:
            with channel.wake:
                channel.stopped = True
                channel.pending.clear()
                channel.wake.notify()
