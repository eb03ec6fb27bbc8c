"""Short human texts for times and dosages, shared by the screens."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backtui.core.routine import ResolvedStep


def clock(seconds: float) -> str:
    """``12:05`` or ``1:02:05``: a duration as a clock reads."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def spoken(seconds: float) -> str:
    """``45 s``, ``2 min``, ``12 min 30 s``, ``1 h 5 min``: a duration as a person says it."""
    total = max(0, round(seconds))
    if total < 60:
        return f"{total} s"
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min {secs} s" if secs else f"{minutes} min"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


_SIDES = {"each": "each side", "alternate": "alternating sides"}


def dosage_summary(step: ResolvedStep) -> str:
    """One line: ``2 sets × 10 reps · hold 5 s · each side`` or ``1 min · each side``."""
    from backtui.core.timeline import FALLBACK_DURATION_S  # the timeline (and plugins) load after the first frame

    parts: list[str] = []
    if step.reps is not None:
        reps = plural(step.reps, "rep")
        parts.append(f"{step.sets} sets × {reps}" if step.sets > 1 else reps)
        if step.hold_s:
            parts.append(f"hold {spoken(step.hold_s)}")
        elif step.positions:  # each rep moves through named, timed positions
            holds = {hold for _, hold in step.positions}
            if len(holds) == 1:
                parts.append(f"{plural(len(step.positions), 'position')}, hold {spoken(holds.pop())} each")
            else:
                parts.append(", ".join(f"{name.lower()} {spoken(hold)}" for name, hold in step.positions))
    else:
        length = spoken(step.duration_s or FALLBACK_DURATION_S)
        parts.append(f"{step.sets} × {length}" if step.sets > 1 else length)
    if step.sides in _SIDES:
        parts.append(_SIDES[step.sides])
    if step.sets > 1 and step.rest_s:
        parts.append(f"rest {spoken(step.rest_s)}")
    return " · ".join(parts)


def display_path(path: Path) -> str:
    """A path as short as it can be while still opening the same file from here.

    Relative to the working folder when the file is inside it, else with ``~`` for
    the home folder, else absolute.
    """
    absolute = path.expanduser().absolute()
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(absolute.relative_to(base))
        except ValueError:
            continue
    return str(absolute)


def relocate_message(message: str, path: Path) -> str:
    """A ``DataError`` text for ``path`` with its file part shown as ``display_path`` shows it."""
    raw = str(path)
    return display_path(path) + message[len(raw) :] if message.startswith(raw) else message
