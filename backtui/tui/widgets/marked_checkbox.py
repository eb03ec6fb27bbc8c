"""A checkbox that says whether it is ticked in its text, not by colour alone."""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.widgets import Checkbox


class MarkedCheckbox(Checkbox):
    """Reads ``[x]`` when ticked and ``[ ]`` when not (Textual's own box reads ``▐X▌`` both ways)."""

    @property
    def _button(self) -> Content:
        return Content.styled("[x]", Style(bold=True)) if self.value else Content("[ ]")
