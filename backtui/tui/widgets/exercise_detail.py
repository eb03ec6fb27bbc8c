"""The highlighted exercise in full: steps, dosage, cautions, progressions, its source."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from backtui.core.dosage_text import dosage_text
from backtui.core.library import Library
from backtui.core.model import Exercise
from backtui.core.terminal_text import printable

Part = str | tuple[str, str]


def detail_content(library: Library, exercise: Exercise) -> Content:
    """Everything a person wants to know before adding ``exercise`` to a routine."""
    source = library.source_of(exercise)
    parts: list[Part] = [(exercise.name, "bold $text-primary"), "\n"]
    byline = source.title if source else exercise.source_id
    if source and source.author:
        byline += f" — {source.author}"
    parts += [(byline, "italic $text-muted"), "\n", (exercise.id, "$text-muted"), "\n\n"]
    facts = f"{exercise.category} · {exercise.position}"
    if exercise.sciatica_ok:
        facts += " · suits sciatica"
    parts += [facts, "\n"]
    dose = dosage_text(exercise.dosage) or "no dosage given"
    parts += [("Dosage: ", "bold"), dose]
    d = exercise.dosage
    if any(span is not None for span in (d.sets_range, d.reps_range, d.hold_range_s, d.duration_range_s)):
        parts += [(" (a new step starts at the low end of each range)", "$text-muted")]
    parts.append("\n")
    others = library.same_movement(exercise)
    if others:
        parts += [("Also in: ", "bold $text-accent"), ", ".join(o.source_id for o in others), "\n"]
    for match in library.avoid_matches(exercise):
        parts += [("Avoid: ", "bold $text-error"), f"{match.source.title}: {match.avoid.reason}", "\n"]
    if exercise.start:
        parts += ["\n", ("Start: ", "bold"), exercise.start, "\n"]
    parts += ["\n", ("Steps", "bold underline"), "\n"]
    for n, step in enumerate(exercise.steps, 1):
        parts += [(f"{n}. ", "$text-muted"), step, "\n"]
    if exercise.stages:
        parts += ["\n", ("Stages", "bold underline"), "\n"]
        parts += [("A step runs the whole exercise unless you pick a stage: e on the step.", "$text-muted"), "\n"]
        for stage in exercise.stages:
            dose = dosage_text(stage.dosage) or "no dosage given"
            parts += [("• ", "$text-muted"), (stage.name, "bold"), f": {dose}", "\n"]
            for n, step in enumerate(stage.steps, 1):
                parts += [(f"  {n}. ", "$text-muted"), step, "\n"]
    for title, items in (("Cautions", exercise.cautions), ("Progressions", exercise.progressions)):
        if items:
            style = "bold underline $text-warning" if title == "Cautions" else "bold underline"
            parts += ["\n", (title, style), "\n"]
            for item in items:
                parts += [("• ", "$text-muted"), item, "\n"]
    # Everything in parts but the headings comes from a plugin: control characters shown as escapes.
    return Content.assemble(*(_printable(part) for part in parts))


def _printable(part: Part) -> Part:
    if isinstance(part, tuple):
        return (printable(part[0], keep_newlines=True), part[1])
    return printable(part, keep_newlines=True)


class ExerciseDetail(VerticalScroll):
    """A scrolling panel showing one exercise; ``show(None)`` shows a hint instead."""

    DEFAULT_CSS = """
    ExerciseDetail { padding: 0 1; }
    ExerciseDetail > Static { width: 1fr; }
    """

    def __init__(self, library: Library, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._library = library
        self._shown: Exercise | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._hint(), id="detail-body")

    @staticmethod
    def _hint() -> Content:
        return Content.styled("Highlight an exercise to see its steps.", "italic $text-muted")

    @property
    def exercise(self) -> Exercise | None:
        return self._shown

    def show(self, exercise: Exercise | None) -> None:
        if exercise is self._shown and exercise is not None:
            return
        self._shown = exercise
        body = self.query_one("#detail-body", Static)
        body.update(detail_content(self._library, exercise) if exercise else self._hint())
        self.scroll_home(animate=False)
