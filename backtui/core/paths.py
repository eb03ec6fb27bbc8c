"""Where backtui keeps the user's files.

``BACKTUI_HOME`` overrides everything (tests always set it to a temp dir);
otherwise the platform's user data dir is used. ``BACKTUI_BUNDLED_ROUTINES``
replaces the folder of bundled example routines.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "backtui"


class UnusableHome(OSError):
    """``BACKTUI_HOME`` names a folder backtui can't use; ``str(err)`` is one line saying why.

    An ``OSError``, so every place that already copes with a folder it can't write
    (saving, the settings, the history) copes with this too.
    """


def _expanded(override: str) -> Path:
    try:
        return Path(override).expanduser()
    except RuntimeError:  # '~someone' for a user that doesn't exist, or no home to expand '~' to
        user = override[1:].split("/", 1)[0]
        who = f"there is no user {user!r} on this system" if user else "there is no home folder to expand '~' to"
        raise UnusableHome(f"BACKTUI_HOME={override!r} can't be used: {who}") from None


def home() -> Path:
    """The user's data dir: ``$BACKTUI_HOME`` or the platform's data dir for backtui.

    Raises ``UnusableHome`` when ``BACKTUI_HOME`` can't even be turned into a path.
    """
    override = os.environ.get("BACKTUI_HOME")
    if override:
        return _expanded(override)
    import platformdirs  # only when BACKTUI_HOME is unset; a command that needs no folder skips it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def home_problem() -> str:
    """Why the data dir can't be used (one line), or ``""`` when it can.

    Looks without creating anything: the folder must be a folder (or not exist yet
    under a folder backtui can write to), and be writable.
    """
    try:
        folder = home()
    except UnusableHome as exc:
        return str(exc)
    shown = f"BACKTUI_HOME={os.environ['BACKTUI_HOME']!r}" if os.environ.get("BACKTUI_HOME") else str(folder)
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        what = "it is a file" if existing == folder else f"{existing} is a file"
        return f"{shown} can't be used: {what}, not a folder"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"{shown} can't be used: {existing} is not writable"
    return ""


def user_routines_dir() -> Path:
    """The folder the user's own routines are saved in."""
    return home() / "routines"


def history_db_path() -> Path:
    """The SQLite file that keeps the session history."""
    return home() / "history.sqlite3"


def cache_dir() -> Path:
    """Files backtui can rebuild at any time: ``$BACKTUI_HOME/cache``, or the platform's cache dir for backtui."""
    override = os.environ.get("BACKTUI_HOME")
    if override:
        return _expanded(override) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def bundled_routines_dir() -> Path:
    """The read-only example routines shipped with backtui.

    ``$BACKTUI_BUNDLED_ROUTINES`` points somewhere else, so tests and screenshots can
    use a fixed set of routines instead of whatever the repository ships.
    """
    override = os.environ.get("BACKTUI_BUNDLED_ROUTINES")
    if override:
        return Path(override).expanduser()
    packaged = Path(__file__).resolve().parent.parent / "routines"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "routines"
