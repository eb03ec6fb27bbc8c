"""``backtui new-plugin``: a package that installs and passes the kit out of the box."""

from __future__ import annotations

import tomllib
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from backtui import __version__, cli
from backtui.commands.new_plugin import BadName, plugin_name
from backtui.scaffold.render import render
from backtui.testing import check_plugin


def new_plugin(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["new-plugin", *argv])
    out, err = capsys.readouterr()
    return code, out, err


EXPECTED_FILES = {
    "python": [
        ".gitignore",
        "README.md",
        "backtui_physio_notes/__init__.py",
        "pyproject.toml",
        "tests/test_backtui_physio_notes.py",
    ],
    "data": [
        ".gitignore",
        "README.md",
        "backtui_physio_notes/__init__.py",
        "backtui_physio_notes/source.toml",
        "pyproject.toml",
        "tests/test_backtui_physio_notes.py",
    ],
}


@pytest.mark.parametrize("style", ["python", "data"])
def test_the_scaffold_is_an_installable_package_with_the_backtui_entry_point(
    style: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = new_plugin(capsys, "Physio_Notes", "--dir", str(tmp_path), "--style", style)
    assert (code, err) == (0, "")
    target = tmp_path / "backtui-physio-notes"
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()) == EXPECTED_FILES[style]
    assert f"Created {target}/ ({style} style)" in out
    assert f"uv add --dev --editable {target}" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backtui-physio-notes"]  # no staging folder left

    project = tomllib.loads((target / "pyproject.toml").read_text())
    assert project["project"]["name"] == "backtui-physio-notes"
    assert project["project"]["dependencies"] == [f"backtui>={__version__}"]
    assert project["project"]["entry-points"]["backtui"] == {"physio-notes": "backtui_physio_notes"}
    assert project["build-system"]["build-backend"] == "hatchling.build"
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["backtui_physio_notes"]
    for path in target.rglob("*"):
        if path.is_file():
            assert "$" not in path.read_text(), f"{path} still has a placeholder"


@pytest.mark.parametrize("style", ["python", "data"])
def test_the_scaffolded_plugin_passes_the_kit_with_one_exercise_and_one_avoid_item(
    style: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    name = f"scaffold-{style}"
    assert new_plugin(capsys, name, "--dir", str(tmp_path), "--style", style)[0] == 0
    monkeypatch.syspath_prepend(str(tmp_path / f"backtui-{name}"))
    module = "backtui_" + name.replace("-", "_")
    report = check_plugin(name, eps=[EntryPoint(name=name, value=module, group="backtui")])
    assert report.source.id == name
    assert [e.id for e in report.exercises] == [f"{name}:example-stretch"]
    assert [a.id for a in report.avoid] == [f"{name}:example-avoid"]
    assert report.exercises[0].dosage.reps == 10


def test_the_data_module_is_two_lines_of_code() -> None:
    init = render("x", "data")["backtui_x/__init__.py"]
    code = [line for line in init.splitlines() if line and not line.startswith('"""')]
    assert code == [
        "from backtui import data_source",
        "backtui_source, backtui_exercises, backtui_avoid = data_source(__name__)",
    ]


@pytest.mark.parametrize(
    ("raw", "slug"),
    [
        ("physio", "physio"),
        ("My_Clinic.Handout", "my-clinic-handout"),
        ("backtui-physio", "physio"),
        ("a", "a"),
        ("clinic2--notes", "clinic2-notes"),
    ],
)
def test_names_become_lowercase_hyphen_slugs(raw: str, slug: str) -> None:
    assert plugin_name(raw) == slug


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "the plugin name is empty"),
        ("my plugin", "'my plugin' is not a valid package name"),
        ("-physio", "'-physio' is not a valid package name"),
        ("physio_", "'physio_' is not a valid package name"),
        ("physiö", "'physiö' is not a valid package name"),
        ("../evil", "'../evil' is not a valid package name"),
        ("backtui", "'backtui' names backtui itself"),
        ("x" * 61, "is 61 characters long; keep the name to 60"),
    ],
)
def test_a_bad_name_is_one_clear_line_and_writes_nothing(
    raw: str, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(BadName):
        plugin_name(raw)
    code, out, err = new_plugin(capsys, "--dir", str(tmp_path), "--", raw)
    assert code == 1
    assert out == ""
    assert err.startswith("backtui: ") and reason in err
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_never_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = tmp_path / "backtui-physio"
    existing.mkdir()
    (existing / "notes.txt").write_text("mine")
    code, out, err = new_plugin(capsys, "physio", "--dir", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == f"backtui: {existing} already exists; nothing was written (choose another NAME or --dir)\n"
    assert [p.name for p in existing.iterdir()] == ["notes.txt"]
    assert (existing / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backtui-physio"]


def test_a_missing_dir_is_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = new_plugin(capsys, "physio", "--dir", str(tmp_path / "new" / "plugins"))
    assert (code, err) == (0, "")
    assert (tmp_path / "new" / "plugins" / "backtui-physio" / "pyproject.toml").is_file()


def test_a_dir_that_is_a_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").write_text("mine")
    code, _, err = new_plugin(capsys, "physio", "--dir", str(tmp_path / "taken"))
    assert code == 1
    assert err == f"backtui: {tmp_path / 'taken'}: this is a file, not a folder\n"


def test_the_gitignore_keeps_caches_and_builds_out_of_git() -> None:
    ignored = render("x", "python")[".gitignore"].split()
    assert {"__pycache__/", ".pytest_cache/", ".venv/", "dist/"} <= set(ignored)


def test_the_readme_and_the_docs_run_the_tests_the_same_ways() -> None:
    readme = render("physio-handout", "python")["README.md"]
    docs = (Path(__file__).resolve().parent.parent / "docs" / "plugins.md").read_text(encoding="utf-8")
    for command in (
        "uv add --dev --editable ../backtui-physio-handout",
        "uv run pytest ../backtui-physio-handout",
        "python -m pytest",
    ):
        assert command in readme
        assert command in docs
    assert "\npytest\n" not in readme  # bare pytest may be another environment's


def test_an_unknown_style_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["new-plugin", "physio", "--style", "yaml"])
    assert done.value.code == 2
    assert "invalid choice: 'yaml'" in capsys.readouterr().err


def test_the_templates_ship_inside_the_backtui_package() -> None:
    scaffold = Path(cli.__file__).parent / "scaffold"
    templates = sorted(str(p.relative_to(scaffold)) for p in scaffold.rglob("*.tmpl"))
    assert templates == [
        "common/README.md.tmpl",
        "common/dot-gitignore.tmpl",
        "common/pyproject.toml.tmpl",
        "common/tests/test___module__.py.tmpl",
        "data/__module__/__init__.py.tmpl",
        "data/__module__/source.toml.tmpl",
        "python/__module__/__init__.py.tmpl",
    ]
