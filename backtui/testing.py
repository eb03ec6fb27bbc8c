"""A test kit for plugin authors: check a plugin the way backtui loads it.

In a plugin's tests::

    from backtui.testing import check_plugin

    def test_my_source() -> None:
        check_plugin("my-source")          # the entry point's name

or with the pytest fixture this module registers (it is a pytest plugin, loaded
automatically wherever backtui is installed)::

    def test_my_source(backtui_check) -> None:
        backtui_check("my-source")

``check_plugin`` finds the entry point in the ``backtui`` group, loads the plugin with
every other installed one exactly as the app does (so every hook must return valid
objects, with unique ids that start with the source id), then runs the checks of
``backtui.core.plugin_checks``, which strict mode and ``backtui check-plugin`` run
too: the source id is the entry point's name, no ``backtui_*`` function is left
unmarked, and nothing a reader of the library would trip over: an exercise that is
also on an avoid list (any loaded source's), exercises without steps or sharing a
name, and dosages outside sane bounds. Every problem found is listed in one
``PluginCheckFailed``, an ``AssertionError``.

Importing this module is cheap: it loads no plugin and no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from backtui.core.plugin_checks import LIMITS, dosage_problems

if TYPE_CHECKING:
    from backtui.core.model import Avoid, Exercise, Source
    from backtui.core.plugins import EntryPoint, PluginRecord

__all__ = ["LIMITS", "PluginCheckFailed", "PluginReport", "backtui_check", "check_plugin", "dosage_problems"]


class PluginCheckFailed(AssertionError):
    """A plugin failed the checks; ``problems`` lists them, one sentence each."""

    def __init__(self, name: str, problems: Sequence[str], source_id: str = "") -> None:
        self.name = name
        self.problems = list(problems)
        if not source_id:  # it did not load: the one reason is the whole message
            super().__init__("\n".join(self.problems))
            return
        listing = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"plugin {name!r} ({source_id}) fails the backtui checks:\n{listing}")


@dataclass(frozen=True)
class PluginReport:
    """What a plugin that passed the checks provides."""

    record: PluginRecord

    @property
    def source(self) -> Source:
        assert self.record.source is not None
        return self.record.source

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        return self.record.exercises

    @property
    def avoid(self) -> tuple[Avoid, ...]:
        return self.record.avoid


def _find(name: str, eps: Sequence[EntryPoint]) -> list[EntryPoint]:
    found = [ep for ep in eps if ep.name == name]
    if not found:
        known = ", ".join(sorted({ep.name for ep in eps})) or "none"
        raise PluginCheckFailed(
            name,
            [
                f"no entry point named {name!r} in the 'backtui' group (found: {known}). "
                "Is the package installed (pip install -e .), and does its pyproject.toml have "
                f'[project.entry-points.backtui] {name} = "your_module"?'
            ],
        )
    return found


def check_plugin(name: str, *, eps: Sequence[EntryPoint] | None = None) -> PluginReport:
    """Load plugin ``name`` the way backtui does and check it; raise ``PluginCheckFailed`` on any problem.

    ``PluginCheckFailed`` is an ``AssertionError`` listing every problem, one line each.
    ``eps`` replaces the installed entry points (for testing the kit itself). The
    plugin is loaded whatever ``BACKTUI_LOAD_PLUGINS``/``BACKTUI_DISABLE_PLUGINS`` say;
    every other installed plugin is loaded too, for the avoid lists and the source ids.
    """
    from backtui.core import plugins
    from backtui.core.plugin_checks import all_problems

    everything = plugins.discover() if eps is None else list(eps)
    _find(name, everything)
    records = plugins.load(everything, env={}, strict=False).records
    mine = [r for r in records if r.name == name]
    failed = [r.describe() for r in mine if not r.ok]
    if failed:
        raise PluginCheckFailed(name, [f"backtui cannot load it: {failed[0]}"])
    [record] = mine
    assert record.source is not None
    problems = all_problems(record, records)
    if problems:
        raise PluginCheckFailed(name, problems, record.source.id)
    return PluginReport(record)


try:
    import pytest
except ImportError:  # pragma: no cover - the kit works without pytest too
    pass
else:

    @pytest.fixture
    def backtui_check() -> Callable[..., PluginReport]:
        """``check_plugin``, as a fixture: ``backtui_check("my-source")``."""
        return check_plugin
