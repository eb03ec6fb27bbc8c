"""The dashboard's one-line dosage, and the builder's step list, say what a step with named positions holds."""

from __future__ import annotations

from pathlib import Path

from backtui.core.library import load_library
from backtui.core.routine_files import load_routine
from backtui.core.timeline import resolve_all
from backtui.tui.formatting import dosage_summary

REPO = Path(__file__).resolve().parents[2]


def summaries(routine: str) -> dict[str, str]:
    steps = resolve_all(load_routine(REPO / "routines" / routine), load_library())
    return {step.name: dosage_summary(step) for step in steps}


def test_positions_with_one_hold_read_as_a_count_and_the_hold() -> None:
    assert summaries("core-strength.toml")["Dead Bug: stage one"] == "1 rep · 4 positions, hold 5 s each"


def test_positions_with_their_own_holds_are_named() -> None:
    lead_in = summaries("sciatica-friendly.toml")["Back Extension: lead-in"]
    assert lead_in == "1 rep · face down 5 min, on elbows 2 min"


def test_the_builders_step_list_names_the_positions_too() -> None:
    from backtui.tui.widgets.routine_steps import step_dosage

    steps = {s.name: s for s in resolve_all(load_routine(REPO / "routines" / "core-strength.toml"), load_library())}
    assert step_dosage(steps["Dead Bug: stage one"]) == "1 rep 4 positions 5s each"
    lead_in = resolve_all(load_routine(REPO / "routines" / "sciatica-friendly.toml"), load_library())
    assert step_dosage(next(s for s in lead_in if s.name == "Back Extension: lead-in")) == (
        "1 rep face down 300s/on elbows 120s"
    )
