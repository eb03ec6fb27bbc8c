"""The runner: paces a routine with a big countdown, and ends with a summary.

The screen owns a ``Session`` (``backtui.core.session``) and only renders it. A 20 Hz
interval calls ``session.tick()`` and repaints; it never counts ticks, so a busy
event loop or a dropped tick costs no time. Commands (space, n, p, s, q, h) go to
the session, which reads the injected clock itself.

When the app is suspended (Ctrl+Z) the screen pauses the session before the process
stops, and it stays paused after ``fg`` until the user presses space: nobody should
come back to a hold that ran on without them. Dismisses with the session's
``Summary`` when the user leaves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.markup import escape
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, ProgressBar, Static

from backtui.core.clock import Clock
from backtui.core.library import Library
from backtui.core.model import Exercise, Source
from backtui.core.routine import ResolvedStep, Routine
from backtui.core.session import PhaseStarted, Session, SessionEnded, SessionEvent, Summary
from backtui.core.timeline import Phase, plan, resolve_all
from backtui.tui.screens.confirm import ConfirmScreen
from backtui.tui.widgets.countdown import Countdown, clock_text
from backtui.tui.widgets.key_bar import KeyBar
from backtui.tui.widgets.phase_banner import PhaseBanner

#: How often the screen reads the clock. Only smoothness depends on it, never accuracy.
TICK_S = 1 / 20

#: Terminal heights from which the countdown uses block letters, then doubles them.
BIG_CLOCK_ROWS = 36
HUGE_CLOCK_ROWS = 50

_RUNNING_ACTIONS = {"toggle_pause", "next_phase", "previous_phase", "skip_exercise", "hurt", "quit_routine"}


def duration_text(seconds: float) -> str:
    """A length of time in words: ``45 s``, ``2 min 5 s``, ``1 h 3 min``."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def counters_text(phase: Phase) -> str:
    parts = []
    if phase.set is not None and phase.sets is not None:
        parts.append(f"Set [b]{phase.set}[/b] of {phase.sets}")
    if phase.rep is not None and phase.reps is not None:
        parts.append(f"Rep [b]{phase.rep}[/b] of {phase.reps}")
    if phase.side and phase.kind not in ("rest", "transition", "prepare"):
        parts.append(f"[reverse] {phase.side.upper()} SIDE [/reverse]")
    return "   ·   ".join(parts)


def next_text(current: Phase, following: Phase | None) -> str:
    """What comes after ``current``, in a few words."""
    if following is None or following.kind == "done":
        return "Next: the end of the routine"
    if following.step != current.step:
        return f"Next: {escape(following.name)}"
    if current.kind in ("prepare", "transition"):
        bits = [following.label, duration_text(following.duration_s)]
        if following.side:
            bits.append(f"{following.side} side")
        return "Next: " + " · ".join(bits)
    bits = [following.label, duration_text(following.duration_s)]
    if following.kind == "switch" and following.side:
        bits.append(f"then the {following.side} side")
    elif following.rep is not None and following.kind in ("work", "hold"):
        bits.append(f"rep {following.rep} of {following.reps}")
        if following.side and following.side != current.side:
            bits.append(f"{following.side} side")
    elif following.kind == "rest" and following.set is not None:
        bits.append(f"then set {following.set + 1} of {following.sets}")
    return "Next: " + " · ".join(bits)


class RunnerScreen(Screen[object]):
    """Run ``routine`` against ``clock``; dismiss with a ``Summary`` when the user leaves.

    Keys: space pause/resume, n next phase, p previous (or restart this one), s skip
    the exercise, q/Escape quit (asks first; the timer waits), h or ! "it hurts" (stops
    at once and shows the advice of the routine's sources), m mute the bell; at the
    end Enter/Escape leaves. ``listener`` receives every ``SessionEvent`` as it happens
    (history records sessions through it). ``flash_s`` is how long the banner flashes
    at a phase change (0 turns the flash off, as snapshots do). ``plan`` may raise
    ``TimelineError`` for an absurdly long routine; validate routines before running.
    """

    CSS_PATH = "runner.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (BIG_CLOCK_ROWS, "-tall")]

    BINDINGS = [
        Binding("space", "toggle_pause", "Pause"),
        Binding("n", "next_phase", "Next"),
        Binding("p", "previous_phase", "Back"),
        Binding("s", "skip_exercise", "Skip"),
        Binding("h,exclamation_mark", "hurt", "It hurts"),
        Binding("m", "mute", "Mute"),
        Binding("q,escape", "quit_routine", "Quit"),
        Binding("enter", "leave", "Done"),
        Binding("escape,q", "leave", "Done", show=False),
    ]

    def __init__(
        self,
        routine: Routine,
        library: Library,
        clock: Clock,
        *,
        path: Path | None = None,
        bell: bool = True,
        flash_s: float = 0.4,
        listener: Callable[[SessionEvent], None] | None = None,
    ) -> None:
        super().__init__()
        self.routine = routine
        self.library = library
        self.path = path
        self.bell_on = bell
        self.flash_s = flash_s
        self._listener = listener
        self.steps: list[ResolvedStep] = resolve_all(routine, library)
        self.session = Session(plan(routine, library), clock, listener=self._forward)
        self._ticker: Timer | None = None
        self._shown_step: int | None = None
        self._suspended_pause = False

    # ----------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="runner-top"):
            yield Static(escape(self.routine.name), id="routine-name")
            yield Static("", id="bell-state")
            yield Static("", id="step-count")
        with ContentSwitcher(initial="run-view", id="runner-views"):
            with Vertical(id="run-view"):
                yield PhaseBanner("", id="banner")
                with Center(id="clock-row"):
                    yield Countdown(self.session.remaining_s, id="countdown")
                yield Static("", id="paused-label")
                yield Static("", id="counters")
                yield Static("", id="exercise-name")
                with Vertical(id="instructions-box"), VerticalScroll(id="instructions"):
                    yield Static("", id="instructions-text")
                with Vertical(id="run-bottom"):
                    yield Static("", id="next-up")
                    with Horizontal(id="progress-row"):
                        yield ProgressBar(total=max(1, self.session.total_s), show_eta=False, id="progress")
                        yield Static("", id="time-left")
            with VerticalScroll(id="end-view"):
                yield Static("", id="end-title")
                yield Static("", id="advice")
                yield Static("", id="end-summary")
                yield Static("Press Enter to leave.", id="end-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.app.app_suspend_signal.subscribe(self, self._on_app_suspend, immediate=True)
        self.app.app_resume_signal.subscribe(self, self._on_app_resume)
        self._apply(self.session.start(), cue=False)
        self._ticker = self.set_interval(TICK_S, self.tick)

    def on_resize(self, event: events.Resize) -> None:
        """Block-letter clock when there is room for it; twice as big on a very large terminal."""
        width, height = event.size
        self.query_one(Countdown).set_size(
            height >= BIG_CLOCK_ROWS, 2 if height >= HUGE_CLOCK_ROWS and width >= 120 else 1
        )

    def on_unmount(self, event: events.Unmount) -> None:
        self.app.app_suspend_signal.unsubscribe(self)
        self.app.app_resume_signal.unsubscribe(self)
        # leaving the app mid-run (Ctrl+Q) ends the session as quit, so its record is complete
        if not self.session.finished:
            self.session.stop("quit")  # the session hands SessionEnded to the listener

    # ----------------------------------------------------------------- session
    def _forward(self, event: SessionEvent) -> None:
        if self._listener is not None:
            self._listener(event)

    def tick(self) -> None:
        """Read the clock (through the session) and repaint. Safe to call any time."""
        self._apply(self.session.tick())

    def _apply(self, events: list[SessionEvent], *, cue: bool = True) -> None:
        if cue and any(isinstance(e, PhaseStarted) for e in events):
            # One cue per repaint, even if a stall passed several phases at once.
            if self.bell_on:
                self.app.bell()
            self.query_one(PhaseBanner).flash(self.flash_s)
        if any(isinstance(e, SessionEnded) for e in events):
            self._show_end()
        self.repaint()

    def repaint(self) -> None:
        s = self.session
        phase = s.phase
        self.query_one("#step-count", Static).update(
            f"Exercise {min(phase.step + 1, s.step_count)} of {s.step_count}" if s.step_count else ""
        )
        self.query_one("#bell-state", Static).update("" if self.bell_on else "bell off")
        if s.finished:
            return
        self.query_one(PhaseBanner).show(phase)
        self.query_one(Countdown).show(s.remaining_s)
        self.set_class(s.paused, "-paused")
        self.query_one("#paused-label", Static).update("PAUSED · press space to go on" if s.paused else "")
        self.query_one("#counters", Static).update(counters_text(phase))
        if self._shown_step != phase.step:
            self._shown_step = phase.step
            self.query_one("#exercise-name", Static).update(escape(phase.name))
            self.query_one("#instructions-text", Static).update(self._instructions(phase.step))
            self.query_one("#instructions", VerticalScroll).scroll_home(animate=False)
        self.query_one("#next-up", Static).update(next_text(phase, s.next_phase))
        self.query_one(ProgressBar).update(progress=s.total_s - s.time_left_s)
        self.query_one("#time-left", Static).update(f"{clock_text(s.time_left_s)} left")

    def _instructions(self, index: int) -> str:
        if not 0 <= index < len(self.steps):
            return ""
        step = self.steps[index]
        exercise = self.library.get(step.exercise_id) if step.exercise_id else None
        lines: list[str] = []
        if exercise is not None:
            if exercise.start:
                lines.append(f"[b]Start:[/b] {escape(exercise.start)}")
            lines += [f"{n}. {escape(text)}" for n, text in enumerate(exercise.steps, 1)]
            lines += [f"[dim]Careful: {escape(text)}[/dim]" for text in exercise.cautions]
        elif step.missing:
            lines.append(f"[b]{escape(step.exercise_id or '')}[/b] is not in the loaded sources.")
        if step.note:
            lines.append(f"[i]Note:[/i] {escape(step.note)}")
        return "\n".join(lines) or "[dim]No instructions for this step.[/dim]"

    # ----------------------------------------------------------------- the end
    def _sources_used(self) -> list[Source]:
        found: dict[str, Source] = {}
        for step in self.steps:
            exercise: Exercise | None = self.library.get(step.exercise_id) if step.exercise_id else None
            source = self.library.source_of(exercise) if exercise is not None else None
            if source is not None:
                found.setdefault(source.id, source)
        return list(found.values())

    def advice_text(self) -> str:
        """What the routine's sources say to do when it hurts (every loaded source if it uses none)."""
        sources = self._sources_used()
        heading = "What this routine's sources advise:"
        if not sources:
            sources = list(self.library.sources.values())
            heading = "This routine uses no loaded source's exercises. What the loaded sources advise:"
        sources = [s for s in sources if s.safety_notes]
        if not sources:
            return "No loaded source gives safety advice to show here."
        lines = [heading]
        for source in sources:
            by = f" ({escape(source.author)})" if source.author else ""
            lines.append("")
            lines.append(f"[b]{escape(source.title)}[/b]{by}")
            lines += [f"• {escape(note)}" for note in source.safety_notes]
        return "\n".join(lines)

    def _show_end(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
        summary = self.session.summary()
        title = {"complete": "Routine complete", "pain": "Routine stopped: this hurts", "quit": "Routine stopped"}
        self.query_one("#end-title", Static).update(title.get(summary.status, "Routine stopped"))
        advice = self.query_one("#advice", Static)
        advice.display = summary.status == "pain"
        if summary.status == "pain":
            advice.update(self.advice_text())
        self.query_one("#end-summary", Static).update(self.summary_text(summary))
        self.query_one("#runner-views", ContentSwitcher).current = "end-view"
        self.set_class(summary.status == "pain", "-pain")
        self.remove_class("-paused")
        self.refresh_bindings()

    @staticmethod
    def summary_text(summary: Summary) -> str:
        lines = [
            f"Time taken: [b]{duration_text(summary.elapsed_s)}[/b] (planned {duration_text(summary.total_planned_s)})"
        ]
        lines.append("")
        lines.append(f"[b]Completed[/b] ({len(summary.completed)} of {summary.steps})")
        lines += [f"  ✓ {escape(s.name)}" for s in summary.completed] or ["  none"]
        if summary.skipped:
            lines.append("")
            lines.append(f"[b]Skipped[/b] ({len(summary.skipped)})")
            lines += [f"  – {escape(s.name)}" for s in summary.skipped]
        return "\n".join(lines)

    # ----------------------------------------------------------------- keys
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _RUNNING_ACTIONS:
            return not self.session.finished
        if action == "leave":
            return self.session.finished
        return True

    def action_toggle_pause(self) -> None:
        self._suspended_pause = False
        self._apply(self.session.toggle_pause())

    def action_next_phase(self) -> None:
        self._apply(self.session.next())

    def action_previous_phase(self) -> None:
        self._apply(self.session.previous())

    def action_skip_exercise(self) -> None:
        self._apply(self.session.skip_exercise())

    def action_hurt(self) -> None:
        self._apply(self.session.stop("pain"), cue=False)

    def action_mute(self) -> None:
        self.bell_on = not self.bell_on
        self.repaint()

    def action_quit_routine(self) -> None:
        was_running = self.session.running
        self._apply(self.session.pause())
        if self.session.finished:
            return
        done = len(self.session.summary().completed)

        def answered(quit: bool | None) -> None:
            if quit:
                self._apply(self.session.stop("quit"), cue=False)
                self.action_leave()
            elif was_running:
                self._apply(self.session.resume())

        self.app.push_screen(
            ConfirmScreen(
                "Quit this routine?",
                f"The timer is paused. {done} of {self.session.step_count} exercises done so far.",
                yes="Quit",
                no="Keep going",
                danger=True,
            ),
            answered,
        )

    def action_leave(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
        self.dismiss(self.session.summary())

    # ----------------------------------------------------------------- suspension
    def _on_app_suspend(self, app: App[object]) -> None:
        if self.session.running:
            self._suspended_pause = True
            self.session.pause()

    def _on_app_resume(self, app: App[object]) -> None:
        if self._suspended_pause:
            self.notify("Paused while backtui was in the background. Press space to go on.")
        self.repaint()
