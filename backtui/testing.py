"""A test kit for plugin authors: check a plugin the way backtui loads it.

In a plugin's tests::

    from backtui.testing import check_plugin

    def test_my_source() -> None:
        check_plugin("my-source")          # the entry point's name

or with the pytest fixture this module registers (it is a pytest plugin, loaded
automatically wherever backtui is installed)::

    def test_my_source(backtui_check) -> None:
        backtui_check("my-source")

``check_plugin`` finds the entry point in the ``backtui`` group, loads the plugin in
strict mode exactly as the app does (so every hook must return valid objects, with
unique ids that start with the source id), then checks what a reader of the library
would trip over: an exercise that is also on an avoid list (any loaded source's),
exercises without steps or sharing a name, and dosages outside sane bounds. Every
problem found is listed in one ``AssertionError``.

Importing this module is cheap: it loads no plugin and no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import EntryPoint
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backtui.core.model import Avoid, Dosage, Exercise, Source
    from backtui.core.plugins import PluginRecord

__all__ = ["LIMITS", "PluginReport", "backtui_check", "check_plugin", "dosage_problems"]

#: The most a default dosage may ask for; beyond these it is almost surely a typo.
LIMITS: dict[str, int] = {
    "sets": 10,
    "reps": 100,
    "hold_s": 10 * 60,
    "rest_s": 10 * 60,
    "duration_s": 60 * 60,
}


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


def dosage_problems(dosage: Dosage) -> list[str]:
    """What is not sane about a dosage, one short sentence each; empty if it is fine."""
    problems = []
    for field, limit in LIMITS.items():
        value = getattr(dosage, field)
        if value is not None and value > limit:
            problems.append(f"{field} = {value} is more than {limit}")
        span = getattr(dosage, _RANGE.get(field, ""), None)
        if span is not None:
            low, high = span
            if low > high:
                problems.append(f"{_RANGE[field]} = [{low}, {high}] runs backwards")
            elif high > limit:
                problems.append(f"{_RANGE[field]} = [{low}, {high}] goes above {limit}")
            if value is None or not low <= value <= high:
                problems.append(f"{field} = {value} is outside {_RANGE[field]} [{low}, {high}]")
    if dosage.reps is not None and dosage.duration_s is not None:
        problems.append("both reps and duration_s are set; the timer paces the reps and ignores duration_s")
    return problems


_RANGE = {"sets": "sets_range", "reps": "reps_range", "hold_s": "hold_range_s", "duration_s": "duration_range_s"}


def _find(name: str, eps: Sequence[EntryPoint] | None) -> EntryPoint:
    from backtui.core import plugins

    found = {ep.name: ep for ep in (plugins.discover() if eps is None else eps)}
    if name not in found:
        known = ", ".join(sorted(found)) or "none"
        raise AssertionError(
            f"no entry point named {name!r} in the 'backtui' group (found: {known}). "
            "Is the package installed (pip install -e .), and does its pyproject.toml have "
            f'[project.entry-points.backtui] {name} = "your_module"?'
        )
    return found[name]


def check_plugin(name: str, *, eps: Sequence[EntryPoint] | None = None) -> PluginReport:
    """Load plugin ``name`` the way backtui does and check it; raise ``AssertionError`` on any problem.

    ``eps`` replaces the installed entry points (for testing the kit itself). The
    plugin is loaded whatever ``BACKTUI_LOAD_PLUGINS``/``BACKTUI_DISABLE_PLUGINS`` say.
    """
    from backtui.core import plugins
    from backtui.core.library import Library, name_key

    entry = _find(name, eps)
    try:
        [record] = plugins.load([entry], env={}, strict=True).records
    except plugins.PluginError as exc:
        raise AssertionError(f"backtui cannot load it: {exc}") from None

    assert record.source is not None
    problems: list[str] = []
    names: dict[str, str] = {}
    for ex in record.exercises:
        if not ex.steps:
            problems.append(f"{ex.id}: has no steps; say how to do it")
        key = name_key(ex.name)
        if key in names:
            problems.append(f"{ex.id}: has the same name as {names[key]} ({ex.name!r})")
        names.setdefault(key, ex.id)
        problems.extend(f"{ex.id}: dosage: {p}" for p in dosage_problems(ex.dosage))

    # Avoid items from every installed source count, this plugin's own included.
    others = [ep for ep in (plugins.discover() if eps is None else eps) if ep.name != name]
    everyone = [record, *plugins.load(others, env={}, strict=False).ok]
    library = Library(everyone)
    for ex in record.exercises:
        for match in library.avoid_matches(ex):
            problems.append(f"{ex.id}: {match.describe()}")

    if problems:
        listing = "\n".join(f"  - {p}" for p in problems)
        raise AssertionError(f"plugin {name!r} ({record.source.id}) fails the backtui checks:\n{listing}")
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
