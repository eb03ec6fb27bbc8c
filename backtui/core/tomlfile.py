"""Reading TOML files into typed structs, with errors a person can act on.

Every failure becomes a ``DataError`` whose ``str`` is one line naming the file and
the place: ``FILE:LINE:COL: message`` for syntax errors, ``FILE: key.path: message``
for schema errors. Nothing in a file is ever imported or run.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

import msgspec

T = TypeVar("T")

#: Files bigger than this are refused before they are parsed.
MAX_FILE_BYTES = 1_000_000


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
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.col or 1}: {self.message}"
        if self.path:
            return f"{self.file}: {self.path}: {self.message}"
        return f"{self.file}: {self.message}"


_TOML_POS = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")
_TOML_EOF = re.compile(r"^(?P<msg>.*?)\s*\(at end of document\)$")


def parse_toml(text: str, file: str) -> dict[str, Any]:
    """Parse TOML text, turning ``tomllib`` errors into a located ``DataError``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raw = str(exc)
        if m := _TOML_POS.match(raw):
            raise DataError(file, _lower_first(m["msg"]), line=int(m["line"]), col=int(m["col"])) from None
        if m := _TOML_EOF.match(raw):
            last_line = text.count("\n") + 1
            raise DataError(file, _lower_first(m["msg"]) + " at the end of the file", line=last_line) from None
        raise DataError(file, _lower_first(raw)) from None
    except RecursionError:
        raise DataError(file, "the file nests too deeply to be a backtui file") from None


def read_toml_file(path: Path, display: str | None = None) -> dict[str, Any]:
    """Read and parse a TOML file, refusing huge, binary or unreadable files."""
    file = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(file, f"the file is {size:,} bytes; backtui reads files up to {MAX_FILE_BYTES:,} bytes")
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(file, "no such file") from None
    except IsADirectoryError:
        raise DataError(file, "this is a folder, not a file") from None
    except PermissionError:
        raise DataError(file, "permission denied") from None
    except OSError as exc:
        raise DataError(file, f"cannot read the file ({exc.strerror or exc})") from None
    if b"\x00" in data:
        raise DataError(file, "this is a binary file, not TOML text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(file, "the file is not valid UTF-8 text", line=line) from None
    return parse_toml(text, file)


def convert(data: Any, kind: type[T], file: str) -> T:
    """Validate parsed data as ``kind``; a failure becomes a ``DataError`` with a key path."""
    try:
        return msgspec.convert(data, type=kind, strict=True)
    except msgspec.ValidationError as exc:
        raise describe_validation_error(exc, kind, file) from None


def load(path: Path, kind: type[T], display: str | None = None) -> T:
    """Read a TOML file and validate it as ``kind``."""
    file = display or str(path)
    return convert(read_toml_file(path, file), kind, file)


_AT = re.compile(r"^(?P<msg>.*) - at `\$(?P<path>[^`]*)`$")
_UNKNOWN = re.compile(r"^Object contains unknown field `(?P<field>[^`]*)`$")
_MISSING = re.compile(r"^Object missing required field `(?P<field>[^`]*)`$")
_EXPECTED = re.compile(r"^Expected `(?P<want>[^`]*)`, got `(?P<got>[^`]*)`$")
_CONSTRAINT = re.compile(r"^Expected `(?P<want>[^`]*)` (?P<op>>=|<=|>|<) (?P<n>-?[\d.e+]+)$")
_INVALID_ENUM = re.compile(r"^Invalid enum value (?P<value>.*)$")


def describe_validation_error(exc: msgspec.ValidationError, kind: type[Any], file: str) -> DataError:
    """Turn a msgspec error into a one-line ``DataError`` naming the key path."""
    raw = str(exc)
    m = _AT.match(raw)
    message, dollar_path = (m["msg"], m["path"]) if m else (raw, "")
    path = dollar_path.lstrip(".")
    where = _type_at(kind, path)

    if u := _UNKNOWN.match(message):
        field = u["field"]
        known = _field_names(where)
        full = f"{path}.{field}" if path else field
        hint = difflib.get_close_matches(field, known, n=1, cutoff=0.6)
        text = f"unknown key {field!r}"
        if hint:
            text += f"; did you mean {hint[0]!r}?"
        elif known:
            text += f"; expected one of: {', '.join(known)}"
        return DataError(file, text, path=full)
    if u := _MISSING.match(message):
        field = u["field"]
        return DataError(file, "this key is required", path=f"{path}.{field}" if path else field)
    if u := _EXPECTED.match(message):
        return DataError(file, f"expected {_plain_type(u['want'])}, got {_plain_type(u['got'])}", path=path or "(top)")
    if u := _CONSTRAINT.match(message):
        op = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}[u["op"]]
        want = _plain_type(u["want"])
        text = f"expected {want} {op} {u['n']}"
        return DataError(file, text, path=path or "(top)")
    if u := _INVALID_ENUM.match(message):
        allowed = _literal_values(where)
        text = f"invalid value {u['value']}"
        if allowed:
            text += f"; expected one of: {', '.join(repr(a) for a in allowed)}"
        return DataError(file, text, path=path or "(top)")
    return DataError(file, _lower_first(message), path=path or "(top)")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


_ARTICLES = {
    "int": "an integer",
    "float": "a number",
    "str": "a string",
    "bool": "true or false",
    "array": "an array",
    "object": "a table",
    "null": "nothing",
}


def _plain_type(name: str) -> str:
    parts = [p.strip() for p in name.split("|")]
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
