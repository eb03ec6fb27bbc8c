"""Notifications whose text is data (a name, a path, an error from the system or a plugin).

``tell(node, text)`` shows ``text`` as written: control characters as visible escapes
(``printable``), and never read as markup, so ``[b]`` or a backslash before a bracket
reads exactly as it is in the file name or message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from backtui.core.terminal_text import printable

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.widget import Widget


def tell(
    node: App[Any] | Widget,
    text: str,
    *,
    then: str = "",
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """Notify with ``text`` shown as plain text; ``then``, backtui's own words, on a line after it."""
    message = printable(text) + (f"\n{then}" if then else "")
    node.notify(message, title=title, severity=severity, timeout=timeout, markup=False)
