"""The routine's steps, in order, each with its dosage and time; keys to edit, move, remove."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from backtui.core.dosage_text import positions_text
from backtui.core.routine import ResolvedStep
from backtui.core.terminal_text import printable


def mmss(seconds: int) -> str:
    """``75`` → ``1:15``; minutes are not capped at 59."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def step_dosage(s: ResolvedStep) -> str:
    """What a resolved step asks for: ``2×10 hold 5s each side``."""
    parts = []
    if s.reps is None:
        parts.append(f"{s.duration_s}s" if s.duration_s else "timed")
        if s.sets > 1:
            parts.insert(0, f"{s.sets}×")
    else:
        parts.append(f"{s.sets}×{s.reps}" if s.sets > 1 else f"{s.reps} rep" if s.reps == 1 else f"{s.reps} reps")
    if s.reps is not None and s.hold_s:
        parts.append(f"hold {s.hold_s}s")
    elif s.reps is not None and s.positions:  # each rep moves through named, timed positions
        parts.append(positions_text(s.positions))
    if s.sets > 1 and s.rest_s:
        parts.append(f"rest {s.rest_s}s")
    if s.sides == "each":
        parts.append("each side")
    elif s.sides == "alternate":
        parts.append("alternating")
    text = " ".join(parts)
    return text.replace("× ", "×")


@dataclass(frozen=True)
class StepView:
    """One step as the list shows it."""

    resolved: ResolvedStep
    seconds: int
    source: str  # source id, "custom", or "" for a missing exercise's source
    avoided: bool = False


def step_content(number: int, view: StepView) -> Content:
    s = view.resolved
    head: list[str | tuple[str, str]] = [(f"{number:>2}. ", "$text-muted")]
    if s.missing:
        head += [("⚠ ", "$text-error"), (printable(s.exercise_id or s.name), "$text-error")]
    else:
        head.append((printable(s.name), "bold" if s.exercise_id is None else ""))
    if view.avoided:
        head.append(("  ⚠ avoid", "$text-warning"))
    if s.missing:
        source = (s.exercise_id or "").split(":", 1)[0]
        detail = f"not installed · source {source!r}"
    else:
        detail = f"{view.source} · {step_dosage(s)}"
    return Content.assemble(*head, "\n", ("    ", ""), (printable(f"{mmss(view.seconds)} · {detail}"), "$text-muted"))


class RoutineSteps(OptionList):
    """The steps. Enter or ``e`` edits the dosage; J/K or ctrl+↑/↓ move; ``x`` removes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Dosage", show=True),
        Binding("x,delete", "remove", "Remove", show=True),
        Binding("K,ctrl+up", "move(-1)", "Move up", show=True, key_display="K"),
        Binding("J,ctrl+down", "move(1)", "Move down", show=True, key_display="J"),
    ]

    class StepMessage(Message):
        def __init__(self, steps: RoutineSteps, index: int) -> None:
            super().__init__()
            self.steps = steps
            self.index = index

        @property
        def control(self) -> RoutineSteps:
            return self.steps

    class Edit(StepMessage):
        """Edit the dosage of step ``index``."""

    class Remove(StepMessage):
        """Remove step ``index``."""

    class Move(StepMessage):
        """Move step ``index`` by ``delta`` places."""

        def __init__(self, steps: RoutineSteps, index: int, delta: int) -> None:
            super().__init__(steps, index)
            self.delta = delta

    def show_steps(self, views: Sequence[StepView], highlight: int | None = None) -> None:
        """Replace the list with ``views``, keeping the highlight where asked (or where it was)."""
        keep = self.highlighted if highlight is None else highlight
        self.set_options(Option(step_content(n, v)) for n, v in enumerate(views, 1))
        if views:
            self.highlighted = max(0, min(keep if keep is not None else 0, len(views) - 1))

    def action_edit(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Edit(self, self.highlighted))

    def action_remove(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Remove(self, self.highlighted))

    def action_move(self, delta: int) -> None:
        if self.highlighted is not None:
            self.post_message(self.Move(self, self.highlighted, delta))

    def action_select(self) -> None:
        self.action_edit()

    async def _on_click(self, event: events.Click) -> None:
        """A click highlights; a double click opens the dosage form."""
        event.prevent_default()
        clicked: int | None = event.style.meta.get("option")
        if clicked is None:
            return
        self.highlighted = clicked
        if event.chain >= 2:
            self.action_edit()
