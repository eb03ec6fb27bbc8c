"""Reading TOML files into typed structs, with errors a person can act on.

Every failure becomes a ``DataError`` whose ``str`` is one line naming the file and
the place: ``FILE:LINE:COL: message`` for syntax errors, ``FILE: key.path: message``
for schema errors. Nothing in a file is ever imported or run.
"""

from __future__ import annotations

import difflib
import errno
import json
import math
import os
import re
import stat
import tomllib
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from backtui.core.terminal_text import printable

T = TypeVar("T")

#: Files bigger than this are refused before they are parsed (counting the bytes actually read).
MAX_FILE_BYTES = 500_000
#: A dotted key or table header with more parts than this is refused (``a.b.c`` has 3).
MAX_KEY_PARTS = 10
#: Keys in one file, counting each part of a dotted key and each table header.
MAX_KEYS = 50_000
#: Arrays and inline tables nested deeper than this are refused (a table header counts as one level).
MAX_NESTING = 16
#: A number with more digits than this is refused (Python refuses integers over 4,300 digits).
MAX_NUMBER_DIGITS = 100


class DataError(Exception):
    """A file that cannot be read as what it should be. ``str(err)`` is one line."""

    def __init__(self, file: str, message: str, *, line: int | None = None, col: int | None = None, path: str = ""):
        self.file = file
        self.message = message
        self.line = line
        self.col = col
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        # printable: a file name, key or value can hold control characters; the line shows them escaped.
        if self.line is not None:
            return printable(f"{self.file}:{self.line}:{self.col or 1}: {self.message}")
        if self.path:
            return printable(f"{self.file}: {self.path}: {self.message}")
        return printable(f"{self.file}: {self.message}")


_TOML_POS = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")
_TOML_EOF = re.compile(r"^(?P<msg>.*?)\s*\(at end of document\)$")


_DECLARED_TWICE = re.compile(r"^cannot declare \((?P<keys>.*?),?\) twice$")
_SYNTAX_HINTS = {
    "illegal character '\\n'": 'a string is not closed on this line (use """...""" for text over several lines)',
    "cannot overwrite a value": "this key is already set above",
    "invalid value": 'invalid value (a value is missing, or text lacks its quotes: name = "Morning")',
}


def _syntax_hint(message: str) -> str:
    """tomllib's wording, made plainer where it is cryptic."""
    if m := _DECLARED_TWICE.match(message):
        keys = ".".join(k.strip().strip("'\"") for k in m["keys"].split(","))
        return f"the table [{keys}] is declared twice"
    return _SYNTAX_HINTS.get(message, message)


# Strings and comments, so the scan below sees only the file's structure. Each
# pattern always matches (an unclosed string runs to the end of its line, or of
# the file), so the scan never backtracks and costs time in line with the size.
_STRINGS_AND_COMMENTS = re.compile(
    r'''"""[\s\S]*?(?:(?<!\\)"""|\Z)'''
    r"|'''[\s\S]*?(?:'''|\Z)"
    r"""|"(?:[^"\\\n]|\\.)*"?"""
    r"|'[^'\n]*'?"
    r"|#[^\n]*"
)
_TOO_MANY_PARTS = re.compile(rf"(?<![A-Za-z0-9_-])(?:[A-Za-z0-9_-]++[ \t]*+\.[ \t]*+){{{MAX_KEY_PARTS}}}[A-Za-z0-9_-]")
_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)
_BRACKETS = re.compile(r"[\[\]{}]")
_LONG_NUMBER = re.compile(rf"(?<![0-9_])[0-9_]{{{MAX_NUMBER_DIGITS + 1}}}")


def _blank_out(match: re.Match[str]) -> str:
    """A string or comment replaced by one letter, keeping its line breaks so line numbers stay right."""
    text = match.group()
    if text.startswith("#"):
        return ""
    return "S" + "\n" * text.count("\n")


def check_toml_cost(text: str, file: str) -> None:
    """Refuse, before parsing, what would make the TOML parser slow or fail oddly.

    Python's ``tomllib`` takes time and memory that grow with the square of a dotted
    key's or table header's length, recurses once per level of nesting, and raises
    ``ValueError`` on an integer over 4,300 digits. This scan costs time in line with
    the text and bounds each of those (``MAX_KEY_PARTS``, ``MAX_KEYS``, ``MAX_NESTING``,
    ``MAX_NUMBER_DIGITS``), so any file up to ``MAX_FILE_BYTES`` is parsed quickly or
    refused with a ``DataError``. The plugin loader runs it on every ``source.toml``
    too (``parse_toml`` calls it).
    """
    if len(text) > MAX_FILE_BYTES:
        raise DataError(file, f"the file is over {MAX_FILE_BYTES:,} bytes, the most backtui reads")
    shape = _STRINGS_AND_COMMENTS.sub(_blank_out, text)

    def refuse(message: str, pos: int) -> DataError:
        """The error for ``pos``; its column counts a string as one character."""
        line = shape.count("\n", 0, pos) + 1
        return DataError(file, f"{message}, the most backtui reads", line=line, col=pos - shape.rfind("\n", 0, pos))

    if m := _TOO_MANY_PARTS.search(shape):
        raise refuse(f"a dotted key or table header has more than {MAX_KEY_PARTS} parts", m.start())
    if m := _LONG_NUMBER.search(shape):
        raise refuse(f"a number has more than {MAX_NUMBER_DIGITS} digits", m.start())
    keys = shape.count("=") + shape.count(".") + len(_HEADER.findall(shape))
    if keys > MAX_KEYS:
        raise DataError(
            file, f"the file has over {MAX_KEYS:,} keys (each part of a dotted key counts), the most backtui reads"
        )
    depth = 0
    for m in _BRACKETS.finditer(shape):
        if m.group() in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise refuse(f"arrays or tables nest more than {MAX_NESTING} levels deep", m.start())
        elif depth:
            depth -= 1


def parse_toml(text: str, file: str) -> dict[str, Any]:
    """Parse TOML text into a dict; any failure becomes a located ``DataError``.

    The text is scanned first (``check_toml_cost``), and whatever else the parser
    raises is turned into one line naming the file.
    """
    check_toml_cost(text, file)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raw = str(exc)
        if m := _TOML_POS.match(raw):
            message = _syntax_hint(_lower_first(m["msg"]))
            raise DataError(file, message, line=int(m["line"]), col=int(m["col"])) from None
        if m := _TOML_EOF.match(raw):
            last_line = text.count("\n") + 1
            raise DataError(file, _lower_first(m["msg"]) + " at the end of the file", line=last_line) from None
        raise DataError(file, _lower_first(raw)) from None
    except RecursionError:
        raise DataError(file, "the file nests too deeply to be a backtui file") from None
    except (ValueError, MemoryError, OverflowError, TypeError) as exc:
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise DataError(file, f"the file cannot be read as TOML ({_lower_first(detail)[:200]})") from None


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _not_regular(mode: int) -> str:
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def read_file_bytes(path: Path, file: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or a ``DataError``.

    Only regular files are read: a named pipe, device or socket (or a symlink to one)
    is refused without reading, and the file is opened non-blocking so a named pipe
    can never make backtui wait. The cap counts the bytes actually read, not the
    size the file reports. The plugin loader uses this for ``source.toml`` too.
    """
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise DataError(file, f"this is {_not_regular(mode)}, not a file")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as fh:
            mode = os.fstat(fh.fileno()).st_mode
            if not stat.S_ISREG(mode):  # the file was swapped after the check above
                raise DataError(file, f"this is {_not_regular(mode)}, not a file")
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise DataError(file, "no such file") from None
    except IsADirectoryError:
        raise DataError(file, "this is a folder, not a file") from None
    except PermissionError:
        raise DataError(file, "permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise DataError(file, "this is a socket, not a file") from None
        raise DataError(file, f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise DataError(file, f"the file is over {limit:,} bytes, the most backtui reads")
    return data


def decode_toml_bytes(data: bytes, file: str) -> str:
    """TOML bytes as text: refuses binary files and text that is not UTF-8, naming the line."""
    if b"\x00" in data:
        raise DataError(file, "this is a binary file, not TOML text")
    try:
        return data.decode("utf-8-sig")  # a byte-order mark some editors write is not an error
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(file, "the file is not valid UTF-8 text", line=line) from None


def parse_toml_bytes(data: bytes, file: str) -> dict[str, Any]:
    """Bytes to parsed TOML, through every check: size, encoding, cost scan, parser."""
    if len(data) > MAX_FILE_BYTES:
        raise DataError(file, f"the file is over {MAX_FILE_BYTES:,} bytes, the most backtui reads")
    return parse_toml(decode_toml_bytes(data, file), file)


def read_toml_file(path: Path, display: str | None = None) -> dict[str, Any]:
    """Read and parse a TOML file, refusing huge, binary, unreadable or special files."""
    file = display or str(path)
    return parse_toml(decode_toml_bytes(read_file_bytes(path, file), file), file)


def convert(data: Any, kind: type[T], file: str) -> T:
    """Validate parsed data as ``kind``; a failure becomes a ``DataError`` with a key path."""
    try:
        return msgspec.convert(data, type=kind, strict=True)
    except msgspec.ValidationError as exc:
        raise describe_validation_error(exc, kind, file, data=data) from None


def load(path: Path, kind: type[T], display: str | None = None) -> T:
    """Read a TOML file and validate it as ``kind``."""
    file = display or str(path)
    return convert(read_toml_file(path, file), kind, file)


# DOTALL and greedy field names: a key may hold a newline or a backtick.
_AT = re.compile(r"^(?P<msg>.*) - at `\$(?P<path>[^`]*)`$", re.DOTALL)
_UNKNOWN = re.compile(r"^Object contains unknown field `(?P<field>.*)`$", re.DOTALL)
_MISSING = re.compile(r"^Object missing required field `(?P<field>.*)`$", re.DOTALL)
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
#: Keys and values longer than this are cut with an ellipsis in messages.
SHOWN_CHARS = 40


def show_key(key: str, limit: int = SHOWN_CHARS) -> str:
    """A key as a TOML path part: bare when it can be, else quoted; long ones cut with an ellipsis.

    Control characters and newlines come out escaped, so a key can never break or
    forge a line of ``validate``'s output.
    """
    if _BARE_KEY.match(key) and len(key) <= limit:
        return key
    shown = key if len(key) <= limit else key[: limit - 1] + "…"
    return printable(json.dumps(shown, ensure_ascii=False))


_EXPECTED = re.compile(r"^Expected `(?P<want>[^`]*)`, got `(?P<got>[^`]*)`$")
_CONSTRAINT = re.compile(r"^Expected `(?P<want>[^`]*)` (?P<op>>=|<=|>|<) (?P<n>-?[\d.e+]+)$")
_LENGTH = re.compile(r"^Expected `(?P<want>[^`]*)` of length (?P<op>>=|<=) (?P<n>\d+)$")
_PATTERN = re.compile(r"^Expected `str` matching regex (?P<regex>.*)$")
_INVALID_ENUM = re.compile(r"^Invalid enum value (?P<value>.*)$")
_OPS = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}
_NO_VALUE = object()

#: Patterns whose meaning a person can read, keyed by the regex msgspec reports.
PATTERN_HINTS = {
    r"'^[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*$'": (
        "an exercise id SOURCE:SLUG in lowercase letters, digits and hyphens, like 'twelve-best:bird-dog'"
    ),
    r"'^[a-z0-9]+(?:-[a-z0-9]+)*$'": "a slug in lowercase letters, digits and hyphens, like 'bird-dog'",
}


def describe_validation_error(
    exc: msgspec.ValidationError, kind: type[Any], file: str, *, data: Any = _NO_VALUE
) -> DataError:
    """Turn a msgspec error into a one-line ``DataError`` naming the key path.

    msgspec does not say which value it rejected; when ``data`` (the parsed file) is
    given, the value is looked up by the key path and named in the message.
    """
    raw = str(exc)
    m = _AT.match(raw)
    message, dollar_path = (m["msg"], m["path"]) if m else (raw, "")
    path = dollar_path.lstrip(".")
    where = _type_at(kind, path)
    value = _value_at(data, path)
    got = f", got {show_value(value)}" if value is not _NO_VALUE else ""

    if u := _UNKNOWN.match(message):
        field = u["field"]
        known = _field_names(where)
        full = f"{path}.{show_key(field)}" if path else show_key(field)
        hint = difflib.get_close_matches(field, known, n=1, cutoff=0.6) if len(field) <= SHOWN_CHARS else []
        shown = show_key(field)
        text = f"unknown key {shown}" if shown.startswith('"') else f"unknown key {shown!r}"
        if hint:
            text += f"; did you mean {hint[0]!r}?"
        elif known:
            text += f"; expected one of: {', '.join(known)}"
        return DataError(file, text, path=full)
    if u := _MISSING.match(message):
        field = u["field"]
        return DataError(file, "this key is required", path=f"{path}.{show_key(field)}" if path else show_key(field))
    if u := _EXPECTED.match(message):
        text = f"expected {_plain_type(u['want'])}"
        if value is _NO_VALUE:
            text += f", got {_plain_type(u['got'])}"
        else:
            text += got
            if isinstance(value, str) and u["want"].split(" | ")[0] in ("int", "float"):
                text += " (write the number without quotes)"
            elif isinstance(value, float) and "int" in u["want"] and math.isfinite(value):
                text += " (a whole number is needed)"
        return DataError(file, text, path=path or "(top)")
    if u := _CONSTRAINT.match(message):
        text = f"expected {_plain_type(u['want'])} {_OPS[u['op']]} {u['n']}{got}"
        return DataError(file, text, path=path or "(top)")
    if u := _LENGTH.match(message):
        last = re.sub(r"\[\d+\]$", "", path.rsplit(".", 1)[-1])
        noun = last if last.endswith("s") and not path.endswith("]") else "items"
        text = _length_text(u["want"], u["op"], int(u["n"]), value, noun)
        return DataError(file, text, path=path or "(top)")
    if u := _PATTERN.match(message):
        want = PATTERN_HINTS.get(u["regex"], f"a string matching {u['regex']}")
        return DataError(file, f"expected {want}{got}", path=path or "(top)")
    if u := _INVALID_ENUM.match(message):
        allowed = _literal_values(where)
        text = f"invalid value {u['value']}"
        if allowed:
            text += f"; expected one of: {', '.join(repr(a) for a in allowed)}"
        return DataError(file, text, path=path or "(top)")
    return DataError(file, _lower_first(printable(message))[:200], path=path or "(top)")


def _length_text(want: str, op: str, n: int, value: Any, noun: str = "items") -> str:
    if want == "str":
        if op == ">=" and n == 1:
            return "expected a non-empty string, got an empty one"
        size = f", got {len(value):,}" if isinstance(value, str) else ""
        return f"expected a string of {'at least' if op == '>=' else 'at most'} {n:,} characters{size}"
    size = f", got {len(value):,}" if isinstance(value, list) else ""
    return f"expected {'at least' if op == '>=' else 'at most'} {n:,} {noun}{size}"


def _value_at(data: Any, path: str) -> Any:
    """The value at a msgspec key path in parsed data, or ``_NO_VALUE``."""
    if data is _NO_VALUE:
        return _NO_VALUE
    node = data
    for name, index in re.findall(r"\.?([^.\[\]]+)|\[(\d+)\]", path):
        if index:
            if not isinstance(node, list) or int(index) >= len(node):
                return _NO_VALUE
            node = node[int(index)]
        else:
            if not isinstance(node, dict) or name not in node:
                return _NO_VALUE
            node = node[name]
    return node


def show_value(value: Any, limit: int = 40) -> str:
    """A short, one-line, TOML-flavoured rendering of a parsed value for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan (not a number)"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        digits = str(abs(value))
        return str(value) if len(digits) <= 20 else f"{'-' if value < 0 else ''}a {len(digits)}-digit number"
    if isinstance(value, str):
        shown = value if len(value) <= limit else value[: limit - 1] + "…"
        return printable(json.dumps(shown, ensure_ascii=False))
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return f"a {type(value).__name__.replace('datetime', 'date-time')}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


_ARTICLES = {
    "int": "an integer",
    "float": "a number",
    "str": "a string",
    "bool": "true or false",
    "array": "an array",
    "object": "a table",
    "datetime": "a date-time",
    "date": "a date",
    "time": "a time",
    "null": "nothing",
}


def _plain_type(name: str) -> str:
    parts = [p.strip() for p in name.split("|") if p.strip() != "null"] or ["null"]
    return " or ".join(_ARTICLES.get(p, p) for p in parts)


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional wrappers to reach the interesting type."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) == 1:
                tp = args[0]
                continue
        return tp


def _type_at(kind: Any, path: str) -> Any:
    """Follow a msgspec key path (``steps[3].reps``) through type hints."""
    tp = _unwrap(kind)
    for token in re.findall(r"\.?([^.\[\]]+)|\[(\d+)\]", path):
        name, index = token
        tp = _unwrap(tp)
        if index:
            args = typing.get_args(tp)
            tp = args[0] if args else Any
        elif isinstance(tp, type) and issubclass(tp, msgspec.Struct):
            hints = typing.get_type_hints(tp, include_extras=True)
            tp = hints.get(name, Any)
        else:
            return Any
    return _unwrap(tp)


def _field_names(tp: Any) -> list[str]:
    if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
        return list(getattr(tp, "__struct_encode_fields__", tp.__struct_fields__))
    return []


def _literal_values(tp: Any) -> list[Any]:
    if typing.get_origin(tp) is typing.Literal:
        return list(typing.get_args(tp))
    return []
