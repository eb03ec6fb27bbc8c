"""The keys line at the bottom of every screen: what Textual's ``Footer`` shows, drawn by one widget.

``Footer`` is a scrollable container with a widget per key, composed only once the
first frame is up (so that frame has an empty footer, and the next one lays the keys
out again). ``KeyBar`` reads the screen's bindings when it draws, so the keys are on
the first frame, and draws them as one line of text: the same keys, order, spacing
and colours as ``Footer``, with the same theme variables. A click presses a key, the
key under the pointer is highlighted and shows its tooltip, and when the keys don't
fit, the mouse wheel scrolls them sideways.

Two things differ, neither of which backtui's screens meet: binding groups
(``Binding.Group``) are drawn as separate keys, not under one label; and in the compact
look, keys that run under the command palette key don't show through the cell to its
right as they do in ``Footer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.color import Color
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.css.styles import StylesBase
    from textual.screen import Screen

#: The parts of a key, each drawn in its own style.
KEY, DESCRIPTION, PADDING, SEPARATOR, GAP = "key", "description", "padding", "separator", "gap"
#: The line between the keys and the command palette key (Footer's ``border-left: vkey``).
SEPARATOR_CHAR = "▏"


class BarKey(NamedTuple):  # NamedTuples, not dataclasses: a tenth of the cost at import, before the first frame
    """One key on the bar, and the cells it covers (``start`` to ``end``, gaps excluded)."""

    key: str
    action: str
    enabled: bool
    tooltip: str
    #: (text, part) pieces, left to right, its gap included
    pieces: tuple[tuple[str, str], ...]
    #: the key's first cell and the cell after its last (its gap excluded), on the left keys' line
    #: (or from the command palette key's own left edge)
    start: int
    end: int

    @property
    def width(self) -> int:
        """The cells of its pieces, any gap included."""
        return sum(cell_len(text) for text, _part in self.pieces)


class Keys(NamedTuple):
    """The keys on the left, the command palette key on the right, and how wide the left ones are."""

    keys: list[BarKey]
    palette: BarKey | None
    width: int

    @property
    def palette_width(self) -> int:
        return self.palette.width if self.palette is not None else 0


class KeyBar(Widget, can_focus=False):
    """The screen's shown key bindings on one line, docked at the bottom.

    ``KeyBar()`` looks like ``Footer()``, with the command palette key on the right
    (``show_command_palette=False`` leaves it out); ``KeyBar(compact=True)`` looks like
    ``Footer(compact=True)``.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--item",
        "key-bar--hover",
        "key-bar--disabled",
        "key-bar--key",
        "key-bar--description",
        "key-bar--separator",
    }
    # The colours of Footer and FooterKey: the bar is the Footer, and a key's parts are
    # layered like a FooterKey's (item, or hover; then disabled; then key or description).
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 1fr;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--item {
            background: $footer-item-background;
        }
        .key-bar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .key-bar--disabled {
            text-style: dim;
        }
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--separator {
            color: $foreground 20%;
        }
    }
    """

    compact: reactive[bool] = reactive(False, toggle_class="-compact")
    """Less space around the keys, as ``Footer(compact=True)``."""
    show_command_palette: reactive[bool] = reactive(True)
    """Show the command palette key on the right, as ``Footer`` does in both looks."""

    def __init__(
        self,
        *,
        compact: bool = False,
        show_command_palette: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(KeyBar.compact, compact)
        self.set_reactive(KeyBar.show_command_palette, show_command_palette)
        self.set_class(compact, "-compact", update=False)
        self._laid_out: Keys | None = None
        self._styles: dict[tuple[str, bool, bool], Style] = {}
        self._hover: BarKey | None = None
        self._scroll_x = 0

    # -- the keys -------------------------------------------------------------------------------

    def _keys(self) -> Keys:
        """The keys, placed (worked out again only when the bindings or the look change)."""
        if self._laid_out is None:
            self._laid_out = self._lay_out()
        return self._laid_out

    def _lay_out(self) -> Keys:
        # As Footer.compose: shown bindings only, the first of each action, in binding order.
        active_bindings = self.screen.active_bindings
        app = self.app
        compact = self.compact
        keys: dict[str, BarKey] = {}
        x = 0
        for _node, binding, enabled, tooltip in active_bindings.values():
            if not binding.show or binding.action in keys:
                continue
            key_display = app.get_key_display(binding)
            description = binding.description
            pieces: tuple[tuple[str, str], ...]
            if not description:
                pieces = ((key_display, KEY),)
            elif compact:
                pieces = ((key_display, KEY), (" " + description, DESCRIPTION))
            else:
                pieces = ((f" {key_display} ", KEY), (description + " ", DESCRIPTION))
            end = x + sum(cell_len(text) for text, _part in pieces)
            if compact:
                pieces += ((" ", GAP),)
            keys[binding.action] = BarKey(binding.key, binding.action, enabled, tooltip, pieces, x, end)
            x += keys[binding.action].width
        palette: BarKey | None = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = active_bindings.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                # Footer draws this key in its compact form in both looks, with a line on its left,
                # and on its right a cell of padding in the regular look or a gap in the compact one.
                pieces = ((SEPARATOR_CHAR, SEPARATOR), (app.get_key_display(binding), KEY))
                if binding.description:
                    pieces += ((" " + binding.description, DESCRIPTION),)
                if not compact:
                    pieces += ((" ", PADDING),)
                end = sum(cell_len(text) for text, _part in pieces)
                if compact:
                    pieces += ((" ", GAP),)
                tooltip = binding.tooltip or binding.description
                palette = BarKey(binding.key, binding.action, enabled, tooltip, pieces, 0, end)
        return Keys(list(keys.values()), palette, x)

    def _forget_keys(self) -> None:
        self._laid_out = None
        self._set_hover(None)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self._forget_keys()
        self.refresh()

    def _watch_compact(self) -> None:
        self._forget_keys()

    def _watch_show_command_palette(self) -> None:
        self._forget_keys()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    # -- drawing --------------------------------------------------------------------------------

    def _style(self, part: str, hover: bool, enabled: bool) -> Style:
        """The style of one part of a key: Footer's, whose key widgets sit between the bar and the parts."""
        cache_key = (part, hover, enabled)
        style = self._styles.get(cache_key)
        if style is None:
            if part == GAP:
                layers: list[str] = []
            else:
                layers = ["key-bar--hover" if hover else "key-bar--item"]
                if not enabled:
                    layers.append("key-bar--disabled")
                if part in (KEY, DESCRIPTION):
                    layers.append(f"key-bar--{part}")
            style = self._layered_style(layers, separator=part == SEPARATOR)
            if part in (GAP, PADDING):  # blank cells carry only the background, as a widget's padding does
                style = Style(bgcolor=style.bgcolor)
            self._styles[cache_key] = style
        return style

    def _layered_style(self, layers: list[str], *, separator: bool) -> Style:
        """``DOMNode.rich_style`` of a node below this widget whose styles are the named components' in turn.

        The separator is drawn as a border is: its colour over the bar's background, on the key's.
        """
        background = Color(0, 0, 0, 0)
        color = Color(255, 255, 255, 0)
        style = Style()
        opacity = 1.0
        bar_background = background
        chain: list[StylesBase] = [node.styles for node in reversed(self.ancestors_with_self)]
        for index, styles in enumerate([*chain, *(self.get_component_styles(name) for name in layers)]):
            opacity *= styles.opacity
            text_background = background
            if styles.has_rule("background"):
                text_background = background + styles.background.tint(styles.background_tint)
                background += styles.background.tint(styles.background_tint).multiply_alpha(opacity)
            if styles.has_rule("color"):
                color = styles.color
            style += styles.text_style
            if styles.has_rule("auto_color") and styles.auto_color:
                color = text_background.get_contrast_text(color.a)
            if index == len(chain) - 1:
                bar_background = background
        if separator:
            line = bar_background + self.get_component_styles("key-bar--separator").color
            return Style.from_color(line.rich_color, background.rich_color if background.a else None)
        return style + Style.from_color(
            (background + color).rich_color if (background.a or color.a) else None,
            background.rich_color if background.a else None,
        )

    def _segments(self, key: BarKey) -> list[Segment]:
        hover = key is self._hover
        return [Segment(text, self._style(part, hover, key.enabled)) for text, part in key.pieces]

    def render_line(self, y: int) -> Strip:
        # Worked out afresh on each drawing, as Widget.get_component_rich_style is: any refresh
        # (a theme change, a hover) may have changed them, and there are only a few.
        self._styles.clear()
        width = self.size.width
        bar_style = self._style(GAP, False, True)
        if y or not width:
            return Strip.blank(width, bar_style)
        keys = self._keys()
        # the left keys scroll under a fixed command palette key, which Footer docks on the right
        room = max(0, width - keys.palette_width)
        self._scroll_x = min(self._scroll_x, max(0, keys.width - room))
        line = Strip([segment for key in keys.keys for segment in self._segments(key)], keys.width)
        line = line.crop(self._scroll_x, self._scroll_x + room).extend_cell_length(room, bar_style)
        if keys.palette is not None:
            line = Strip.join([line, Strip(self._segments(keys.palette), keys.palette_width)])
        # one segment per run of same-styled cells, as the screen draws a widget's blank area in one
        return line.crop(0, width).simplify()

    # -- the mouse ------------------------------------------------------------------------------

    def key_at(self, x: int) -> BarKey | None:
        """The key drawn at column ``x`` of the bar, if any."""
        keys = self._keys()
        palette_x = self.size.width - keys.palette_width
        if x >= palette_x:
            return keys.palette if keys.palette is not None and x - palette_x < keys.palette.end else None
        x += self._scroll_x
        return next((key for key in keys.keys if key.start <= x < key.end), None)

    def _set_hover(self, key: BarKey | None) -> None:
        if key is self._hover:
            return
        self._hover = key
        self.tooltip = key.tooltip if key is not None and key.tooltip else None
        self.styles.pointer = "pointer" if key is not None else "default"
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self.key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def _scroll_by(self, cells: int, event: events.MouseEvent) -> None:
        """Scroll the keys sideways (a wheel scrolls Footer's keys so); a scroll that moves nothing goes on up."""
        keys = self._keys()
        longest = max(0, keys.width - (self.size.width - keys.palette_width))
        scroll_x = min(longest, max(0, self._scroll_x + cells))
        if scroll_x != self._scroll_x:
            self._scroll_x = scroll_x
            self._set_hover(self.key_at(event.x))
            self.refresh()
            event.stop()
            event.prevent_default()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_by(round(self.app.scroll_sensitivity_x), event)

    def on_mouse_scroll_right(self, event: events.MouseScrollRight) -> None:
        self._scroll_by(round(self.app.scroll_sensitivity_x), event)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_by(-round(self.app.scroll_sensitivity_x), event)

    def on_mouse_scroll_left(self, event: events.MouseScrollLeft) -> None:
        self._scroll_by(-round(self.app.scroll_sensitivity_x), event)
