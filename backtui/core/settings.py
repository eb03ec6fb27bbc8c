"""The user's settings: a small TOML file in the user's folder, written atomically.

``$BACKTUI_HOME/settings.toml`` (or the platform's data dir) holds what the user chose
in the app so that it survives a restart: the theme, whether cues are muted, and the
speech cue's voice and rate. A missing file means the defaults; a file that can't be
read gives the defaults and a one-line reason, never a crash.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import msgspec
import tomli_w

from backtui.core import paths
from backtui.core.atomic import write_text_atomic
from backtui.core.tomlfile import DataError, load

FILE_NAME = "settings.toml"


class CueSettings(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """How cue plugins speak: an empty voice means the engine's default."""

    voice: str = ""
    rate: Annotated[int, msgspec.Meta(ge=80, le=450)] = 160  # words per minute


class Settings(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    theme: str = ""  # empty: Textual's default theme
    mute: bool = False
    cues: CueSettings = msgspec.field(default_factory=CueSettings)
    # Progression suggestions the user accepted or dismissed (``progression.Suggestion.key``).
    progression_answered: tuple[str, ...] = ()


def settings_path() -> Path:
    return paths.home() / FILE_NAME


def load_settings(path: Path | None = None) -> tuple[Settings, str]:
    """The saved settings and ``""``, or the defaults and a one-line reason they couldn't be read."""
    try:
        target = settings_path() if path is None else path  # an unusable BACKTUI_HOME raises OSError here
    except OSError as exc:
        return Settings(), str(exc)
    try:
        if not target.exists():
            return Settings(), ""
        return load(target, Settings), ""
    except DataError as exc:
        return Settings(), str(exc)
    except OSError as exc:
        return Settings(), f"{target}: {exc.strerror or exc}"


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically; raises ``OSError`` when the folder can't be written."""
    target = settings_path() if path is None else path
    data = msgspec.to_builtins(settings)
    write_text_atomic(target, tomli_w.dumps(data))
