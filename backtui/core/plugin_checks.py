"""What a reader of the library would trip over in a plugin's content.

The checks of the plugin test kit (``backtui.testing``), of ``backtui check-plugin``
and of strict mode (``BACKTUI_STRICT_PLUGINS=1``): every exercise has steps, no two
share a name, each dosage is within sane bounds, and no exercise is on an avoid
list (any loaded source's). A plugin that loads at all already passed the loader's
own checks (valid objects, ids); this looks at what those objects say.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backtui.core.model import Dosage
    from backtui.core.plugins import PluginRecord

#: The most a default dosage may ask for; beyond these it is almost surely a typo.
LIMITS: dict[str, int] = {
    "sets": 10,
    "reps": 100,
    "hold_s": 10 * 60,
    "rest_s": 10 * 60,
    "duration_s": 60 * 60,
}

#: The least each field may be (rest may be zero; everything else counts from one).
LEAST: dict[str, int] = {"sets": 1, "reps": 1, "hold_s": 1, "rest_s": 0, "duration_s": 1}

_RANGE = {"sets": "sets_range", "reps": "reps_range", "hold_s": "hold_range_s", "duration_s": "duration_range_s"}


def dosage_problems(dosage: Dosage) -> list[str]:
    """What is not sane about a dosage, one short sentence each; empty if it is fine.

    A ``Dosage`` built in Python is not checked when it is made, so the lower limits
    are checked here as well as the upper ones.
    """
    problems = []
    for field, limit in LIMITS.items():
        value = getattr(dosage, field)
        least = LEAST[field]
        if value is not None and value < least:
            problems.append(f"{field} = {value} is less than {least}")
        elif value is not None and value > limit:
            problems.append(f"{field} = {value} is more than {limit}")
        span = getattr(dosage, _RANGE.get(field, ""), None)
        if span is not None:
            low, high = span
            if low > high:
                problems.append(f"{_RANGE[field]} = [{low}, {high}] runs backwards")
            elif low < least:
                problems.append(f"{_RANGE[field]} = [{low}, {high}] goes below {least}")
            elif high > limit:
                problems.append(f"{_RANGE[field]} = [{low}, {high}] goes above {limit}")
            if value is None or not low <= value <= high:
                problems.append(f"{field} = {value} is outside {_RANGE[field]} [{low}, {high}]")
    if dosage.reps is not None and dosage.duration_s is not None:
        problems.append("both reps and duration_s are set; the timer paces the reps and ignores duration_s")
    return problems


def content_problems(record: PluginRecord, everyone: Sequence[PluginRecord]) -> list[str]:
    """The content checks for one loaded plugin; ``everyone`` are all loaded plugins (for avoid lists)."""
    from backtui.core.library import Library, name_key

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
    library = Library([record, *(r for r in everyone if r.ok and r.name != record.name)])
    for ex in record.exercises:
        for match in library.avoid_matches(ex):
            problems.append(f"{ex.id}: {match.describe()}")
    return problems


def all_problems(record: PluginRecord, everyone: Sequence[PluginRecord]) -> list[str]:
    """The loader's warnings, then the content checks: everything the kit reports for a plugin that loads."""
    return [*record.warnings, *content_problems(record, everyone)]
