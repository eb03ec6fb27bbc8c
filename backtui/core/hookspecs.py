"""The hooks a backtui plugin can implement.

A plugin is a module (or object) named by an entry point in the ``backtui`` group.
It marks its functions with ``backtui.hookimpl``; each hook takes no argument and
the host calls every plugin's hooks on their own, so one plugin's failure never
touches another's results. The host adds provenance (distribution, version,
location); a plugin never declares it.
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from backtui.core.model import Avoid, Exercise, Source

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


HOOK_NAMES: tuple[str, ...] = ("backtui_source", "backtui_exercises", "backtui_avoid")
