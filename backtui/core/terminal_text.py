"""Text from outside (routine files, plugins, history, file names) made safe for a terminal.

Anything a file or a plugin says is data. Control characters (C0, DEL, C1) and the
escape sequences built from them would be run by the terminal: an OSC 52 sequence sets
the clipboard, CSI 2J clears the screen. ``printable`` shows each such character as a
visible escape (``\\x1b``, ``\\n``) instead, so what was in the file can still be read.
Rich markup is a separate matter: widgets keep outside text out of markup with
``rich.markup.escape`` or by rendering it as a ``Text``.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators and
# bidirectional overrides that can make a line read differently from what it holds.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEP_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control character shown as a visible escape.

    With ``keep_newlines`` line feeds and tabs pass through (for multi-line notes
    shown in a text area); a carriage return is always escaped, since it can
    overwrite what was already printed on the line.
    """
    pattern = _UNSAFE_KEEP_LINES if keep_newlines else _UNSAFE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_visible, text)
