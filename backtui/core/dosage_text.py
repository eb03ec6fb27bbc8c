"""A dosage in a few words, as the library, the detail pane and ``backtui exercises`` show it."""

from __future__ import annotations

from collections.abc import Sequence

from backtui.core.model import Dosage


def _span(default: int, span: tuple[int, int] | None, unit: str = "") -> str:
    """``5s``, or ``5-10s`` when the article gives a range (the default is its low end)."""
    if span is not None and span[0] != span[1]:
        return f"{span[0]}–{span[1]}{unit}"
    return f"{default}{unit}"


def dosage_text(d: Dosage) -> str:
    """A compact dosage with the article's ranges: ``2×10 hold 3–5s rest 60s each side``."""
    parts = []
    if d.duration_s:
        parts.append(_span(d.duration_s, d.duration_range_s, "s"))
    sets = _span(d.sets, d.sets_range)
    if d.reps:
        reps = _span(d.reps, d.reps_range)
        if d.sets > 1 or d.sets_range:
            parts.append(f"{sets}×{reps}")
        else:
            parts.append(f"{reps} rep" if reps == "1" else f"{reps} reps")
    elif d.sets > 1 or d.sets_range:
        parts.append(f"{sets} sets")
    if d.hold_s:
        parts.append(f"hold {_span(d.hold_s, d.hold_range_s, 's')}")
    if d.positions:
        parts.append(positions_text([(p.name, p.hold_s) for p in d.positions]))
    if d.rest_s:
        parts.append(f"rest {d.rest_s}s")
    if d.sides == "each":
        parts.append("each side")
    elif d.sides == "alternate":
        parts.append("alternating")
    if d.start_side and d.sides != "none":
        parts.append(f"from the {d.start_side}")
    return " ".join(parts)


def positions_text(positions: Sequence[tuple[str, int]]) -> str:
    """Timed positions as (name, hold) pairs, in a few words: ``sag/round 5s each``;
    ``4 positions 5s each``; ``face down 300s/on elbows 120s``."""
    holds = {hold for _, hold in positions}
    if len(holds) == 1:
        names = (
            "/".join(name.lower() for name, _ in positions) if len(positions) <= 2 else f"{len(positions)} positions"
        )
        return f"{names} {holds.pop()}s each"
    return "/".join(f"{name.lower()} {hold}s" for name, hold in positions)
