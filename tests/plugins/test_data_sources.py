"""A mistake in a data-only source is a located one-line error, and hurts no other plugin."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from importlib.resources import files
from pathlib import Path

import pytest

from backtui.core import plugins
from backtui.core.sourcefile import load_source_file, parse_source_text
from backtui.core.tomlfile import DataError

# The bundled files are the starting point, so the tests break a real source.
HEALTH = files("backtui_health_inspiration").joinpath("source.toml").read_text(encoding="utf-8")
BASICS = files("backtui_back_pain_basics").joinpath("source.toml").read_text(encoding="utf-8")

PARTIAL_CURL_DOSAGE = (
    "dosage = { reps = 10, hold_s = 3, sets = 1, sets_range = [1, 3]"  # the partial curl, exercises[6]
)
PELVIC_TILT_DOSAGE = "dosage = { reps = 5, hold_s = 5 }"  # exercises[0]


def broken(text: str, old: str, new: str) -> str:
    assert old in text, f"{old!r} is no longer in the bundled file"
    return text.replace(old, new, 1)


@pytest.mark.parametrize("text", [HEALTH, BASICS], ids=["health-inspiration", "back-pain-basics"])
def test_the_bundled_files_parse(text: str) -> None:
    assert parse_source_text(text, "source.toml").exercises


def test_negative_reps_names_the_file_and_the_key() -> None:
    text = broken(HEALTH, PARTIAL_CURL_DOSAGE, PARTIAL_CURL_DOSAGE.replace("reps = 10", "reps = -2"))
    with pytest.raises(DataError) as err:
        parse_source_text(text, "pkg/source.toml")
    assert str(err.value) == "pkg/source.toml: exercises[6].dosage.reps: expected an integer ≥ 1, got -2"


def test_unknown_key_suggests_the_right_one() -> None:
    text = broken(HEALTH, PARTIAL_CURL_DOSAGE, PARTIAL_CURL_DOSAGE.replace("hold_s", "hold"))
    with pytest.raises(DataError) as err:
        parse_source_text(text, "pkg/source.toml")
    assert str(err.value) == "pkg/source.toml: exercises[6].dosage.hold: unknown key 'hold'; did you mean 'hold_s'?"


def test_a_range_that_excludes_its_default_is_located() -> None:
    text = broken(BASICS, "hold_s = 5, hold_range_s = [5, 10]", "hold_s = 12, hold_range_s = [5, 10]")
    with pytest.raises(DataError) as err:
        parse_source_text(text, "pkg/source.toml")
    assert str(err.value) == "pkg/source.toml: exercises[4].dosage: hold_range_s: the default 12 is outside 5-10"


def test_a_toml_syntax_error_gives_line_and_column() -> None:
    text = broken(BASICS, 'id = "hip-rolling"', 'id = "hip-rolling')
    line = text.splitlines().index('id = "hip-rolling') + 1
    with pytest.raises(DataError) as err:
        parse_source_text(text, "pkg/source.toml")
    assert str(err.value).startswith(f"pkg/source.toml:{line}:")
    assert "\n" not in str(err.value)


def test_a_copied_file_with_a_mistake_is_located_on_disk(tmp_path: Path) -> None:
    package = tmp_path / "backtui_copy"
    package.mkdir()
    path = package / "source.toml"
    path.write_text(broken(BASICS, PELVIC_TILT_DOSAGE, "dosage = { reps = -2, hold_s = 5 }"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_source_file(path)
    assert str(err.value) == f"{path}: exercises[0].dosage.reps: expected an integer ≥ 1, got -2"


@pytest.fixture
def broken_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[EntryPoint]:
    """An installed-looking data plugin whose source.toml has a negative rep count."""
    name = "backtui_broken_data_source"
    package = tmp_path / name
    package.mkdir()
    (package / "__init__.py").write_text(
        "from backtui import data_source\n\nbacktui_source, backtui_exercises, backtui_avoid = data_source(__name__)\n",
        encoding="utf-8",
    )
    text = broken(BASICS, 'id = "back-pain-basics"', 'id = "broken-data"')
    text = broken(text, PELVIC_TILT_DOSAGE, "dosage = { reps = -2, hold_s = 5 }")
    (package / "source.toml").write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield EntryPoint(name="broken-data", value=name, group="backtui")
    sys.modules.pop(name, None)


def test_a_broken_data_plugin_is_reported_and_the_rest_still_load(broken_package: EntryPoint) -> None:
    result = plugins.load([*plugins.discover(), broken_package], env={})
    by_name = {r.name: r for r in result.records}
    bad = by_name["broken-data"]
    assert bad.status == "error"
    assert "backtui_broken_data_source/source.toml: exercises[0].dosage.reps: expected an integer ≥ 1" in bad.error
    assert "\n" not in bad.describe()
    good = by_name["health-inspiration"]
    assert good.status == "ok"
    assert len(good.exercises) == 9
    assert by_name["back-pain-basics"].status == "ok"
    assert [r.name for r in result.failed] == ["broken-data"]


def test_strict_mode_turns_the_broken_data_plugin_into_an_error(broken_package: EntryPoint) -> None:
    with pytest.raises(plugins.PluginError, match=r"exercises\[0\]\.dosage\.reps"):
        plugins.load([broken_package], env={"BACKTUI_STRICT_PLUGINS": "1"})
