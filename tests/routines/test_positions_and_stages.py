"""Positions within a rep, starting sides and stages, paced as the articles give them.

These use the bundled plugins (installed in the dev environment), since the point is
that the timer follows each article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backtui.cli import main
from backtui.core.library import Library, load_library
from backtui.core.routine import Routine, Step
from backtui.core.routine_check import check
from backtui.core.timeline import Phase, plan

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundled() -> Library:
    return load_library()


def phases_of(library: Library, **step: object) -> list[Phase]:
    routine = Routine(name="t", steps=[Step(**step)])  # type: ignore[arg-type]
    return [p for p in plan(routine, library) if p.step == 0 and p.kind not in ("prepare", "done")]


def test_plan_json_holds_both_ends_of_every_cat_curl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cat.toml"
    path.write_text('schema = 1\nname = "Cat"\n\n[[steps]]\nexercise = "health-inspiration:cat-curl"\n')
    assert main(["plan", "--json", str(path)]) == 0
    phases = json.loads(capsys.readouterr().out)["phases"]
    holds = [p for p in phases if p["kind"] == "hold"]
    assert len(holds) == 20
    assert [p["position"] for p in holds[:4]] == ["Sag", "Round", "Sag", "Round"]
    assert {p["duration_s"] for p in holds} == {5}
    assert [p["rep"] for p in holds[:4]] == [1, 1, 2, 2]


def test_the_timeline_names_each_position(bundled: Library) -> None:
    labels = [p.label for p in phases_of(bundled, exercise="health-inspiration:pelvic-tilt")[:4]]
    assert labels == ["FLATTEN · hold 5", "RELAX", "ARCH · hold 5", "RELAX"]


def test_merative_cat_and_camel_is_three_sets_of_round_then_chest_down(bundled: Library) -> None:
    holds = [p for p in phases_of(bundled, exercise="merative:cat-and-camel") if p.kind == "hold"]
    assert [(p.set, p.position, p.duration_s) for p in holds] == [
        (n, position, 5) for n in (1, 2, 3) for position in ("Round", "Chest down")
    ]


def test_side_plank_starts_on_the_right_as_the_article_says(bundled: Library) -> None:
    holds = [p for p in phases_of(bundled, exercise="health-inspiration:side-plank") if p.kind == "hold"]
    assert [p.side for p in holds] == ["right", "left"]
    # A step's own start_side still wins.
    holds = [
        p for p in phases_of(bundled, exercise="health-inspiration:side-plank", start_side="left") if p.kind == "hold"
    ]
    assert [p.side for p in holds] == ["left", "right"]


def test_a_step_picks_a_stage(bundled: Library) -> None:
    lead_in = phases_of(bundled, exercise="health-inspiration:back-extension", stage="lead-in")
    assert [(p.label, p.duration_s) for p in lead_in] == [
        ("FACE DOWN · hold 5 min", 300),
        ("RELAX", 2),
        ("ON ELBOWS · hold 2 min", 120),
    ]
    assert lead_in[0].name == "Back Extension: lead-in"
    two = phases_of(bundled, exercise="health-inspiration:dead-bug", stage="stage-two")
    assert [p.position for p in two if p.kind == "hold"] == ["Arm and opposite leg", "Other arm and leg"]


def test_no_stage_runs_the_exercises_own_dosage(bundled: Library) -> None:
    holds = [p for p in phases_of(bundled, exercise="health-inspiration:back-extension") if p.kind == "hold"]
    assert len(holds) == 40 and {p.duration_s for p in holds} == {1}
    one = [p.position for p in phases_of(bundled, exercise="health-inspiration:dead-bug") if p.kind == "hold"]
    assert one == ["Leg up", "Other leg up", "Arm up", "Other arm up"]


def test_a_steps_hold_sets_every_positions_hold(bundled: Library) -> None:
    holds = [
        p for p in phases_of(bundled, exercise="health-inspiration:cat-curl", reps=2, hold_s=8) if p.kind == "hold"
    ]
    assert [(p.position, p.duration_s) for p in holds] == [("Sag", 8), ("Round", 8)] * 2


def test_an_unknown_stage_is_an_error_naming_the_stages(bundled: Library) -> None:
    routine = Routine(name="t", steps=[Step(exercise="health-inspiration:dead-bug", stage="stage-four")])
    problems = [str(p) for p in check(routine, bundled, "r.toml") if p.is_error]
    assert problems == [
        "r.toml: steps[0].stage: Dead Bug (health-inspiration:dead-bug) has no stage 'stage-four'; "
        "its stages: 'stage-one', 'stage-two', 'stage-three'"
    ]


def test_the_sciatica_routine_paces_the_back_extension_lead_in(bundled: Library) -> None:
    from backtui.core.routine_files import load_routine

    path = REPO / "routines" / "sciatica-friendly.toml"
    routine = load_routine(path, str(path))
    assert not [p for p in check(routine, bundled) if p.is_error]
    phases = plan(routine, bundled)
    lead = [p for p in phases if p.position in ("Face down", "On elbows")]
    assert [(p.position, p.duration_s) for p in lead] == [("Face down", 300), ("On elbows", 120)]
    after = phases[phases.index(lead[-1]) + 1 :]
    first_press_up = next(p for p in after if p.kind == "hold")
    assert (first_press_up.name, first_press_up.duration_s) == ("Back Extension: press-ups", 1)


def test_a_file_without_the_new_keys_keeps_its_meaning(bundled: Library) -> None:
    # A step written before stages and positions: its own reps and hold still rule.
    holds = [p for p in phases_of(bundled, exercise="twelve-best:bird-dog", sets=2, reps=3) if p.kind == "hold"]
    assert len(holds) == 2 * 3 and {p.position for p in holds} == {None}


def test_a_position_name_is_plain_text_since_it_becomes_the_timers_heading() -> None:
    import msgspec

    from backtui.core.model import Dosage, Exercise, RepPosition, validate

    def exercise(name: str) -> Exercise:
        dosage = Dosage(reps=1, positions=(RepPosition(name=name, hold_s=5),))
        return Exercise(id="a:b", name="B", category="stretch", position="prone", steps=("Do it.",), dosage=dosage)

    assert validate(exercise("Chest down"), Exercise).dosage.positions[0].name == "Chest down"
    for bad in ("[bold]Sag[/bold]", "Sag\x1b[2J"):
        with pytest.raises(msgspec.ValidationError, match=r"positions\[0\]\.name"):
            validate(exercise(bad), Exercise)


def test_positions_and_a_hold_together_are_refused() -> None:
    import msgspec

    from backtui.core.model import Dosage, Exercise, RepPosition, Stage, validate

    both = Dosage(reps=1, hold_s=5, positions=(RepPosition(name="Sag", hold_s=5),))
    plain = Exercise(id="a:b", name="B", category="stretch", position="prone", steps=("Do it.",))
    with pytest.raises(msgspec.ValidationError, match="not both"):
        validate(msgspec.structs.replace(plain, dosage=both), Exercise)
    twice = (Stage(id="one", name="one"), Stage(id="one", name="again"))
    with pytest.raises(msgspec.ValidationError, match="two stages are called 'one'"):
        validate(msgspec.structs.replace(plain, stages=twice), Exercise)
