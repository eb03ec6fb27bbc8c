"""Finding a routine by what a person types: its name, its file stem, or a path.

``backtui run morning-back`` and ``backtui build "Morning back"`` look in the user's
routines folder first, then the bundled one. A name matches a routine whose name or
file stem is the same ignoring case, spaces and punctuation (``morning-back`` finds
"Morning back ☀"). A name nothing matches gets the close matches and where routines
live, in one line.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from backtui.core import paths
from backtui.core.routine_files import RoutineEntry, list_routines, safe_stem
from backtui.core.routine_index import SUFFIX
from backtui.core.tomlfile import DataError


def looks_like_path(text: str) -> bool:
    """True for text that names a file rather than a routine: it has a folder part or the routine suffix."""
    return "/" in text or "\\" in text or text.endswith(SUFFIX) or text.startswith(("~", "."))


def _key(text: str) -> str:
    return safe_stem(text)


def _keys(entry: RoutineEntry) -> set[str]:
    keys = {_key(entry.path.stem)}
    if entry.routine is not None:
        keys.add(_key(entry.routine.name))
    return keys


def where_routines_live() -> str:
    return f"your routines are in {paths.user_routines_dir()}, the bundled ones in {paths.bundled_routines_dir()}"


def find_routine(text: str, entries: list[RoutineEntry] | None = None) -> Path:
    """The routine file ``text`` names: an existing path, or a routine's name or stem.

    The user's folder is searched before the bundled one, so a copy of a bundled
    routine is found first. Raises ``DataError`` naming the close matches and where
    routines live when nothing matches, or listing the files when a name is ambiguous.
    """
    given = Path(text).expanduser()
    if given.exists() or looks_like_path(text):
        if not given.exists():
            raise DataError(text, f"no such file ({where_routines_live()})")
        return given
    found = list_routines() if entries is None else entries
    wanted = text.casefold().strip()
    for same in (
        lambda e: e.routine is not None and e.routine.name.casefold().strip() == wanted,
        lambda e: e.path.stem.casefold() == wanted,
        lambda e: _key(text) in _keys(e),
    ):
        for bundled in (False, True):  # the user's own routines first
            hits = [e for e in found if e.bundled == bundled and same(e)]
            if len(hits) == 1:
                return hits[0].path
            if len(hits) > 1:
                files = ", ".join(str(e.path) for e in hits)
                raise DataError(text, f"more than one routine has this name: {files}; give the file instead")
    raise DataError(text, unknown_name_message(text, found))


def unknown_name_message(text: str, entries: list[RoutineEntry]) -> str:
    """``no routine has this name; did you mean …?`` and where routines live."""
    by_key: dict[str, str] = {}
    for entry in entries:
        names = (entry.path.stem, entry.routine.name) if entry.routine else (entry.path.stem,)
        for name in names:  # suggest the stem: it can be typed without quotes
            by_key.setdefault(name.casefold(), entry.path.stem)
    close = difflib.get_close_matches(text.casefold(), list(by_key), n=3, cutoff=0.5)
    suggestions = list(dict.fromkeys(by_key[c] for c in close))
    hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    return f"no routine has this name{hint} ({where_routines_live()})"


def last_run_routine() -> Path:
    """The routine file of the most recent session in the history (``backtui run --last``).

    Reads the history's newest session; a record whose path no longer exists (older
    records kept the path as typed, relative to wherever backtui was started) falls
    back to finding the routine by its recorded name. Raises ``DataError`` when there
    is nothing to run.
    """
    from backtui.core import paths
    from backtui.core.history import HistoryUnavailable, open_history

    try:
        recorded_any = paths.history_db_path().exists()
    except OSError:
        recorded_any = True  # let open_history say what is wrong
    if not recorded_any:
        raise DataError("history", "no routine has been run yet; run one by name: backtui run NAME")
    opened = open_history(readonly=True)  # only to read: never creates or migrates a history
    if opened.history is None:
        raise DataError("history", f"can't tell the last routine: {opened.error}")
    try:
        last = opened.history.last_session()
    except HistoryUnavailable as exc:
        raise DataError("history", f"can't tell the last routine: {exc}") from None
    finally:
        opened.history.close()
    if last is None:
        raise DataError("history", "no routine has been run yet; run one by name: backtui run NAME")
    recorded = Path(last.routine_path).expanduser() if last.routine_path else None
    if recorded is not None and recorded.is_file():
        return recorded
    try:
        return find_routine(last.routine_name)
    except DataError:
        where = last.routine_path or last.routine_name
        raise DataError(where, f"the last routine run, {last.routine_name!r}, is no longer there") from None


def names_in_use(exclude: Path | None = None) -> dict[str, str]:
    """The routines' names (case-folded) in both folders, each with its file; ``exclude``'s own name left out."""
    skip = exclude.resolve() if exclude is not None else None
    taken: dict[str, str] = {}
    for entry in list_routines():
        if entry.routine is not None and entry.path.resolve() != skip:
            where = f"bundled, {entry.path.name}" if entry.bundled else entry.path.name
            taken.setdefault(entry.routine.name.casefold().strip(), where)
    return taken
