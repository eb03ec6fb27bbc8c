"""Data-only sources: a source, its exercises and its avoid list in one TOML file.

A plugin package ships ``source.toml`` beside its ``__init__.py`` and needs two lines::

    from backtui import data_source
    backtui_source, backtui_exercises, backtui_avoid = data_source(__name__)

The file is read when the host first calls a hook, and checked with the same
located, one-line errors as routine files. An exercise or avoid ``id`` may be a
bare slug; the source id is put in front of it.
"""

from __future__ import annotations

import importlib
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

from backtui.core.hookspecs import hookimpl
from backtui.core.model import Avoid, Exercise, Source, _check_ranges
from backtui.core.tomlfile import MAX_FILE_BYTES, DataError, convert, parse_toml, read_toml_file


class SourceFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """The layout of a data-only source file."""

    source: Source
    exercises: tuple[Exercise, ...] = ()
    avoid: tuple[Avoid, ...] = ()


def _qualify(data: Any) -> Any:
    """Put ``SOURCE:`` in front of bare slugs, leaving anything odd for validation to report."""
    if not isinstance(data, dict):
        return data
    source = data.get("source")
    source_id = source.get("id") if isinstance(source, dict) else None
    if not isinstance(source_id, str):
        return data
    for table in ("exercises", "avoid"):
        items = data.get(table)
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("id"), str) and ":" not in item["id"]:
                    item["id"] = f"{source_id}:{item['id']}"
    return data


def parse_source_text(text: str, file: str) -> SourceFile:
    """Parse and validate the text of a source file."""
    data = convert(_qualify(parse_toml(text, file)), SourceFile, file)
    _check_file(data, file)
    return data


def load_source_file(path: Path, display: str | None = None) -> SourceFile:
    """Read and validate a source file on disk."""
    file = display or str(path)
    data = convert(_qualify(read_toml_file(path, file)), SourceFile, file)
    _check_file(data, file)
    return data


def _check_file(data: SourceFile, file: str) -> None:
    for index, ex in enumerate(data.exercises):
        try:
            _check_ranges(ex)
        except msgspec.ValidationError as exc:
            raise DataError(file, str(exc).split(" - at ")[0], path=f"exercises[{index}].dosage") from None


def read_source_file(path: Path, display: str) -> str:
    """The text of a source file, at most ``MAX_FILE_BYTES`` of it; any failure is a ``DataError`` naming it.

    Only a regular file is read, and the cap counts the bytes actually read.
    """
    try:
        with path.open("rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise DataError(display, "not a regular file; a source file must be a plain TOML file")
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise DataError(display, "no such file; a data-style plugin ships it beside its __init__.py") from None
    except IsADirectoryError:
        raise DataError(display, "this is a folder, not a file") from None
    except OSError as exc:
        raise DataError(display, f"cannot read the file ({exc.strerror or exc})") from None
    return _decode(data, display)


def _decode(data: bytes, display: str) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise DataError(display, f"the file is over {MAX_FILE_BYTES:,} bytes, the most backtui reads")
    if b"\x00" in data:
        raise DataError(display, "this is a binary file, not TOML text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(display, "the file is not valid UTF-8 text", line=line) from None


def _read_packaged(package: str, filename: str, display: str) -> str:
    """The text of a file shipped inside ``package``.

    A package installed as files is read straight from its folder; only an unusual
    install (a zip, say) needs ``importlib.resources``, which is slow to import.
    """
    module = sys.modules.get(package) or importlib.import_module(package)
    origin = getattr(module, "__file__", None)
    if origin:
        return read_source_file(Path(origin).parent / filename, display)
    from importlib import resources

    try:
        with resources.files(package).joinpath(filename).open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise DataError(display, f"cannot read the file ({exc})") from None
    return _decode(data, display)


def data_source(
    package: str, filename: str = "source.toml"
) -> tuple[Callable[[], Source], Callable[[], list[Exercise]], Callable[[], list[Avoid]]]:
    """Hook implementations that serve a source file shipped inside ``package``."""
    cache: list[SourceFile] = []

    def data() -> SourceFile:
        if not cache:
            display = f"{package}/{filename}"
            cache.append(parse_source_text(_read_packaged(package, filename, display), display))
        return cache[0]

    @hookimpl
    def backtui_source() -> Source:
        return data().source

    @hookimpl
    def backtui_exercises() -> list[Exercise]:
        return list(data().exercises)

    @hookimpl
    def backtui_avoid() -> list[Avoid]:
        return list(data().avoid)

    return backtui_source, backtui_exercises, backtui_avoid
