"""Where backtui keeps the user's files.

``BACKTUI_HOME`` overrides everything (tests always set it to a temp dir);
otherwise the platform's user data dir is used. ``BACKTUI_BUNDLED_ROUTINES``
replaces the folder of bundled example routines.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "backtui"


def home() -> Path:
    """The user's data dir: ``$BACKTUI_HOME`` or the platform's data dir for backtui."""
    override = os.environ.get("BACKTUI_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when BACKTUI_HOME is unset; a command that needs no folder skips it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


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
        return Path(override).expanduser() / "cache"
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
