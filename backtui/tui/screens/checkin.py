"""The check-in before and after a session: pain 0-10, where it is felt, and a note.

``await push_screen_wait(CheckInScreen("before"))`` gives a ``CheckIn``, or ``None``
when the person skips it (Escape, or ``s`` outside the note). Enter saves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Input, Label, Static

from backtui.core.history import AREAS, CheckIn, HistoryRecorder
from backtui.tui.widgets.marked_checkbox import MarkedCheckbox
from backtui.tui.widgets.pain_scale import PainScale

QUESTIONS = {
    "before": "Before you start: how is your back?",
    "after": "Session over: how is your back now?",
}

#: The Verywell article's centralization advice, in our words.
CENTRALIZATION_HINT = (
    "If pain in your leg or buttock moves closer to your spine, Verywell calls it centralization: "
    "a good sign the exercise suits you."
)


NO_PAIN = "Choose a pain level from 0 to 10, or press Escape to skip."


class AreaBox(MarkedCheckbox, inherit_bindings=False):
    """A checkbox that toggles with space only, so Enter reaches the form and saves it.

    (A priority Enter binding would run before keys typed just ahead of it reach the
    focused widget, so "5" then Enter, typed fast, would save no pain level.)
    It reads ``[x]`` when ticked and ``[ ]`` when not, so it is told without colour.
    """

    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False)]


class CheckInScreen(ModalScreen[CheckIn | None]):
    """Ask how the back feels before or after a session. Escape skips."""

    DEFAULT_CSS = """
    CheckInScreen { align: center middle; }
    CheckInScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    CheckInScreen #checkin-title { text-style: bold; margin-bottom: 1; }
    CheckInScreen Input { margin-bottom: 1; }
    CheckInScreen .field-label { color: $text-muted; }
    CheckInScreen PainScale { margin-bottom: 1; }
    CheckInScreen PainScale > .pain-scale--chosen { background: $accent; color: $text; text-style: bold; }
    CheckInScreen PainScale:focus { background: $boost; }
    CheckInScreen #areas { height: auto; }
    CheckInScreen #areas Checkbox { width: auto; border: none; padding: 0 1 0 0; }
    CheckInScreen.-narrow #areas Checkbox { padding: 0; }
    CheckInScreen #hint { color: $text-muted; text-style: italic; margin-bottom: 1; }
    CheckInScreen #checkin-error { color: $error; height: auto; display: none; }
    CheckInScreen #checkin-error.-shown { display: block; }
    /* docked, so the buttons stay in view however little room the rest has */
    CheckInScreen #buttons { dock: bottom; height: 1; align-horizontal: right; }
    /* short terminals (60×18): no blank lines, so everything fits without scrolling */
    CheckInScreen.-short #checkin-title, CheckInScreen.-short PainScale, CheckInScreen.-short #hint { margin: 0; }
    CheckInScreen.-short > VerticalScroll { scrollbar-size-vertical: 1; }
    CheckInScreen Button { margin-left: 2; }
    """

    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]  # type: ignore[misc]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]  # type: ignore[misc]

    BINDINGS = [
        Binding("escape,s", "skip", "Skip", show=True),
        Binding("enter", "save", "Save", show=True),
    ]

    def __init__(self, when: Literal["before", "after"] = "before", *, initial: CheckIn | None = None) -> None:
        super().__init__()
        self.when = when
        self._initial = initial

    def compose(self) -> ComposeResult:
        start = self._initial
        with VerticalScroll():
            yield Static(QUESTIONS[self.when], id="checkin-title")
            yield Label("Pain: 0 none … 10 worst (type 0-10, or ←/→)", classes="field-label")
            yield PainScale(start.pain if start else None, id="pain")
            yield Label("Where do you feel it?", classes="field-label")
            with Horizontal(id="areas"):
                for n, area in enumerate(AREAS):
                    yield AreaBox(
                        area.capitalize(), value=bool(start and area in start.areas), id=f"area-{n}", compact=True
                    )
            yield Static(CENTRALIZATION_HINT, id="hint")
            yield Label("Note (optional)", classes="field-label")
            yield Input(start.note if start else "", placeholder="anything worth remembering", id="note", compact=True)
            yield Static("", id="checkin-error")
            with Horizontal(id="buttons"):
                yield Button("Skip (Esc)", id="skip", compact=True)
                yield Button("Save (Enter)", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one(PainScale).focus()

    def on_resize(self, event: events.Resize) -> None:
        # The note keeps its border where there is room; on a short terminal it goes, so
        # Skip and Save stay on screen.
        self.query_one("#note", Input).compact = self.app.size.height < 22

    def _checkin(self) -> CheckIn | None:
        pain = self.query_one(PainScale).value
        if pain is None:
            return None
        areas = tuple(area for n, area in enumerate(AREAS) if self.query_one(f"#area-{n}", Checkbox).value)
        return CheckIn(pain, areas, self.query_one("#note", Input).value.strip())

    def action_save(self) -> None:
        self._try_save()

    @on(Input.Submitted, "#note")
    def _note_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._try_save()

    def _try_save(self) -> None:
        checkin = self._checkin()
        if checkin is None:
            self.query_one("#checkin-error", Static).update(NO_PAIN)
            self.query_one("#checkin-error").add_class("-shown")
            self.query_one(PainScale).focus()
            return
        self.dismiss(checkin)

    def action_skip(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._try_save()

    @on(Button.Pressed, "#skip")
    def _skip_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    @on(PainScale.Changed)
    def _pain_chosen(self) -> None:
        self.query_one("#checkin-error", Static).update("")
        self.query_one("#checkin-error").remove_class("-shown")


def run_with_checkins(
    app: App[Any],
    recorder: HistoryRecorder,
    runner: Callable[[Callable[[object], None]], Screen[Any]],
    done: Callable[[Any], None],
) -> None:
    """Run a routine between two check-ins, recording everything to the history.

    Asks the before check-in, pushes ``runner(listener)`` (the runner screen, built with
    the recorder as its session listener), asks the after check-in when the runner is
    dismissed, then calls ``done`` with the runner's result. With history off there is
    nothing to keep the answers in, so the check-ins are not asked.
    """

    def after(checkin: CheckIn | None, result: Any) -> None:
        recorder.checkin("after", checkin)
        done(result)

    def ran(result: Any) -> None:
        if recorder.active and recorder.session_id is not None:
            app.push_screen(CheckInScreen("after"), lambda checkin: after(checkin, result))
        else:
            done(result)

    def before(checkin: CheckIn | None) -> None:
        recorder.checkin("before", checkin)
        app.push_screen(runner(recorder), ran)

    if recorder.active:
        app.push_screen(CheckInScreen("before"), before)
    else:
        app.push_screen(runner(recorder), ran)
