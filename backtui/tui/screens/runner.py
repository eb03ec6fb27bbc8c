"""The runner: paces a routine with a countdown readable from the mat, and ends with a summary.

The screen owns a ``Session`` (``backtui.core.session``) and only renders it. It does not
poll: after each change it sets one timer for the next moment what it shows changes
(the next whole second of the countdown, or the next half cell of the progress bar),
worked out from the session's deadline, and then reads the clock again. Time comes only
from the clock, never from counting wake-ups, so a late wake-up costs no time; and a
widget is only updated when its text changes.

**The mat view** shows the phase word and the time left in large letters, scaled to
the terminal, on a screen coloured by the kind of phase, with the exercise, the
rep/set/side and what comes next. ``i`` switches to **the detail view**: the step's
note first, then the exercise's steps, under a smaller clock.

**Pauses the user did not ask for stay paused until the user says so**: when the app
is suspended (Ctrl+Z), or another screen covers the runner (help, the command
palette, the "terminal too small" view), the session pauses, and it goes on only
when the user presses space. Dismisses with the session's ``Summary`` when the user
leaves.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Digits, Static
from textual.widgets._progress_bar import Bar

from backtui.core.clock import Clock
from backtui.core.cues import CueFollower
from backtui.core.library import Library
from backtui.core.model import Exercise, Source
from backtui.core.routine import ResolvedStep, Routine
from backtui.core.session import PhaseStarted, Session, SessionEnded, SessionEvent, Summary
from backtui.core.terminal_text import printable
from backtui.core.timeline import Phase, plan, resolve_all
from backtui.tui.screens.confirm import ConfirmScreen
from backtui.tui.screens.too_small import TooSmallScreen
from backtui.tui.widgets.countdown import Countdown, clock_text
from backtui.tui.widgets.key_bar import KeyBar
from backtui.tui.widgets.phase_banner import PAUSED, PhaseBanner, banner_text

#: Wake this long after the moment the display changes, so the clock has surely passed it.
WAKE_MARGIN_S = 0.002

#: Rows of the mat view that are not the phase word or the countdown (top bar, paused line,
#: counters, exercise name, next, progress, key bar, one row of air).
MAT_FIXED_ROWS = 8

#: The colour the whole screen takes per kind of phase (the word says it too), dark enough
#: for white letters on any theme; the top line and the key bar keep the theme's. Set on the
#: style of the views' container, not through a CSS class (a class change restyles every
#: widget below, tens of milliseconds at each phase change) and not on the screen (a change
#: there draws the whole screen at once, then again as each widget catches up: two frames).
PHASE_COLOURS = {
    "prepare": "#7a4f00",  # get ready: amber
    "transition": "#7a4f00",  # the next exercise: amber
    "hold": "#1d6b36",  # green
    "work": "#0b6470",  # teal
    "release": "#2f4d78",  # relax between reps: slate blue
    "rest": "#2b2f88",  # rest between sets: indigo
    "switch": "#7a2a86",  # switch sides: purple
}
PAUSED_COLOUR = "#3b3b3b"  # grey
PAUSED_DIGITS = "#c8c8c8"

_RUNNING_ACTIONS = {
    "toggle_pause",
    "next_phase",
    "previous_phase",
    "skip_exercise",
    "hurt",
    "quit_routine",
    "details",
}


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


def _shown_below(node: Widget) -> Iterator[Widget]:
    """The widgets below ``node`` that are displayed, skipping hidden ones and all below them."""
    for child in node.children:
        if child.display:
            yield child
            yield from _shown_below(child)


def _sized_by_text(widget: Static) -> bool:
    """Whether ``widget``'s width or height is ``auto`` (follows its text), so new text may need a new layout."""
    return any(scalar is not None and scalar.is_auto for scalar in (widget.styles.width, widget.styles.height))


def _markup(template: str, **values: str) -> Content:
    """``template`` (markup written here) with each ``$name`` filled in by text from a routine or
    plugin, which is never read as markup and has its control characters shown as escapes."""
    return Content.from_markup(template, **{name: printable(text, keep_newlines=True) for name, text in values.items()})


def next_text(current: Phase, following: Phase | None) -> str:
    """What comes after ``current``, in a few words (plain text, not markup)."""
    if following is None or following.kind == "done":
        return "Next: the end of the routine"
    if following.step != current.step:
        return f"Next: {printable(following.name)}"
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
    the exercise, i the detail view (steps and note) and back, q/Escape quit (asks
    first; the timer waits), ! or H "it hurts" (stops at once and shows the advice of
    the routine's sources), m mute the bell; at the end Enter/Escape leaves.
    ``listener`` receives every ``SessionEvent`` as it happens (history records
    sessions through it). ``flash_s`` is how long the phase word flashes at a phase
    change that keeps the screen's colour (hold after hold) (0 turns the flash off, as snapshots do). ``plan`` may raise
    ``TimelineError`` for an absurdly long routine; validate routines before running.
    """

    CSS_PATH = "runner.tcss"

    BINDINGS = [
        Binding("space", "toggle_pause", "Pause"),
        Binding("n", "next_phase", "Next"),
        Binding("p", "previous_phase", "Back", show=False),
        Binding("s", "skip_exercise", "Skip"),
        Binding("exclamation_mark,H", "hurt", "Pain", key_display="!", tooltip="It hurts: stop now"),
        Binding("i", "details", "Info", tooltip="Steps and note, or the big clock"),
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
        cues: CueFollower | None = None,
    ) -> None:
        super().__init__()
        self.routine = routine
        self.library = library
        self.path = path
        self.bell_on = bell
        self.flash_s = flash_s
        self._listener = listener
        self.cues = cues
        self.steps: list[ResolvedStep] = resolve_all(routine, library)
        self.session = Session(plan(routine, library), clock, listener=self._forward)
        self._wake: Timer | None = None
        self._shown_step: int | None = None
        self._shown: dict[str, str] = {}
        self._held = ""  # why the screen paused the session itself ("" when it didn't)
        self._bar: Bar | None = None

    # ----------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="runner-top"):
            yield Static(Content(printable(self.routine.name)), id="routine-name")
            yield Static("", id="bell-state")
            yield Static("", id="step-count")
        with ContentSwitcher(initial="run-view", id="runner-views"):
            with Vertical(id="run-view"):
                with Horizontal(id="detail-head"):
                    yield Static("", id="detail-phase")
                    yield Digits(clock_text(self.session.remaining_s), id="detail-clock")
                yield PhaseBanner(id="banner")  # each fills the width and centres its letters
                yield Countdown(self.session.remaining_s, id="countdown")
                yield Static("", id="paused-label")
                yield Static("", id="counters")
                yield Static("", id="exercise-name")
                yield Static("", id="detail-note")
                with VerticalScroll(id="instructions"):
                    yield Static("", id="instructions-text")
                with Vertical(id="run-bottom"):
                    yield Static("", id="next-up")
                    with Horizontal(id="progress-row"):
                        # The bar of Textual's ProgressBar, alone: the whole widget also wakes
                        # once a second for an ETA the runner does not show.
                        bar = Bar(id="progress")
                        bar.set_reactive(Bar.percentage, 0.0)
                        yield bar
                        yield Static("", id="time-left")
            with VerticalScroll(id="end-view"):
                yield Static("", id="end-title")
                yield Static("", id="advice")
                yield Static("", id="end-summary")
                yield Static("Press Enter to leave.", id="end-hint")
        yield KeyBar(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.app.app_suspend_signal.subscribe(self, self._on_app_suspend, immediate=True)
        self.app.app_resume_signal.subscribe(self, self._on_app_resume)
        self._bar = self.query_one("#progress", Bar)
        self._apply(self.session.start(), cue=False)

    def on_resize(self, event: events.Resize) -> None:
        """Give the countdown about half the height (at least 7 rows), and the phase word what is left."""
        width, height = event.size
        room = max(1, width - 2)
        free = max(7, height - MAT_FIXED_ROWS)
        countdown = self.query_one(Countdown)
        countdown.fit(room, max(7, min(free - 3, height // 2)))
        self.query_one(PhaseBanner).fit(room, max(1, min(free - countdown.rows, max(5, countdown.rows // 2))))
        self._schedule()  # the progress bar's cells may have changed size

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
        """Read the clock (through the session) and repaint what changed. Safe to call any time."""
        self._apply(self.session.tick())

    def _apply(self, events: list[SessionEvent], *, cue: bool = True) -> None:
        """Show what ``events`` (from one session call) changed: the one place phase changes pass."""
        if self.cues is not None:
            self.cues.follow(self.session, events)
        if cue and any(isinstance(e, PhaseStarted) for e in events):
            # One cue per repaint, even if a stall passed several phases at once.
            if self.bell_on:
                self.app.bell()
            if PHASE_COLOURS.get(self.session.phase.kind) == self._shown.get("colour"):
                # The screen's colour is the visible cue; when it stays the same, the word flashes.
                self.query_one(PhaseBanner).flash(self.flash_s)
        if any(isinstance(e, SessionEnded) for e in events):
            self._show_end()
        self.repaint()
        self._schedule()

    def _schedule(self) -> None:
        """Wake once, when what the screen shows next changes (nothing to wait for unless running)."""
        if self._wake is not None:
            self._wake.stop()
            self._wake = None
        if self.session.running and self.is_attached:
            self._wake = self.set_timer(self.next_change_s(), self.tick, name="runner-wake")

    def next_change_s(self) -> float:
        """Seconds until the countdown shows another second, or the progress bar moves half a cell."""
        s = self.session
        remaining = s.remaining_s
        delay = remaining - (math.ceil(remaining - 1e-9) - 1)
        cells = 2 * (self._bar.content_size.width if self._bar is not None else 0)
        cell_s = s.total_s / cells if cells else 0
        if cell_s and cell_s < 1:  # slower than that, the bar moves with the countdown's second
            done = s.total_s - s.time_left_s
            delay = min(delay, cell_s * (math.floor(done / cell_s + 1e-9) + 1) - done)
        return max(0.001, delay + WAKE_MARGIN_S)

    def _set(self, widget_id: str, text: str | Content) -> None:
        """Update a Static only when its text changes, and lay out again only when its length
        does and its size follows its text (a one-row line of fixed width never needs it).

        A ``str`` is markup written here; text from a routine or plugin comes as ``Content``."""
        key = text if isinstance(text, str) else text.markup
        old = self._shown.get(widget_id)
        if old != key:
            self._shown[widget_id] = key
            widget = self.query_one(f"#{widget_id}", Static)
            widget.update(text, layout=(old is None or len(old) != len(key)) and _sized_by_text(widget))

    def _set_colours(self, kind: str, paused: bool) -> None:
        wanted = PAUSED_COLOUR if paused else PHASE_COLOURS.get(kind, PAUSED_COLOUR)
        if self._shown.get("colour") != wanted:
            self._shown["colour"] = wanted
            views = self.query_one("#runner-views")
            views.styles.background = wanted
            self.query_one(Countdown).styles.color = PAUSED_DIGITS if paused else None
            self.query_one("#paused-label").display = paused
            # Widgets draw the background they stand on: have each one on show draw again on
            # the new one (a hidden one is styled afresh when it is shown).
            for node in _shown_below(views):
                node.notify_style_update()  # forget styles worked out over the old colour
                node.refresh()

    def repaint(self) -> None:
        s = self.session
        phase = s.phase
        count = f"Exercise {min(phase.step + 1, s.step_count)} of {s.step_count}" if s.step_count else ""
        self._set("step-count", count)
        self._set("bell-state", "" if self.bell_on else "bell off")
        if s.finished:
            return
        paused = s.paused
        self._set_colours(phase.kind, paused)
        self.query_one(PhaseBanner).show_phase(phase, paused=paused)
        self.query_one(Countdown).show_seconds(s.remaining_s)
        if self.has_class("-detail"):
            clock = clock_text(s.remaining_s)
            if self._shown.get("detail-clock") != clock:
                self._shown["detail-clock"] = clock
                self.query_one("#detail-clock", Digits).update(clock)
        self._set("detail-phase", f"{PAUSED} · {banner_text(phase)}" if paused else banner_text(phase))
        self._set("paused-label", f"PAUSED in {phase.label} · press space to go on" if paused else "")
        self._set("counters", counters_text(phase))
        if self._shown_step != phase.step:
            self._shown_step = phase.step
            self._set("exercise-name", Content(printable(phase.name)))
            note = self._note(phase.step)
            self._set("detail-note", _markup("[b]Note:[/b] $note", note=note) if note else "")
            self.query_one("#detail-note").set_class(bool(note), "-shown")
            self._set("instructions-text", self._instructions(phase.step))
            self.query_one("#instructions", VerticalScroll).scroll_home(animate=False)
        self._set("next-up", Content(next_text(phase, s.next_phase)))
        progress = s.progress
        if self._bar is not None:
            half_cells = str(math.floor(progress * 2 * self._bar.content_size.width + 1e-9))
            if self._shown.get("bar") != half_cells:  # the bar draws in half cells: move it when one fills
                self._shown["bar"] = half_cells
                self._bar.percentage = progress
        self._set("time-left", f"{math.floor(progress * 100)}%  {clock_text(s.time_left_s)} left")

    def _note(self, index: int) -> str:
        return (self.steps[index].note or "") if 0 <= index < len(self.steps) else ""

    def _instructions(self, index: int) -> str | Content:
        if not 0 <= index < len(self.steps):
            return ""
        step = self.steps[index]
        exercise = self.library.get(step.exercise_id) if step.exercise_id else None
        lines: list[Content] = []
        if exercise is not None:
            if exercise.start:
                lines.append(_markup("[b]Start:[/b] $text", text=exercise.start))
            lines += [_markup(f"{n}. $text", text=text) for n, text in enumerate(exercise.steps, 1)]
            lines += [_markup("[dim]Careful: $text[/dim]", text=text) for text in exercise.cautions]
        elif step.missing:
            lines.append(_markup("[b]$id[/b] is not in the loaded sources.", id=step.exercise_id or ""))
        return Content("\n").join(lines) if lines else "[dim]No instructions for this step.[/dim]"

    # ----------------------------------------------------------------- the end
    def _sources_used(self) -> list[Source]:
        found: dict[str, Source] = {}
        for step in self.steps:
            exercise: Exercise | None = self.library.get(step.exercise_id) if step.exercise_id else None
            source = self.library.source_of(exercise) if exercise is not None else None
            if source is not None:
                found.setdefault(source.id, source)
        return list(found.values())

    def advice_text(self) -> Content:
        """What the routine's sources say to do when it hurts (every loaded source if it uses none)."""
        sources = self._sources_used()
        heading = "What this routine's sources advise:"
        if not sources:
            sources = list(self.library.sources.values())
            heading = "This routine uses no loaded source's exercises. What the loaded sources advise:"
        sources = [s for s in sources if s.safety_notes]
        if not sources:
            return Content("No loaded source gives safety advice to show here.")
        lines = [Content(heading)]
        for source in sources:
            by = _markup(" ($author)", author=source.author) if source.author else Content()
            lines.append(Content())
            lines.append(_markup("[b]$title[/b]", title=source.title) + by)
            lines += [_markup("• $note", note=note) for note in source.safety_notes]
        return Content("\n").join(lines)

    def _show_end(self) -> None:
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
        self.remove_class("-detail")
        self.refresh_bindings()

    @staticmethod
    def summary_text(summary: Summary) -> Content:
        taken, planned = duration_text(summary.elapsed_s), duration_text(summary.total_planned_s)
        lines = [Content.from_markup(f"Time taken: [b]{taken}[/b] (planned {planned})")]
        lines.append(Content())
        lines.append(Content.from_markup(f"[b]Completed[/b] ({len(summary.completed)} of {summary.steps})"))
        lines += [_markup("  ✓ $name", name=s.name) for s in summary.completed] or [Content("  none")]
        if summary.skipped:
            lines.append(Content())
            lines.append(Content.from_markup(f"[b]Skipped[/b] ({len(summary.skipped)})"))
            lines += [_markup("  – $name", name=s.name) for s in summary.skipped]
        return Content("\n").join(lines)

    # ----------------------------------------------------------------- keys
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _RUNNING_ACTIONS:
            return not self.session.finished
        if action == "leave":
            return self.session.finished
        return True

    def action_toggle_pause(self) -> None:
        self._held = ""
        self._apply(self.session.toggle_pause())

    def action_details(self) -> None:
        """Switch between the mat view (big clock) and the detail view (steps and note)."""
        self.toggle_class("-detail")
        self._shown.pop("detail-clock", None)
        self.repaint()

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
        if self.cues is not None:
            self.cues.muted = not self.bell_on
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
        if self._wake is not None:
            self._wake.stop()
        self.dismiss(self.session.summary())

    # ----------------------------------------------------------------- pauses the user didn't ask for
    def _hold(self, why: str) -> None:
        """Pause because of ``why``; only the user (space) goes on."""
        if self.session.running:
            self._held = why
            self._apply(self.session.pause(), cue=False)

    def _tell_held(self) -> None:
        if self._held and self.session.paused:
            self.notify(f"Paused while {self._held}. Press space to go on.", timeout=8)
            self._held = ""
        self.repaint()

    def _on_app_suspend(self, app: App[object]) -> None:
        # Called as the process is about to stop: pause now, draw after ``fg``.
        if self.session.running:
            self._held = "backtui was in the background"
            self.session.pause()
            self._schedule()

    def _on_app_resume(self, app: App[object]) -> None:
        self._tell_held()

    def on_screen_suspend(self, event: events.ScreenSuspend) -> None:
        """Another screen covers the runner (help, the palette, a too-small terminal): pause."""
        if not self.session.finished:
            small = isinstance(self.app.screen, TooSmallScreen)
            self._hold("the terminal was too small" if small else "another view covered the runner")

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.session.running:
            self._held = ""
        self._tell_held()
