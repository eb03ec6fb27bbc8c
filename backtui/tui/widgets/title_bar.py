"""The one-line title at the top of every screen: ``backtui — Dashboard``.

Lighter than Textual's Header (no icon, no clock, no sub-widgets), which keeps
the dashboard's first frame quick; styled in app.tcss.
"""

from __future__ import annotations

from rich.markup import escape
from textual.widgets import Static


class TitleBar(Static):
    def __init__(self, where: str) -> None:
        super().__init__(f"[b]backtui[/b] [dim]—[/dim] {escape(where)}")
        self.where = where
