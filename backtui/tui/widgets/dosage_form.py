"""A step's dosage as a form that checks every field as you type.

The limits come from ``backtui.core.routine.Step`` itself (its msgspec constraints),
so the form accepts exactly what a routine file accepts. A blank field means
"inherit": the exercise's own dosage (or its chosen stage's) or the routine's
defaults, shown as the placeholder. An exercise built up in stages gets a Stage
menu first: the whole exercise, or one of its stages by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import msgspec
import msgspec.inspect as mi
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, Select, Static

from backtui.core.dosage_text import dosage_text
from backtui.core.model import Dosage, Exercise
from backtui.core.routine import Step
from backtui.core.terminal_text import printable

INT_FIELDS: tuple[tuple[str, str], ...] = (
    ("sets", "Sets"),
    ("reps", "Reps"),
    ("hold_s", "Hold (s)"),
    ("duration_s", "Time (s)"),
    ("rest_s", "Rest (s)"),
)
SIDES_CHOICES = (("no sides", "none"), ("each side", "each"), ("alternating", "alternate"))
START_CHOICES = (("left first", "left"), ("right first", "right"))


@cache
def _field_types() -> dict[str, Any]:
    info = mi.type_info(Step)
    assert isinstance(info, mi.StructType)
    out: dict[str, Any] = {}
    for f in info.fields:
        out[f.name] = _bare(f.type)
    return out


def _bare(t: Any) -> Any:
    """The type under ``Optional`` and under any ``Annotated`` description."""
    while True:
        if isinstance(t, mi.Metadata):
            t = t.type
        elif isinstance(t, mi.UnionType):
            t = next(x for x in t.types if not isinstance(x, mi.NoneType))
        else:
            return t


def int_limits(field: str) -> tuple[int, int]:
    """``(lowest, highest)`` a ``Step`` accepts for an integer field."""
    t = _field_types()[field]
    assert isinstance(t, mi.IntType)
    low = t.ge if t.ge is not None else (t.gt + 1 if t.gt is not None else 0)
    high = t.le if t.le is not None else (t.lt - 1 if t.lt is not None else 10**9)
    return low, high


def text_limit(field: str) -> tuple[int, int]:
    t = _field_types()[field]
    assert isinstance(t, mi.StrType)
    return t.min_length or 0, t.max_length or 10**6


def check_int(field: str, text: str) -> tuple[int | None, str]:
    """Parse one integer field: ``(value, "")`` or ``(None, message)``; blank is ``(None, "")``."""
    text = text.strip()
    if not text:
        return None, ""
    try:
        value = int(text)
    except ValueError:
        return None, "must be a whole number"
    low, high = int_limits(field)
    if value < low:
        return None, f"must be at least {low}"
    if value > high:
        return None, f"must be at most {high}"
    return value, ""


def check_text(field: str, text: str, *, required: bool = False) -> tuple[str | None, str]:
    _, high = text_limit(field)
    text = text.strip()
    if not text:
        return None, ("required" if required else "")
    if len(text) > high:
        return None, f"at most {high} characters"
    return text, ""


@dataclass(frozen=True)
class Inherited:
    """What a blank field falls back to, shown as placeholders."""

    sets: int | None = None
    reps: int | None = None
    hold_s: int | None = None
    duration_s: int | None = None
    rest_s: int | None = None
    sides: str = "none"
    start_side: str = "left"

    @classmethod
    def from_dosage(cls, dosage: Dosage, *, rest_s: int) -> Inherited:
        """What a step inherits from ``dosage``; ``rest_s`` is the routine's default rest."""
        return cls(
            sets=dosage.sets,
            reps=dosage.reps,
            hold_s=dosage.hold_s,
            duration_s=dosage.duration_s,
            rest_s=dosage.rest_s if dosage.rest_s is not None else rest_s,
            sides=dosage.sides,
            start_side=dosage.start_side or "left",
        )


#: The stage menu's first choice, a step that picks no stage.
WHOLE_EXERCISE = "The whole exercise"


@dataclass(frozen=True)
class StageChoice:
    """One entry of the Stage menu: ``id`` is ``None`` for the whole exercise."""

    id: str | None
    name: str
    inherited: Inherited
    summary: str


def stage_choices(exercise: Exercise, *, rest_s: int, current: str | None = None) -> tuple[StageChoice, ...]:
    """The Stage menu for ``exercise``: the whole exercise, then each stage; empty when it has none.

    ``current`` is the stage a step already names; one the exercise does not have is
    kept as a choice of its own, so applying the form never drops it unasked.
    """
    if not exercise.stages:
        return ()

    def choice(id: str | None, name: str, dosage: Dosage) -> StageChoice:
        return StageChoice(id, name, Inherited.from_dosage(dosage, rest_s=rest_s), dosage_text(dosage))

    choices = [choice(None, WHOLE_EXERCISE, exercise.dosage)]
    choices += [choice(stage.id, stage.name, stage.dosage) for stage in exercise.stages]
    if current is not None and exercise.stage(current) is None:
        choices.append(choice(current, f"{current} (not in this exercise)", exercise.dosage))
    return tuple(choices)


class DosageForm(Grid):
    """The fields of one step. Posts ``Validity`` whenever the whole form turns valid or invalid."""

    DEFAULT_CSS = """
    DosageForm {
        grid-size: 3;
        grid-columns: 11 20 1fr;
        grid-gutter: 0 1;
        grid-rows: 1;
        height: auto;
    }
    DosageForm Label { width: 1fr; text-align: right; color: $text-muted; }
    DosageForm Input { background: $boost; }
    DosageForm Select { height: 1; }
    DosageForm SelectCurrent Static#label { text-wrap: nowrap; text-overflow: ellipsis; }
    DosageForm .field-error { color: $text-error; }
    DosageForm #stage-row { column-span: 2; height: 1; }
    DosageForm #f-stage { width: 21; }
    DosageForm #stage-dosage {
        width: 1fr; margin-left: 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    DosageForm #form-problem { column-span: 3; color: $text-error; }
    DosageForm #f-note { column-span: 2; }
    """

    FIELD_ORDER: ClassVar[tuple[str, ...]] = (
        "name",
        "stage",
        *(f for f, _ in INT_FIELDS),
        "sides",
        "start_side",
        "note",
    )

    class Validity(Message):
        def __init__(self, form: DosageForm, valid: bool) -> None:
            super().__init__()
            self.form = form
            self.valid = valid

        @property
        def control(self) -> DosageForm:
            return self.form

    class StageChosen(Message):
        """A different stage was chosen from the menu (``stage`` is ``None`` for the whole exercise)."""

        def __init__(self, form: DosageForm, stage: StageChoice) -> None:
            super().__init__()
            self.form = form
            self.stage = stage

        @property
        def control(self) -> DosageForm:
            return self.form

    def __init__(
        self,
        step: Step,
        *,
        custom: bool = False,
        inherited: Inherited | None = None,
        stages: Sequence[StageChoice] = (),
    ) -> None:
        super().__init__()
        self.step = step
        self.custom = custom
        self.stages = {choice.id: choice for choice in stages}
        self.stage = self.stages.get(step.stage) if self.stages else None
        if self.stage is not None:
            inherited = self.stage.inherited
        self.inherited = inherited or Inherited()
        self.errors: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        step = self.step
        if self.custom:
            yield Label("Name")
            yield Input(step.name or "", placeholder="e.g. Walk", id="f-name", compact=True)
            yield Static("", id="e-name", classes="field-error")
        if self.stage is not None:
            # Stage names come from plugins: rich Text is never read as markup, and the
            # menu's type-to-search still finds it (it skips Content prompts).
            yield Label("Stage")
            with Horizontal(id="stage-row"):  # wider than the other menus: "The whole exercise" reads whole
                yield Select(
                    [(Text(printable(c.name)), c.id or "") for c in self.stages.values()],
                    value=self.stage.id or "",
                    allow_blank=False,
                    id="f-stage",
                    compact=True,
                )
                yield Static(Content(printable(self.stage.summary)), id="stage-dosage")
        for field, label in INT_FIELDS:
            value = getattr(step, field)
            hint = getattr(self.inherited, field)
            yield Label(label)
            yield Input(
                "" if value is None else str(value),
                placeholder=str(hint) if hint is not None else "—",
                id=f"f-{field}",
                compact=True,
            )
            yield Static("", id=f"e-{field}", classes="field-error")
        yield Label("Sides")
        yield Select(
            SIDES_CHOICES,
            value=step.sides if step.sides else Select.NULL,
            prompt=f"as given: {self.inherited.sides}" if not self.custom else "no sides",
            id="f-sides",
            compact=True,
        )
        yield Static("")
        yield Label("Start side")
        yield Select(
            START_CHOICES,
            value=step.start_side if step.start_side else Select.NULL,
            prompt=f"{self.inherited.start_side} first",
            id="f-start_side",
            compact=True,
        )
        yield Static("")
        yield Label("Note")
        yield Input(step.note or "", placeholder="optional, shown while the step runs", id="f-note", compact=True)
        yield Static("", id="form-problem")

    def on_mount(self) -> None:
        self.validate_all()

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self, event: Input.Changed | Select.Changed) -> None:
        event.stop()
        if isinstance(event, Select.Changed) and event.select.id == "f-stage":
            self._stage_changed(str(event.value) or None)
        self.validate_all()

    def _stage_changed(self, stage_id: str | None) -> None:
        """A stage chosen from the menu fills the dosage fields with its dosage, as adding an
        exercise does: the fields go blank and inherit the stage's (the note stays)."""
        choice = self.stages.get(stage_id)
        if choice is None or choice is self.stage:
            return  # the menu reporting the value it opened with
        self.stage = choice
        self.inherited = choice.inherited
        for field, _ in INT_FIELDS:
            hint = getattr(choice.inherited, field)
            field_input = self.query_one(f"#f-{field}", Input)
            field_input.placeholder = str(hint) if hint is not None else "—"
            field_input.value = ""
        sides = self.query_one("#f-sides", Select)
        sides.prompt = f"as given: {choice.inherited.sides}"
        sides.clear()
        start = self.query_one("#f-start_side", Select)
        start.prompt = f"{choice.inherited.start_side} first"
        start.clear()
        self.query_one("#stage-dosage", Static).update(Content(printable(choice.summary)))
        self.post_message(self.StageChosen(self, choice))

    def _text(self, field: str) -> str:
        return self.query_one(f"#f-{field}", Input).value

    def _select(self, field: str) -> str | None:
        value = self.query_one(f"#f-{field}", Select).value
        return None if value is Select.NULL else str(value)

    def _values(self) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        if self.custom:
            values["name"], errors["name"] = check_text("name", self._text("name"), required=True)
        for field, _ in INT_FIELDS:
            values[field], errors[field] = check_int(field, self._text(field))
        values["note"], errors["note"] = check_text("note", self._text("note"))
        values["sides"] = self._select("sides")
        values["start_side"] = self._select("start_side")
        if self.stage is not None:
            values["stage"] = self.stage.id
        return values, {k: v for k, v in errors.items() if v}

    def validate_all(self) -> bool:
        values, errors = self._values()
        problem = ""
        if not errors and self.custom and values["reps"] is None and values["duration_s"] is None:
            problem = "A custom step needs reps or a time."
        if not errors and not problem:
            try:
                self._build(values)
            except msgspec.ValidationError as exc:  # a rule the per-field checks missed
                problem = str(exc)
        for field in ("name", *(f for f, _ in INT_FIELDS)):
            if field == "name" and not self.custom:
                continue
            self.query_one(f"#e-{field}", Static).update(errors.get(field, ""))
        if "note" in errors and not problem:
            problem = f"Note: {errors['note']}."
        self.query_one("#form-problem", Static).update(problem)
        self.errors = dict(errors)
        if problem:
            self.errors["form"] = problem
        valid = not self.errors
        self.post_message(self.Validity(self, valid))
        return valid

    def _build(self, values: dict[str, Any]) -> Step:
        data = msgspec.to_builtins(self.step)
        for key, value in values.items():
            if key == "name" and not self.custom:
                continue
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        return msgspec.convert(data, Step)

    def result(self) -> Step | None:
        """The edited step, or ``None`` while any field is invalid."""
        if not self.validate_all():
            return None
        values, _ = self._values()
        return self._build(values)
