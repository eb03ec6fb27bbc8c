"""The library's exercise list: a virtual list that draws only the rows on screen.

Filtering 10,000 exercises on every keystroke must not build 10,000 widgets (or
10,000 OptionList prompts, whose heights OptionList measures one by one). This list
keeps plain ``ExerciseRow`` tuples and renders visible lines with the Line API, so
replacing the rows costs a list assignment and a repaint.

Wide (72+ cells): one line per exercise — name, source, dosage, "also in" sources.
Narrow: two lines — the name (and "also in N"), then source and dosage, dimmed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input

from backtui.core.model import Exercise

WIDE = 72


@dataclass(frozen=True)
class ExerciseRow:
    """What one row shows, computed once per exercise when the library loads."""

    exercise: Exercise
    source: str
    dosage: str
    also_in: tuple[str, ...] = ()
    avoided: bool = False


def fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells, with an ellipsis when cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


class ExerciseList(ScrollView, can_focus=True):
    """A scrolling, highlightable list of exercises. Posts ``Highlighted`` and ``Chosen``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,a", "choose", "Add", show=True),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "exercise-list--cursor",
        "exercise-list--cursor-blurred",
        "exercise-list--secondary",
        "exercise-list--also",
        "exercise-list--avoid",
        "exercise-list--empty",
    }

    DEFAULT_CSS = """
    ExerciseList {
        background: $surface;
        & > .exercise-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .exercise-list--cursor-blurred { background: $block-cursor-blurred-background; }
        & > .exercise-list--secondary { color: $text-muted; }
        & > .exercise-list--also { color: $text-accent; }
        & > .exercise-list--avoid { color: $text-warning; }
        & > .exercise-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The highlighted exercise changed (``None`` when the list is empty)."""

        def __init__(self, exercise_list: ExerciseList, exercise: Exercise | None) -> None:
            super().__init__()
            self.exercise_list = exercise_list
            self.exercise = exercise

        @property
        def control(self) -> ExerciseList:
            return self.exercise_list

    class Chosen(Message):
        """The user asked to add the exercise (Enter, ``a`` or a double click)."""

        def __init__(self, exercise_list: ExerciseList, exercise: Exercise) -> None:
            super().__init__()
            self.exercise_list = exercise_list
            self.exercise = exercise

        @property
        def control(self) -> ExerciseList:
            return self.exercise_list

    def __init__(
        self, rows: Sequence[ExerciseRow] = (), *, empty: str = "No exercise matches.", id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._rows: Sequence[ExerciseRow] = rows
        self._empty = empty
        self._last_highlighted: Exercise | None = None

    # -- data ---------------------------------------------------------------

    @property
    def rows(self) -> Sequence[ExerciseRow]:
        return self._rows

    @property
    def highlighted(self) -> Exercise | None:
        if 0 <= self.cursor < len(self._rows):
            return self._rows[self.cursor].exercise
        return None

    @property
    def row_height(self) -> int:
        return 1 if self.scrollable_content_region.width >= WIDE else 2

    def set_rows(self, rows: Sequence[ExerciseRow]) -> None:
        """Show ``rows``; the cursor goes back to the first one."""
        self._rows = rows
        self._update_virtual_size()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.cursor = 0
        self.refresh()

    def _update_virtual_size(self) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, max(len(self._rows), 1) * self.row_height)

    def on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()
        self._scroll_cursor_into_view()

    def on_mount(self) -> None:
        self._update_virtual_size()
        self._post_highlight()

    # -- cursor ---------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor(self) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        self._post_highlight()

    def _post_highlight(self) -> None:
        current = self.highlighted
        if current is not self._last_highlighted:
            self._last_highlighted = current
            self.post_message(self.Highlighted(self, current))

    def _scroll_cursor_into_view(self) -> None:
        if not self.is_mounted or not self._rows:
            return
        height = self.row_height
        self.scroll_to_region(
            Region(0, self.cursor * height, max(self.scrollable_content_region.width, 1), height),
            animate=False,
            force=True,
            immediate=True,
        )

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._rows) - 1

    def action_choose(self) -> None:
        exercise = self.highlighted
        if exercise is not None:
            self.post_message(self.Chosen(self, exercise))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._rows:
            return
        index = (offset.y + round(self.scroll_y)) // self.row_height
        if index >= len(self._rows):
            return
        self.cursor = index
        if event.chain >= 2:
            self.action_choose()

    # -- drawing ----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = y + round(self.scroll_y)
        height = self.row_height
        index, part = divmod(line, height)
        if not self._rows:
            if line == 0:
                style = base + self.get_component_rich_style("exercise-list--empty")
                return Strip([Segment(fit(" " + self._empty, width), style)], width)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        if index == self.cursor:
            cursor_class = "exercise-list--cursor" if self.has_focus else "exercise-list--cursor-blurred"
            base = base + self.get_component_rich_style(cursor_class)
        secondary = base + self.get_component_rich_style("exercise-list--secondary", partial=True)
        also = base + self.get_component_rich_style("exercise-list--also", partial=True)
        segments = (
            self._wide(row, width, base, secondary, also)
            if height == 1
            else self._narrow(row, part, width, base, secondary, also)
        )
        return Strip(segments, width)

    def _name_part(self, row: ExerciseRow, width: int, base: Style, also: Style, count: bool) -> list[Segment]:
        """The name cut to ``width``, followed by the avoid mark and (``count``) "also in N"."""
        marks: list[tuple[str, Style]] = []
        if row.avoided:
            marks.append((" ⚠avoid", base + self.get_component_rich_style("exercise-list--avoid", partial=True)))
        if count and row.also_in:
            marks.append((f" also in {len(row.also_in)}", also))
        name_w = max(4, width - sum(cell_len(text) for text, _ in marks))
        name = row.exercise.name
        segments = [
            Segment(
                set_cell_size(name, min(cell_len(name), name_w)) if cell_len(name) <= name_w else fit(name, name_w),
                base,
            )
        ]
        segments += [Segment(text, style) for text, style in marks]
        used = sum(s.cell_length for s in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return segments

    def _wide(self, row: ExerciseRow, width: int, base: Style, secondary: Style, also: Style) -> list[Segment]:
        inner = width - 2
        source_w = 18 if inner >= 100 else 12
        dosage_w = 26 if inner >= 76 else 20
        rest = inner - source_w - dosage_w - 2
        with_also = rest >= 44
        name_w = max(24, int(rest * 0.5)) if with_also else rest
        segments = [Segment(" ", base), *self._name_part(row, name_w, base, also, count=not with_also)]
        segments += [
            Segment(" " + fit(row.source, source_w), secondary),
            Segment(" " + fit(row.dosage, dosage_w), secondary),
        ]
        if with_also:
            also_w = rest - name_w - 1
            text = f"also in {', '.join(row.also_in)}" if row.also_in else ""
            segments.append(Segment(" " + fit(text, also_w), also))
        segments.append(Segment(" ", base))
        return segments

    def _narrow(
        self, row: ExerciseRow, part: int, width: int, base: Style, secondary: Style, also: Style
    ) -> list[Segment]:
        inner = width - 2
        if part == 0:
            return [Segment(" ", base), *self._name_part(row, inner, base, also, count=True), Segment(" ", base)]
        detail = f"  {row.source} · {row.dosage}" if row.dosage else f"  {row.source}"
        return [Segment(" ", base), Segment(fit(detail, inner), secondary), Segment(" ", base)]

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class SearchInput(Input):
    """The library's search box. Up/down/page keys move the list's cursor; Enter adds."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

    def __init__(self, target: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._target = target

    def _list(self) -> ExerciseList:
        return self.screen.query_one(self._target, ExerciseList)

    def action_move(self, delta: int) -> None:
        self._list().cursor += delta

    def action_page(self, delta: int) -> None:
        exercise_list = self._list()
        exercise_list.cursor += delta * exercise_list._page()
