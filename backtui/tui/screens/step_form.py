"""A modal around ``DosageForm``: edit a step's dosage, or describe a new custom step."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from backtui.core.routine import Step
from backtui.core.terminal_text import printable
from backtui.tui.widgets.dosage_form import DosageForm, Inherited, StageChoice

#: What a blank field means: a library step inherits its exercise's dosage; a custom step has none.
FORM_HINTS = {
    False: "Blank fields keep the exercise's own dosage.",
    True: "Needs a name, and reps or a time. Blank fields: one set, the routine's defaults.",
}
STAGE_HINT = "Blank fields keep the stage's own dosage."


class StepFormScreen(ModalScreen[Step | None]):
    """Dismisses with the edited ``Step``, or ``None`` when cancelled. Apply is off while invalid."""

    DEFAULT_CSS = """
    StepFormScreen { align: center middle; }
    StepFormScreen > VerticalScroll {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    StepFormScreen #form-title { text-style: bold; margin-bottom: 1; }
    /* short terminals (60×18): no blank lines, so the form and its buttons fit */
    StepFormScreen.-short #form-title, StepFormScreen.-short #form-hint, StepFormScreen.-short #buttons { margin: 0; }
    StepFormScreen.-short > VerticalScroll { scrollbar-size-vertical: 1; }
    StepFormScreen #form-hint { color: $text-muted; margin-top: 1; }
    /* docked, so Apply and Cancel stay in view however little room the form has */
    StepFormScreen #buttons { dock: bottom; height: auto; align-horizontal: right; margin-top: 1; }
    StepFormScreen Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]  # type: ignore[misc]

    def __init__(
        self,
        title: str,
        step: Step,
        *,
        custom: bool = False,
        inherited: Inherited | None = None,
        stages: Sequence[StageChoice] = (),
    ) -> None:
        super().__init__()
        self._title = title
        self._step = step
        self._custom = custom
        self._inherited = inherited or Inherited()
        self._stages = tuple(stages)

    def compose(self) -> ComposeResult:
        form = DosageForm(self._step, custom=self._custom, inherited=self._inherited, stages=self._stages)
        with VerticalScroll():
            yield Static(Content(printable(self._title)), id="form-title")
            yield form
            yield Static(self._hint(form.stage), id="form-hint")
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Apply", id="apply", variant="primary", compact=True)

    def _hint(self, stage: StageChoice | None) -> str:
        return STAGE_HINT if stage is not None and stage.id is not None else FORM_HINTS[self._custom]

    def on_mount(self) -> None:
        # The stage comes first when there is one to choose: it decides what the fields inherit.
        stage = self.query("#f-stage")
        (stage.first() if stage else self.query(Input).first()).focus()

    @on(DosageForm.StageChosen)
    def _stage_chosen(self, event: DosageForm.StageChosen) -> None:
        self.query_one("#form-hint", Static).update(self._hint(event.stage))

    @on(DosageForm.Validity)
    def _validity(self, event: DosageForm.Validity) -> None:
        self.query_one("#apply", Button).disabled = not event.valid

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        step = self.query_one(DosageForm).result()
        if step is not None:
            self.dismiss(step)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
