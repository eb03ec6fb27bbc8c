"""The dashboard's routine list: a click chooses a routine, a click on the chosen one opens it."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList


class RoutineList(OptionList):
    """An ``OptionList`` whose first click only highlights.

    Textual's list selects on every click, which would start a routine when the
    user only meant to look at it. Enter, or a click on the highlighted row,
    selects (``OptionList.OptionSelected``).
    """

    async def _on_click(self, event: events.Click) -> None:
        event.prevent_default()  # skip OptionList's select-on-click
        clicked = event.style.meta.get("option")
        if not isinstance(clicked, int) or self.get_option_at_index(clicked).disabled:
            return
        if clicked == self.highlighted:
            self.action_select()
        else:
            self.highlighted = clicked
