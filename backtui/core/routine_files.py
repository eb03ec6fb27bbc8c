"""Routine files on disk: load, atomic save, safe file names, and listing.

Bundled routines (the repo's ``routines/``) are read-only; the user's live in
``paths.user_routines_dir()``. Nothing is ever written outside that folder.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from backtui.core import paths
from backtui.core.atomic import write_text_atomic, write_text_new
from backtui.core.routine import SCHEMA_VERSION, Routine, step_shape_problem
from backtui.core.routine_index import SUFFIX, RoutineSummary
from backtui.core.tomlfile import DataError, convert, parse_toml, read_toml_file

MAX_STEM = 64
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


#: Top-level keys of a routine; a file with none of them is something else.
_ROUTINE_KEYS = ("schema", "name", "steps")


def load_routine(path: Path, display: str | None = None) -> Routine:
    """Read and validate a routine file; raises ``DataError`` with a located one-line message."""
    file = display or str(path)
    return parse_routine(read_toml_file(path, file), file)


def loads_routine(text: str, file: str = "<text>") -> Routine:
    """Parse and validate routine TOML text (what ``dumps`` writes)."""
    return parse_routine(parse_toml(text, file), file)


def parse_routine(data: dict[str, Any], file: str) -> Routine:
    """Validate parsed TOML as a routine: schema version first, then types, then step shapes."""
    if not data:
        raise DataError(file, "the file is empty; a routine needs at least 'name' and some [[steps]]")
    if not any(key in data for key in _ROUTINE_KEYS):
        keys = ", ".join(list(data)[:5]) + (", …" if len(data) > 5 else "")
        raise DataError(file, f"this is not a backtui routine: it has no 'name' or [[steps]] (its keys: {keys})")
    schema = data.get("schema", SCHEMA_VERSION)
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION:
        raise DataError(
            file,
            f"schema {schema} is newer than this backtui understands (up to {SCHEMA_VERSION}); upgrade backtui",
            path="schema",
        )
    routine = convert(data, Routine, file)
    for index, step in enumerate(routine.steps):
        if problem := step_shape_problem(step):
            raise DataError(file, problem, path=f"steps[{index}]")
    return routine


def dumps(routine: Routine) -> str:
    """The routine as TOML people can read and diff.

    Fixed key order (the struct's field order), values equal to their defaults left
    out, ``[defaults]`` as a table and each step as a ``[[steps]]`` table.
    """
    import tomli_w  # only saving needs it; listing routines at start-up does not

    data = msgspec.to_builtins(routine)
    head = {"schema": routine.schema, **{k: data[k] for k in ("name", "description") if k in data}}
    parts = [tomli_w.dumps(head)]
    defaults = data.get("defaults")
    if defaults:
        parts.append("[defaults]\n" + tomli_w.dumps(defaults))
    for step in data.get("steps", []):
        parts.append("[[steps]]\n" + tomli_w.dumps(step))
    return "\n".join(parts)


def save_routine(routine: Routine, path: Path) -> None:
    """Write atomically: temp file in the same folder, fsync, rename. On failure the old file stays.

    The routine is checked as a loaded file would be first (msgspec does not check
    constraints on Structs built in Python), so a file that could not be loaded
    back is never written: ``DataError`` instead.
    """
    parse_routine(msgspec.to_builtins(routine), str(path))
    write_text_atomic(path, dumps(routine))


def save_as_user(
    routine: Routine, name: str | None = None, *, folder: Path | None = None, exclude: Path | None = None
) -> Path:
    """Save a copy in the user's routines folder under a new, free, safe file name; return its path.

    This is how a bundled (read-only) routine is saved after editing: never over the
    bundled file, always as a new file in the user's folder. Each name is claimed
    atomically (``write_text_new``), so two backtui instances saving at once each get
    their own file and neither overwrites the other's. ``exclude`` is the routine's
    own file: when its name comes up, it is saved over (renaming a routine to the
    name it already has).
    """
    parse_routine(msgspec.to_builtins(routine), "(routine)")
    text = dumps(routine)
    folder = folder or paths.user_routines_dir()
    # Made here, once: a FileExistsError from the loop below then always means a name was taken
    # (a file where the folder should be raises here, and is reported, instead of looping).
    folder.mkdir(parents=True, exist_ok=True)
    for candidate in _candidates(folder, safe_stem(name if name is not None else routine.name)):
        if candidate == exclude:
            write_text_atomic(candidate, text)
            return candidate
        if candidate.exists():
            continue
        try:
            write_text_new(candidate, text)
        except FileExistsError:  # another process took the name a moment ago
            continue
        return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def is_bundled(path: Path) -> bool:
    """True for a file inside the bundled (read-only) routines folder."""
    return path.resolve().is_relative_to(paths.bundled_routines_dir().resolve())


def safe_stem(name: str) -> str:
    """A file name stem from a routine name: ASCII, lowercase-hyphen, never empty or reserved."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:MAX_STEM].strip("-")
    if not stem:
        stem = "routine"
    if stem in _WINDOWS_RESERVED:
        stem = f"{stem}-routine"
    return stem


def _candidates(folder: Path, stem: str) -> Iterator[Path]:
    """``stem.toml``, ``stem-2.toml``, ``stem-3.toml``, …"""
    yield folder / f"{stem}{SUFFIX}"
    for n in itertools.count(2):
        yield folder / f"{stem}-{n}{SUFFIX}"


def user_path_for(name: str, folder: Path | None = None, *, exclude: Path | None = None) -> Path:
    """The path a new routine called ``name`` would get now (``save_as_user`` claims one for real)."""
    for candidate in _candidates(folder or paths.user_routines_dir(), safe_stem(name)):
        if candidate == exclude or not candidate.exists():
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


class RoutineEntry(msgspec.Struct, frozen=True):
    """A routine file found on disk, loaded or with the error that stopped it."""

    path: Path
    bundled: bool
    routine: Routine | None = None
    error: str = ""

    @property
    def title(self) -> str:
        return self.routine.name if self.routine else self.path.stem

    def summary(self) -> RoutineSummary:
        """What the dashboard lists for this file (and keeps in ``routine_index`` for the next start)."""
        if self.routine is None:
            return RoutineSummary(self.path, self.bundled, self.path.stem, error=self.error or "can't be loaded")
        routine = self.routine
        return RoutineSummary(self.path, self.bundled, routine.name, routine.description, len(routine.steps))


def list_routines(bundled_dir: Path | None = None, user_dir: Path | None = None) -> list[RoutineEntry]:
    """Bundled routines first, then the user's, each sorted by file name."""
    entries: list[RoutineEntry] = []
    for folder, bundled in (
        (bundled_dir or paths.bundled_routines_dir(), True),
        (user_dir or paths.user_routines_dir(), False),
    ):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"*{SUFFIX}")):
            try:
                entries.append(RoutineEntry(path, bundled, load_routine(path)))
            except DataError as exc:
                entries.append(RoutineEntry(path, bundled, error=str(exc)))
    return entries
