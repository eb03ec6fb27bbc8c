"""Outside text (routine names, notes, plugin text) made safe for each export format."""

from __future__ import annotations

import html
import re

# C0 and C1 controls, DEL, and the bidirectional overrides that make text read differently
# from what it holds. No export format wants them; tabs and line feeds become spaces.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Inline: emphasis, code, links and images, raw HTML and entities, table cells, strike-through,
# and the ':' of a GFM bare autolink. Line start: list items, block quotes, headings, setext rules.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>#|~&:!])")
_MD_LINE_START = re.compile(r"^([-+=>])")
_MD_NUMBERED = re.compile(r"^(\d+)([.)])")
_MD_WWW = re.compile(r"(?i)\b(www)\.")


def clean(text: str) -> str:
    """One line of plain text: control characters gone, runs of white space as one space."""
    return " ".join(_CONTROLS.sub(" ", text).split())


def md(text: str) -> str:
    """Text that Markdown shows as it is, on one line, wherever it is put.

    The characters that could start emphasis, code, a link, raw HTML, a table cell or
    an autolink are backslash-escaped (CommonMark allows it for any ASCII punctuation),
    and so is a first character that could open a list, a quote or a heading.
    """
    text = _MD_INLINE.sub(r"\\\1", clean(text))
    text = _MD_WWW.sub(r"\1\\.", text)
    text = _MD_NUMBERED.sub(r"\1\\\2", text)
    return _MD_LINE_START.sub(r"\\\1", text)


def html_text(text: str) -> str:
    """Text for an HTML element or attribute: ``& < > " '`` escaped."""
    return html.escape(clean(text), quote=True)
