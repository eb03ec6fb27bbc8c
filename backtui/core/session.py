"""The session: a state machine that paces a routine's phases against an injected clock.

Time comes only from ``clock.now()`` compared with a deadline, never from counting
timer ticks. While running, the current phase ends at ``_deadline``; when ``tick()``
sees that the clock has passed it, the next phase's deadline is the old deadline plus
the next phase's length, so a late tick, a busy event loop or a long stall costs
nothing: one ``tick()`` walks through every phase whose deadline has passed, emitting
their events in order. ``pause()`` keeps the time left; ``resume()`` sets a new
deadline from it, so pauses add or lose nothing.

Every query (``remaining_s``, ``elapsed_s``, ``time_left_s`` …) describes the state as
of the last ``tick()`` or command, which each read the clock once: a screen calls
``tick()`` and then renders a consistent picture.

**Suspension** (Ctrl+Z, then ``fg``). ``time.monotonic`` keeps counting while a
process is stopped, so after ``fg`` the session sees the real time that passed and
moves on by exactly that much: nothing is lost or gained beyond real time. A routine
is about a person's body, so the runner screen goes further: when the app publishes
that it is being suspended, it pauses the session, and the user resumes with space
after coming back (see ``backtui.tui.screens.runner``). A clock that stops during
system sleep (``CLOCK_MONOTONIC`` on Linux) simply freezes the countdown.

**Steps completed and skipped.** A step is *completed* when its last work or hold
phase runs out on the clock (earlier reps skipped with ``next()`` don't undo that).
A step is *skipped* when the session moves past it to a later step (by ``next()``,
``skip_exercise()``, or ``tick()`` after such a jump) without completing it, or when
the session is stopped (quit or pain) during it. Completed is final: going back into
a completed step and skipping it leaves it completed. Skipped is not: going back
(``previous()``) into a skipped step and finishing it completes it, and a
``StepCompleted`` event follows its earlier ``StepSkipped``. Steps the session never
reached are in neither list.

**Events** go to ``listener`` after the state they describe is in place:
``PhaseStarted`` whenever a phase starts (again, with ``previous()``), including the
final ``done`` phase; ``StepCompleted`` / ``StepSkipped`` as above; ``SessionEnded``
once, last. If the listener raises, the remaining events are still delivered and the
first error is raised afterwards.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from backtui.core.clock import Clock
from backtui.core.timeline import Phase

Status = Literal["ready", "running", "paused", "complete", "quit", "pain"]
StopReason = Literal["quit", "pain"]

#: ``previous()`` restarts the current phase when more than this many seconds into it.
RESTART_AFTER_S = 2.0

WORK_KINDS = frozenset({"work", "hold"})


@dataclass(frozen=True)
class StepRef:
    """One routine step: its index in the routine, the name shown, and its exercise id."""

    step: int
    name: str
    exercise: str | None


@dataclass(frozen=True)
class Summary:
    """What happened in a session. ``elapsed_s`` is time spent running (pauses excluded)."""

    completed: tuple[StepRef, ...]
    skipped: tuple[StepRef, ...]
    elapsed_s: float
    total_planned_s: int
    status: Status
    steps: int = 0

    @property
    def completed_names(self) -> list[str]:
        return [s.name for s in self.completed]

    @property
    def skipped_names(self) -> list[str]:
        return [s.name for s in self.skipped]


@dataclass(frozen=True)
class PhaseStarted:
    """A phase started; ``index`` is its position in the session's phases."""

    phase: Phase
    index: int


@dataclass(frozen=True)
class StepCompleted:
    step: int
    name: str
    exercise: str | None


@dataclass(frozen=True)
class StepSkipped:
    step: int
    name: str
    exercise: str | None


@dataclass(frozen=True)
class SessionEnded:
    status: Status
    summary: Summary


SessionEvent = PhaseStarted | StepCompleted | StepSkipped | SessionEnded
Listener = Callable[[SessionEvent], None]


class Session:
    """Runs ``phases`` (from ``timeline.plan``) against ``clock``. Call ``start()``, then
    ``tick()`` often (the screen does it 20 times a second); how often does not matter."""

    def __init__(self, phases: Sequence[Phase], clock: Clock, *, listener: Listener | None = None) -> None:
        if not phases:
            raise ValueError("a session needs at least one phase")
        phases = list(phases)
        if phases[-1].kind != "done":
            last = phases[-1]
            phases.append(Phase("done", 0, last.end_s, step=last.step + 1, name="Routine complete", exercise=None))
        self.phases: tuple[Phase, ...] = tuple(phases)
        self.clock = clock
        self.listener = listener
        self.total_s: int = sum(p.duration_s for p in self.phases)
        # Steps: name and exercise of each, and the index of its last work/hold phase.
        self._steps: dict[int, StepRef] = {}
        self._last_work: dict[int, int] = {}
        for i, p in enumerate(self.phases):
            if p.kind == "done":
                continue
            self._steps.setdefault(p.step, StepRef(p.step, p.name, p.exercise))
            if p.kind in WORK_KINDS:
                self._last_work[p.step] = i
        self._after: list[int] = [0] * len(self.phases)  # planned seconds after each phase
        for i in range(len(self.phases) - 2, -1, -1):
            self._after[i] = self._after[i + 1] + self.phases[i + 1].duration_s
        self._index = 0
        self._status: Status = "ready"
        self._now = clock.now()
        self._deadline = 0.0  # while running: clock time the current phase ends
        self._remaining = float(self.phases[0].duration_s)  # while not running
        self._run_since = 0.0  # while running: clock time this running stretch began
        self._elapsed_before = 0.0  # running time banked before ``_run_since``
        self._completed: set[int] = set()
        self._skipped: set[int] = set()
        self._pending: list[SessionEvent] = []

    # ----------------------------------------------------------------- queries
    @property
    def status(self) -> Status:
        return self._status

    @property
    def running(self) -> bool:
        return self._status == "running"

    @property
    def paused(self) -> bool:
        return self._status == "paused"

    @property
    def finished(self) -> bool:
        return self._status in ("complete", "quit", "pain")

    @property
    def index(self) -> int:
        return self._index

    @property
    def phase(self) -> Phase:
        return self.phases[self._index]

    @property
    def next_phase(self) -> Phase | None:
        return self.phases[self._index + 1] if self._index + 1 < len(self.phases) else None

    @property
    def step_count(self) -> int:
        return len(self._steps)

    @property
    def remaining_s(self) -> float:
        """Seconds left in the current phase (never negative)."""
        if self._status == "running":
            # Clamped: float rounding in ``now + duration - now`` must not show 20.0000001.
            return min(float(self.phase.duration_s), max(0.0, self._deadline - self._now))
        return self._remaining

    @property
    def remaining_whole_s(self) -> int:
        """``remaining_s`` rounded up, as a countdown shows it (4.2 s left shows 5)."""
        return math.ceil(self.remaining_s - 1e-9)

    @property
    def phase_elapsed_s(self) -> float:
        return self.phase.duration_s - self.remaining_s

    @property
    def elapsed_s(self) -> float:
        """Time spent running, pauses excluded."""
        if self._status == "running":
            return self._elapsed_before + (self._now - self._run_since)
        return self._elapsed_before

    @property
    def time_left_s(self) -> float:
        """Planned time left in the whole routine from here: this phase and every later one."""
        if self._status == "complete":
            return 0.0
        return min(float(self.total_s), self.remaining_s + self._after[self._index])

    @property
    def progress(self) -> float:
        """Share of the routine's planned time behind the current position, 0 to 1."""
        if self.total_s == 0:
            return 1.0 if self._status == "complete" else 0.0
        return min(1.0, max(0.0, 1 - self.time_left_s / self.total_s))

    def summary(self) -> Summary:
        return Summary(
            completed=tuple(self._steps[i] for i in sorted(self._completed)),
            skipped=tuple(self._steps[i] for i in sorted(self._skipped)),
            elapsed_s=self.elapsed_s,
            total_planned_s=self.total_s,
            status=self._status,
            steps=len(self._steps),
        )

    # ----------------------------------------------------------------- commands
    def start(self) -> list[SessionEvent]:
        """Start the first phase now. Does nothing if already started."""
        if self._status != "ready":
            return []
        self._read_clock()
        self._status = "running"
        self._run_since = self._now
        self._enter(0, self._now + self.phases[0].duration_s)
        self._advance()
        return self._flush()

    def tick(self) -> list[SessionEvent]:
        """Read the clock and finish every phase whose deadline has passed."""
        if self._status != "running":
            return []
        self._read_clock()
        self._advance()
        return self._flush()

    def pause(self) -> list[SessionEvent]:
        if self._status != "running":
            return []
        self._read_clock()
        self._advance()
        if self._status == "running":
            self._remaining = self.remaining_s
            self._elapsed_before += self._now - self._run_since
            self._status = "paused"
        return self._flush()

    def resume(self) -> list[SessionEvent]:
        if self._status == "ready":
            return self.start()
        if self._status != "paused":
            return []
        self._read_clock()
        self._status = "running"
        self._run_since = self._now
        self._deadline = self._now + self._remaining
        self._advance()
        return self._flush()

    def toggle_pause(self) -> list[SessionEvent]:
        return self.resume() if self._status in ("paused", "ready") else self.pause()

    def next(self) -> list[SessionEvent]:
        """Go to the start of the next phase (ending the routine after the last one)."""
        if not self._catch_up():
            return self._flush()
        self._jump(self._index + 1)
        return self._flush()

    def previous(self) -> list[SessionEvent]:
        """Restart the current phase if more than ``RESTART_AFTER_S`` into it, else go back one."""
        if not self._catch_up():
            return self._flush()
        if self.phase_elapsed_s > RESTART_AFTER_S or self._index == 0:
            self._jump(self._index)
        else:
            self._jump(self._index - 1)
        return self._flush()

    def skip_exercise(self) -> list[SessionEvent]:
        """Go to the first phase of the next step (its transition, if any), skipping this one."""
        if not self._catch_up():
            return self._flush()
        current = self.phase.step
        target = self._index + 1
        while target < len(self.phases) - 1 and self.phases[target].step <= current:
            target += 1
        self._jump(target)
        return self._flush()

    def stop(self, reason: StopReason) -> list[SessionEvent]:
        """End the session early: the user quit, or stopped because it hurts."""
        if reason not in ("quit", "pain"):
            raise ValueError(f"unknown stop reason {reason!r}")
        if self.finished:
            return []
        if self._status == "ready":
            self._read_clock()
        else:
            self._catch_up()
            if self.finished:
                return self._flush()
        if self._status == "running":
            self._remaining = self.remaining_s
            self._elapsed_before += self._now - self._run_since
        current = self.phase.step
        if current in self._steps and self._status != "ready" and current not in self._completed:
            self._mark_skipped(current)
        self._end(reason)
        return self._flush()

    # ----------------------------------------------------------------- internals
    def _read_clock(self) -> None:
        self._now = max(self._now, self.clock.now())

    def _catch_up(self) -> bool:
        """Bring the state up to the clock before a command; False if there is nothing to command."""
        if self._status in ("ready", "complete", "quit", "pain"):
            return False
        self._read_clock()
        if self._status == "running":
            self._advance()
        return not self.finished

    def _enter(self, index: int, deadline: float) -> None:
        """Make ``index`` the current phase. ``deadline`` applies while running."""
        old_step = self.phase.step
        self._index = index
        phase = self.phases[index]
        if phase.step > old_step:
            for step in range(old_step, phase.step):
                if step in self._steps and step not in self._completed:
                    self._mark_skipped(step)
        if self._status == "running":
            self._deadline = deadline
        else:
            self._remaining = float(phase.duration_s)
        self._pending.append(PhaseStarted(phase, index))
        if phase.kind == "done":
            if self._status == "running":
                self._elapsed_before += max(deadline, self._run_since) - self._run_since
            self._remaining = 0.0
            self._end("complete")

    def _advance(self) -> None:
        """While running, finish every phase whose deadline the clock has passed."""
        while self._status == "running" and self._now >= self._deadline:
            finished = self._index
            step = self.phases[finished].step
            if self._last_work.get(step) == finished and step not in self._completed:
                self._completed.add(step)
                self._skipped.discard(step)
                ref = self._steps[step]
                self._pending.append(StepCompleted(ref.step, ref.name, ref.exercise))
            nxt = finished + 1
            self._enter(nxt, self._deadline + self.phases[nxt].duration_s)

    def _jump(self, index: int) -> None:
        """A command moved to ``index``: its full length starts now."""
        index = min(max(index, 0), len(self.phases) - 1)
        self._enter(index, self._now + self.phases[index].duration_s)
        # A zero-length phase reached by a command ends at once, like one reached by the clock.
        if self._status == "running":
            self._advance()

    def _mark_skipped(self, step: int) -> None:
        if step in self._skipped:
            return
        self._skipped.add(step)
        ref = self._steps[step]
        self._pending.append(StepSkipped(ref.step, ref.name, ref.exercise))

    def _end(self, status: Status) -> None:
        self._status = status
        self._pending.append(SessionEnded(status, self.summary()))

    def _flush(self) -> list[SessionEvent]:
        events, self._pending = self._pending, []
        if self.listener is not None:
            error: BaseException | None = None
            for event in events:
                try:
                    self.listener(event)
                except Exception as exc:
                    error = error or exc
            if error is not None:
                raise error
        return events
