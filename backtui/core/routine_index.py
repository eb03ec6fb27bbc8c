"""What the routine files said last time: name, description, step count, or the error.

The dashboard lists every routine file with its name and step count, or flags
it as broken. Finding that out means parsing and validating every file, and
importing the TOML parser and the typed model to do it, which is most of the
work before the dashboard's first frame. After each full listing the dashboard
saves a summary of it here, keyed on each file's name, size and modification
time; on the next start, when no file in either folder has changed, the first
frame lists the routines from the summary. The full listing still runs right
after that frame and replaces it, so a summary can be out of date for a few
milliseconds at most, never longer (say, after a backtui upgrade that checks
files differently).

The summary lives in the cache dir (``$BACKTUI_HOME/cache`` when that is set),
is written atomically, and is only ever a shortcut: a missing, unreadable or
foreign file, or any change in the folders, means it is not used, and failing
to write it is not an error. It is stored with ``marshal``, which needs no
import, and tagged with the Python version that wrote it.

This module imports nothing beyond the standard library's basics, so reading
the summary costs almost nothing.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from backtui.core import paths

#: Bumped whenever the stored layout changes; any other value is ignored.
FORMAT = 1
FILE_NAME = "routines.marshal"
#: A routine file's suffix (``routine_files`` lists and names files with it too).
SUFFIX = ".toml"

#: A folder's routine files as (name, size, modification time in ns), sorted by name.
Listing = tuple[tuple[str, int, int], ...]
#: Both folders (bundled, then the user's), each with its listing.
State = tuple[tuple[str, Listing], ...]


class RoutineSummary(NamedTuple):
    """One routine file as the dashboard lists it."""

    path: Path
    bundled: bool
    name: str
    description: str = ""
    steps: int = 0
    #: The one-line message of a file that doesn't load; empty when it does.
    error: str = ""

    @property
    def title(self) -> str:
        return self.path.stem if self.error else self.name


def cache_path() -> Path:
    """Where the summary is kept."""
    return paths.cache_dir() / FILE_NAME


def listing(folder: Path) -> Listing:
    """The routine files in ``folder`` with their sizes and modification times; empty if there is no folder."""
    found: list[tuple[str, int, int]] = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                if entry.name.endswith(SUFFIX):
                    stat = entry.stat()
                    found.append((entry.name, stat.st_size, stat.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(found))


def _tag() -> tuple[int, int, int]:
    return (FORMAT, *sys.version_info[:2])


def state(bundled_dir: Path, user_dir: Path) -> State:
    """Both folders' routine files as they are now: what a summary is valid for."""
    return tuple((str(folder), listing(folder)) for folder in (bundled_dir, user_dir))


def read(now: State) -> list[RoutineSummary] | None:
    """The saved summary, if it was saved when the folders were as ``now``; else ``None``."""
    try:
        tag, saved, rows = marshal.loads(cache_path().read_bytes())
        if tag != _tag() or saved != now:
            return None
        return [RoutineSummary(Path(p), bool(b), str(n), str(d), int(s), str(e)) for p, b, n, d, s, e in rows]
    except Exception:  # missing, unreadable, truncated, or another layout: not a shortcut this time
        return None


def write(summaries: Iterable[RoutineSummary], before: State) -> None:
    """Save ``summaries``, a full listing of the folders, for the next start; quietly skipped on failure.

    ``before`` is the folders' ``state()`` taken *before* the files were read, so a
    file changed while they were being read makes the saved summary not match
    next time, rather than match wrongly.
    """
    rows = [(str(s.path), s.bundled, s.name, s.description, s.steps, s.error) for s in summaries]
    try:
        target = cache_path()
    except OSError:  # BACKTUI_HOME can't be used: no summary this time
        return
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(marshal.dumps((_tag(), before, rows)))
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
