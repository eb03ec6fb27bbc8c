"""The library's exercise list: a virtual list that draws only the rows on screen.

Filtering 10,000 exercises on every keystroke must not build 10,000 widgets (or
10,000 OptionList prompts, whose heights OptionList measures one by one). This list
keeps plain ``ExerciseRow`` tuples and renders visible lines with the Line API. It
scrolls itself (``top``) and draws its own scrollbar, so new rows never change its
size or virtual size: a keystroke repaints this widget alone, with no layout pass.
Rendered lines are cached per row, so rows seen before cost a dictionary lookup.

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
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
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


class ExerciseList(Widget, can_focus=True):
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
        "exercise-list--status",
        "exercise-list--scrollbar",
        "exercise-list--scrollbar-thumb",
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
        & > .exercise-list--status { color: $text-muted; }
        & > .exercise-list--scrollbar { background: $scrollbar-background; }
        & > .exercise-list--scrollbar-thumb { background: $scrollbar; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class _ListMessage(Message):
        def __init__(self, exercise_list: ExerciseList, exercise: Exercise | None) -> None:
            super().__init__()
            self.exercise_list = exercise_list
            self.exercise = exercise

        @property
        def control(self) -> ExerciseList:
            return self.exercise_list

    class Highlighted(_ListMessage):
        """The highlighted exercise changed (``None`` when the list is empty)."""

    class Chosen(_ListMessage):
        """The user asked to add the exercise (Enter, ``a`` or a double click)."""

        exercise: Exercise

        def __init__(self, exercise_list: ExerciseList, exercise: Exercise) -> None:
            super().__init__(exercise_list, exercise)

    def __init__(
        self, rows: Sequence[ExerciseRow] = (), *, empty: str = "No exercise matches.", id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._rows: Sequence[ExerciseRow] = rows
        self._total = len(rows)
        self._empty = empty
        self._top = 0
        self._last_highlighted: Exercise | None = None
        self._styles: dict[str, Style] | None = None
        self._lines: LRUCache[tuple[int, int, int, bool, bool], tuple[ExerciseRow, list[Segment]]] = LRUCache(4096)

    # -- data ---------------------------------------------------------------

    @property
    def rows(self) -> Sequence[ExerciseRow]:
        return self._rows

    @property
    def top(self) -> int:
        """Index of the first row on screen."""
        return self._top

    @property
    def highlighted(self) -> Exercise | None:
        if 0 <= self.cursor < len(self._rows):
            return self._rows[self.cursor].exercise
        return None

    @property
    def row_height(self) -> int:
        return 1 if self.size.width >= WIDE else 2

    @property
    def visible_rows(self) -> int:
        return max(1, (self.size.height - 1) // self.row_height)

    @property
    def status(self) -> str:
        """The last line: how many exercises match, out of how many."""
        shown = len(self._rows)
        noun = "exercise" if self._total == 1 else "exercises"
        if shown == self._total:
            return f"{shown:,} {noun}"
        return f"{shown:,} of {self._total:,} {noun}"

    def set_rows(self, rows: Sequence[ExerciseRow], total: int | None = None) -> None:
        """Show ``rows``; the cursor goes back to the first one.

        Only the lines whose row changed are repainted: narrowing a search often
        keeps the first rows, and a repaint of this tall widget is the costly part.
        """
        old_rows, old_top, old_cursor = self._rows, self._top, self.cursor
        self._rows = rows
        if total is not None:
            self._total = total
        self._top = 0
        self.set_reactive(ExerciseList.cursor, 0)
        if not self.is_mounted or not old_rows or not rows:
            self.refresh()
        else:
            height, width = self.row_height, self.size.width
            for i in range(self.visible_rows):
                before = old_rows[old_top + i] if old_top + i < len(old_rows) else None
                after = rows[i] if i < len(rows) else None
                if before is not after or (old_top + i == old_cursor) != (i == 0):
                    self.refresh(Region(0, i * height, width, height))
            if len(old_rows) != len(rows):
                self.refresh(Region(width - 1, 0, 1, self.size.height - 1))  # the scrollbar
                self.refresh(Region(0, self.size.height - 1, width, 1))  # the status line
        self._post_highlight()

    def _set_top(self, top: int) -> None:
        top = max(0, min(top, len(self._rows) - self.visible_rows))
        if top != self._top:
            self._top = top
            self.refresh()

    def _refresh_row(self, index: int) -> None:
        line = (index - self._top) * self.row_height
        if 0 <= line < self.size.height:
            self.refresh(Region(0, line, self.size.width, self.row_height))

    def on_resize(self, event: events.Resize) -> None:
        self._lines.clear()
        self._scroll_cursor_into_view()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        if hasattr(self, "_lines"):
            self._lines.clear()

    def on_mount(self) -> None:
        self._post_highlight()

    # -- cursor ---------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        top = self._top
        self._scroll_cursor_into_view()
        if self._top == top:  # no scroll: repaint just the two rows
            self._refresh_row(old)
            self._refresh_row(new)
        self._post_highlight()

    def _post_highlight(self) -> None:
        current = self.highlighted
        if current is not self._last_highlighted:
            self._last_highlighted = current
            self.post_message(self.Highlighted(self, current))

    def _scroll_cursor_into_view(self) -> None:
        if self.cursor < self._top:
            self._set_top(self.cursor)
        elif self.cursor >= self._top + self.visible_rows:
            self._set_top(self.cursor - self.visible_rows + 1)

    def _page(self) -> int:
        return max(1, self.visible_rows - 1)

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

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._set_top(self._top + 3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._set_top(self._top - 3)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._rows:
            return
        if offset.x >= self.size.width - 1 and len(self._rows) > self.visible_rows:
            # a click on the scrollbar jumps there
            self._set_top(offset.y * len(self._rows) // max(1, self.size.height))
            return
        index = self._top + offset.y // self.row_height
        if index >= len(self._rows):
            return
        self.cursor = index
        if event.chain >= 2:
            self.action_choose()

    # -- drawing ----------------------------------------------------------------

    def _style(self, name: str) -> Style:
        if self._styles is None:
            base = self.rich_style
            styles = {"base": base}
            for cls in self.COMPONENT_CLASSES:
                full = self.get_component_rich_style(cls)
                if cls.startswith(("exercise-list--cursor", "exercise-list--scrollbar")):
                    styles[cls] = full
                else:
                    # the colour only (blended, so "muted" really is muted), to lay over any row background
                    styles[cls] = Style(color=full.color, bold=full.bold, italic=full.italic)
            self._styles = styles
        return self._styles[name]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self._style("base")
        if y == self.size.height - 1 and y > 0:
            style = base + self._style("exercise-list--status")
            return Strip([Segment(fit(" " + self.status, width), style)], width)
        total = len(self._rows)
        scrollbar = total > self.visible_rows
        text_width = width - 1 if scrollbar else width
        height = self.row_height
        index = self._top + y // height
        part = y % height
        if not self._rows:
            if y == 0:
                style = base + self._style("exercise-list--empty")
                return Strip([Segment(fit(" " + self._empty, width), style)], width)
            return Strip.blank(width, base)
        segments: list[Segment]
        if index >= total:
            segments = [Segment(" " * text_width, base)]
        else:
            row = self._rows[index]
            is_cursor = index == self.cursor
            key = (id(row), text_width, part, is_cursor, is_cursor and self.has_focus)
            cached = self._lines.get(key)
            if cached is None or cached[0] is not row:  # (an id can be reused once a row is gone)
                cached = (row, self._draw_row(row, part, text_width, is_cursor))
                self._lines[key] = cached
            segments = cached[1]
        if scrollbar:
            segments = [*segments, self._scrollbar_cell(y)]
        return Strip(segments, width)

    def _scrollbar_cell(self, y: int) -> Segment:
        lines = self.size.height - 1
        total = len(self._rows)
        thumb = max(1, lines * self.visible_rows // total)
        start = (lines - thumb) * self._top // max(1, total - self.visible_rows)
        on_thumb = start <= y < start + thumb
        return Segment(" ", self._style("exercise-list--scrollbar-thumb" if on_thumb else "exercise-list--scrollbar"))

    def _draw_row(self, row: ExerciseRow, part: int, width: int, is_cursor: bool) -> list[Segment]:
        base = self._style("base")
        if is_cursor:
            cursor = "exercise-list--cursor" if self.has_focus else "exercise-list--cursor-blurred"
            base = base + self._style(cursor)
        secondary = base + self._style("exercise-list--secondary")
        also = base + self._style("exercise-list--also")
        avoid = base + self._style("exercise-list--avoid")
        if self.row_height == 1:
            return self._wide(row, width, base, secondary, also, avoid)
        return self._narrow(row, part, width, base, secondary, also, avoid)

    @staticmethod
    def _name_part(row: ExerciseRow, width: int, base: Style, also: Style, avoid: Style, count: bool) -> list[Segment]:
        """The name cut to ``width``, followed by the avoid mark and (``count``) "also in N"."""
        marks: list[tuple[str, Style]] = []
        if row.avoided:
            marks.append((" ⚠avoid", avoid))
        if count and row.also_in:
            marks.append((f" also in {len(row.also_in)}", also))
        name_w = max(4, width - sum(cell_len(text) for text, _ in marks))
        name = row.exercise.name
        shown = name if cell_len(name) <= name_w else fit(name, name_w)
        segments = [Segment(shown, base), *(Segment(text, style) for text, style in marks)]
        used = sum(seg.cell_length for seg in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return segments

    def _wide(
        self, row: ExerciseRow, width: int, base: Style, secondary: Style, also: Style, avoid: Style
    ) -> list[Segment]:
        inner = width - 2
        source_w = 18 if inner >= 76 else 12
        dosage_w = 26 if inner >= 76 else 20
        rest = inner - source_w - dosage_w - 2
        with_also = rest >= 44
        name_w = max(24, int(rest * 0.5)) if with_also else rest
        segments = [Segment(" ", base), *self._name_part(row, name_w, base, also, avoid, count=not with_also)]
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
        self, row: ExerciseRow, part: int, width: int, base: Style, secondary: Style, also: Style, avoid: Style
    ) -> list[Segment]:
        inner = width - 2
        if part == 0:
            return [Segment(" ", base), *self._name_part(row, inner, base, also, avoid, count=True), Segment(" ", base)]
        detail = f"  {row.source} · {row.dosage}" if row.dosage else f"  {row.source}"
        return [Segment(" ", base), Segment(fit(detail, inner), secondary), Segment(" ", base)]

    def on_focus(self) -> None:
        self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        self._refresh_row(self.cursor)


class SearchInput(Input):
    """The library's search box. Up/down/page keys move the list's cursor; Enter adds.

    ``?`` opens the help, as everywhere else, rather than typing itself: no exercise
    name has one.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.help", "Help", show=False, priority=True),
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
