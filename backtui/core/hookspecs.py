"""The hooks a backtui plugin can implement.

A plugin is a module (or object) named by an entry point in the ``backtui`` group.
It marks its functions with ``backtui.hookimpl``. The source hooks take no argument;
``backtui_cue`` is called by the runner with a ``Cue`` and the user's ``CueSettings``.
The host calls every plugin's hooks on their own, so one plugin's failure never
touches another's results. A plugin gives a source, cues, or both. The host adds provenance (distribution, version,
location); a plugin never declares it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

from backtui.core.model import Avoid, Exercise, Source

if TYPE_CHECKING:
    from backtui.core.cues import Cue
    from backtui.core.settings import CueSettings

PROJECT = "backtui"
ENTRY_POINT_GROUP = "backtui"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def backtui_source() -> Source:  # type: ignore[empty-body]
    """Return the plugin's ``Source``: id, title, author, safety notes, frequency.

    Required. Every id the plugin's other hooks return must start with this
    source's id and a colon.
    """


@hookspec
def backtui_exercises() -> Iterable[Exercise]:  # type: ignore[empty-body]
    """Return the source's exercises, each an ``Exercise`` with a unique id."""


@hookspec
def backtui_avoid() -> Iterable[Avoid]:  # type: ignore[empty-body]
    """Return what the source says not to do, each an ``Avoid`` with its reason."""


@hookspec
def backtui_cue(cue: Cue, settings: CueSettings) -> None:
    """Announce ``cue`` (a phase starting, a count-in second, the end) to the person on the mat.

    Called on a worker thread, never the UI thread, one cue at a time per plugin.
    A cue that arrives while the plugin is still busy may be dropped in favour of a
    newer one. Raise ``CueUnavailable`` (once) when the plugin can't announce
    anything (no speech engine); any other exception is reported as a failure.
    Either way the plugin gets no more cues in that run.
    """


SOURCE_HOOKS: tuple[str, ...] = ("backtui_source", "backtui_exercises", "backtui_avoid")
CUE_HOOKS: tuple[str, ...] = ("backtui_cue",)
HOOK_NAMES: tuple[str, ...] = SOURCE_HOOKS + CUE_HOOKS

#: The arguments each hook may take (an implementation may take fewer, by name).
HOOK_ARGS: dict[str, tuple[str, ...]] = {"backtui_cue": ("cue", "settings")}
