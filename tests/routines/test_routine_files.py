"""Saving routines: readable TOML, the round trip, atomic writes, and safe file names."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backtui.core import atomic, paths, routine_files
from backtui.core.routine import MAX_STEPS, Defaults, Routine, Step
from backtui.core.routine_files import (
    dumps,
    is_bundled,
    list_routines,
    load_routine,
    loads_routine,
    save_as_user,
    save_routine,
    user_path_for,
)
from backtui.core.tomlfile import DataError

# -- strategies: only valid routines (msgspec checks constraints on load, not on construction)

text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120)
tricky = st.sampled_from(
    ['Say "hi"', "two\nlines", "tab\there", "back\\slash", "'single'", "emoji 🧘‍♀️", "é ü ñ", "#no"]
)
names = st.one_of(tricky, text)
slug = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}\Z")
exercise_ids = st.builds(lambda a, b: f"{a}:{b}", slug, slug)
count = st.integers(1, 1000)
seconds = st.integers(0, 24 * 3600)
positive = st.integers(1, 24 * 3600)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


dosage = {
    "sets": maybe(count),
    "reps": maybe(count),
    "hold_s": maybe(positive),
    "duration_s": maybe(positive),
    "rest_s": maybe(seconds),
    "sides": maybe(st.sampled_from(["none", "each", "alternate"])),
    "start_side": maybe(st.sampled_from(["left", "right"])),
    "release_s": maybe(seconds),
    "rep_s": maybe(positive),
    "prepare_s": maybe(seconds),
    "switch_s": maybe(seconds),
    "note": maybe(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)),
}
steps = st.one_of(
    st.builds(Step, exercise=exercise_ids, **dosage),
    st.builds(Step, name=names, **dosage),
)
defaults = st.builds(
    Defaults,
    prepare_s=seconds,
    rest_s=seconds,
    transition_s=seconds,
    release_s=seconds,
    rep_s=positive,
    switch_s=seconds,
)
routines = st.builds(
    Routine,
    name=names,
    description=st.text(st.characters(blacklist_categories=("Cs",)), max_size=200),
    defaults=defaults,
    steps=st.lists(steps, max_size=8),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(routines)
def test_load_of_save_gives_the_same_routine(routine: Routine) -> None:
    text = dumps(routine)
    assert loads_routine(text, "generated.toml") == routine
    assert dumps(loads_routine(text)) == text  # saving again changes nothing


@settings(max_examples=30)
@given(routines)
def test_round_trip_through_a_real_file(tmp_path_factory: pytest.TempPathFactory, routine: Routine) -> None:
    path = tmp_path_factory.mktemp("rt") / "r.toml"
    save_routine(routine, path)
    assert load_routine(path) == routine


# -- the text people read and diff


def test_steps_are_tables_and_defaults_are_left_out() -> None:
    routine = Routine(
        name="Morning",
        defaults=Defaults(rest_s=45, prepare_s=5),  # prepare_s equals the built-in default
        steps=[
            Step(exercise="demo:bird-dog", reps=10, sides="alternate"),
            Step(name="Walk", duration_s=120),
        ],
    )
    assert dumps(routine) == (
        "schema = 1\n"
        'name = "Morning"\n'
        "\n"
        "[defaults]\n"
        "rest_s = 45\n"
        "\n"
        "[[steps]]\n"
        'exercise = "demo:bird-dog"\n'
        "reps = 10\n"
        'sides = "alternate"\n'
        "\n"
        "[[steps]]\n"
        'name = "Walk"\n'
        "duration_s = 120\n"
    )


def test_key_order_follows_the_format_not_the_order_values_were_set() -> None:
    a = Step(note="n", reps=3, exercise="demo:x", sets=2)
    b = Step(sets=2, exercise="demo:x", reps=3, note="n")
    text = dumps(Routine(name="r", steps=[a]))
    assert text == dumps(Routine(name="r", steps=[b]))
    keys = [line.split(" =")[0] for line in text.split("[[steps]]\n")[1].splitlines()]
    assert keys == ["exercise", "sets", "reps", "note"]


def test_a_routine_with_only_builtin_defaults_writes_no_defaults_table() -> None:
    assert "[defaults]" not in dumps(Routine(name="r", defaults=Defaults()))


# -- atomic save


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    save_routine(Routine(name="Original", steps=[Step(name="Walk", duration_s=60)]), path)
    return path


def _fail(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


_real_fdopen = os.fdopen


def _failing_fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
    handle = _real_fdopen(fd, *args, **kwargs)
    real_write = handle.write

    def write(text: str) -> int:
        real_write(text[:10])  # part of the text reaches the temp file first
        handle.flush()
        raise OSError(28, "No space left on device")

    handle.write = write
    return handle


@pytest.mark.parametrize(
    ("target", "replacement"),
    [("replace", _fail), ("fsync", _fail), ("fdopen", _failing_fdopen)],
)
def test_a_failed_save_leaves_the_old_file_and_no_temp_file(
    saved: Path, monkeypatch: pytest.MonkeyPatch, target: str, replacement: Any
) -> None:
    before = saved.read_bytes()
    monkeypatch.setattr(atomic.os, target, replacement)
    with pytest.raises(OSError, match="No space left"):
        save_routine(Routine(name="Changed", steps=[Step(name="Run", duration_s=5)]), saved)
    monkeypatch.undo()
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.iterdir()] == ["mine.toml"]


def test_an_interrupted_save_cleans_up_too(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = saved.read_bytes()

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_routine(Routine(name="Changed"), saved)
    monkeypatch.undo()
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.iterdir()] == ["mine.toml"]


def test_a_routine_that_could_not_be_loaded_back_is_not_saved(saved: Path) -> None:
    before = saved.read_bytes()
    with pytest.raises(DataError, match=r"steps\[0\]\.reps: expected an integer ≥ 1, got 0"):
        save_routine(Routine(name="Bad", steps=[Step(name="x", reps=0)]), saved)
    with pytest.raises(DataError, match=r"steps\[0\]: .*not both"):
        save_routine(Routine(name="Bad", steps=[Step(name="x", exercise="demo:x")]), saved)
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.iterdir()] == ["mine.toml"]


def test_a_successful_save_replaces_the_file(saved: Path) -> None:
    save_routine(Routine(name="Changed"), saved)
    assert load_routine(saved).name == "Changed"
    assert [p.name for p in saved.parent.iterdir()] == ["mine.toml"]


# -- safe file names


def _inside_user_folder(path: Path) -> bool:
    folder = paths.user_routines_dir().resolve()
    return path.resolve().parent == folder and folder in path.resolve().parents


@pytest.mark.parametrize(
    "name",
    ["../../x", "..", "/etc/passwd", "a/b\\c", "con", "CON", "nul", "lpt1", "", "   ", "🧘‍♀️🔥", "x" * 300, ".hidden"],
)
def test_saving_never_writes_outside_the_user_folder(name: str, backtui_home: Path) -> None:
    title = name[:120] or "Unnamed"
    path = save_as_user(Routine(name=title), name)
    assert _inside_user_folder(path)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.toml", path.name), path.name
    assert len(path.stem) <= routine_files.MAX_STEM
    assert path.stem not in {"con", "nul", "lpt1", "prn", "aux"}
    written = [p for p in backtui_home.rglob("*") if p.is_file()]
    assert written == [path]
    assert load_routine(path).name == title


def test_names_differing_only_by_case_get_two_files() -> None:
    first = save_as_user(Routine(name="Morning"))
    first_bytes = first.read_bytes()
    second = save_as_user(Routine(name="MORNING"))
    assert first != second
    assert first.read_bytes() == first_bytes
    assert {load_routine(first).name, load_routine(second).name} == {"Morning", "MORNING"}


def test_an_existing_file_is_never_overwritten_by_a_new_name() -> None:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True)
    (folder / "morning.toml").write_text("hand-written, keep me\n")
    path = save_as_user(Routine(name="Morning"))
    assert path.name == "morning-2.toml"
    assert (folder / "morning.toml").read_text() == "hand-written, keep me\n"


def test_user_path_for_keeps_the_current_file_when_told_to() -> None:
    first = save_as_user(Routine(name="Morning"))
    assert user_path_for("Morning", exclude=first) == first
    assert user_path_for("Morning") != first


def test_saving_a_bundled_routine_goes_to_the_user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled_dir = tmp_path / "bundled"
    bundled_dir.mkdir()
    bundled = bundled_dir / "gentle-start.toml"
    save_routine(Routine(name="Gentle start", steps=[Step(name="Walk", duration_s=60)]), bundled)
    before = bundled.read_bytes()
    monkeypatch.setattr(paths, "bundled_routines_dir", lambda: bundled_dir)
    routine = load_routine(bundled)
    assert is_bundled(bundled)
    path = save_as_user(routine)
    assert not is_bundled(path)
    assert _inside_user_folder(path)
    assert bundled.read_bytes() == before
    entries = list_routines(bundled_dir)
    assert [(e.path, e.bundled) for e in entries] == [(bundled, True), (path, False)]


def test_max_steps_is_a_load_limit() -> None:
    text = 'name = "r"\n' + '[[steps]]\nname = "x"\nreps = 1\n' * MAX_STEPS
    assert len(loads_routine(text).steps) == MAX_STEPS


def test_a_new_file_gets_the_usual_mode_not_a_private_temp_files(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "shared.toml"
        routine_files.save_routine(Routine(name="Shared", steps=[Step(name="Walk", duration_s=60)]), path)
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644  # readable by a physio's account or a backup tool


def test_resaving_keeps_the_mode_the_user_chose(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    routine = Routine(name="Mine", steps=[Step(name="Walk", duration_s=60)])
    routine_files.save_routine(routine, path)
    path.chmod(0o640)
    routine_files.save_routine(Routine(name="Mine", steps=[Step(name="Walk", duration_s=90)]), path)
    assert path.stat().st_mode & 0o777 == 0o640
