"""backtui: build and run lower-back exercise routines in the terminal.

This module is the public API for plugin authors::

    from backtui import hookimpl, Source, Exercise, Dosage, RepPosition, Stage, Avoid, Frequency

A plugin may also be data only; see ``data_source``.

The names are imported on first use (PEP 562), so starting the app or the command
line does not pay for pluggy and the model until something needs them.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from backtui.core.cues import Cue, CueUnavailable
    from backtui.core.hookspecs import hookimpl
    from backtui.core.model import Avoid, Dosage, Exercise, Frequency, RepPosition, Source, Stage
    from backtui.core.settings import CueSettings
    from backtui.core.sourcefile import data_source

__version__ = "0.1.0"

__all__ = [
    "Avoid",
    "Cue",
    "CueSettings",
    "CueUnavailable",
    "Dosage",
    "Exercise",
    "Frequency",
    "RepPosition",
    "Source",
    "Stage",
    "__version__",
    "data_source",
    "hookimpl",
]

_HOMES = {
    "hookimpl": "backtui.core.hookspecs",
    "Cue": "backtui.core.cues",
    "CueUnavailable": "backtui.core.cues",
    "CueSettings": "backtui.core.settings",
    "Avoid": "backtui.core.model",
    "Dosage": "backtui.core.model",
    "Exercise": "backtui.core.model",
    "Frequency": "backtui.core.model",
    "RepPosition": "backtui.core.model",
    "Source": "backtui.core.model",
    "Stage": "backtui.core.model",
    "data_source": "backtui.core.sourcefile",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'backtui' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
