"""docs/plugins.md documents every hook, model field and variable, and its examples work.

Also: every hook is exercised by some test, so a new hook cannot arrive untested.
"""

from __future__ import annotations

import re
from importlib.metadata import EntryPoint
from pathlib import Path

import msgspec
import pytest

from backtui.core import hookspecs, model
from backtui.core.sourcefile import parse_source_text
from backtui.testing import check_plugin

REPO = Path(__file__).resolve().parent.parent
DOC = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
MODELS = (model.Source, model.Frequency, model.Exercise, model.Dosage, model.Avoid)


def section(title: str) -> str:
    """The text under the ``### title`` heading, up to the next heading."""
    match = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^#{{2,3}} )", DOC, re.S | re.M)
    assert match, f"docs/plugins.md has no '### {title}' section"
    return match.group(1)


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", DOC, re.S | re.M)


@pytest.mark.parametrize("hook", hookspecs.HOOK_NAMES)
def test_every_hook_has_its_own_section(hook: str) -> None:
    assert len(section(f"`{hook}()`").split()) > 10


@pytest.mark.parametrize("kind", MODELS, ids=lambda k: k.__name__)
def test_every_model_field_is_in_its_table(kind: type[msgspec.Struct]) -> None:
    text = section(kind.__name__)
    rows = re.findall(r"^\| `([a-z_]+)` \|", text, re.M)
    assert rows == list(kind.__struct_fields__)


@pytest.mark.parametrize("name", ["BACKTUI_LOAD_PLUGINS", "BACKTUI_DISABLE_PLUGINS", "BACKTUI_STRICT_PLUGINS"])
def test_every_plugin_variable_is_documented(name: str) -> None:
    assert re.search(rf"^\| `{name}` \| .{{20,}}", DOC, re.M)


def test_the_new_plugin_options_and_the_publishing_steps_are_documented() -> None:
    for text in ("backtui new-plugin", "`--dir DIR`", "`--style python`", "`--style data`"):
        assert text in DOC
    for text in ("uv build", "python -m build", "uv publish", "twine upload", "[project.entry-points.backtui]"):
        assert text in DOC


@pytest.mark.parametrize("hook", hookspecs.HOOK_NAMES)
def test_every_hook_is_exercised_by_a_test(hook: str) -> None:
    here = Path(__file__).resolve()
    tests = [p for p in here.parent.rglob("test_*.py") if p != here]
    using = [p.name for p in tests if hook in p.read_text(encoding="utf-8")]
    assert using, f"no test mentions {hook}"


def test_the_python_example_is_a_plugin_that_passes_the_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [example] = [b for b in code_blocks("python") if "def backtui_source" in b and "hip-rolling" in b]
    package = tmp_path / "backtui_docs_example"
    package.mkdir()
    (package / "__init__.py").write_text(example, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    ep = EntryPoint(name="physio-handout", value="backtui_docs_example", group="backtui")
    report = check_plugin("physio-handout", eps=[ep])
    assert len(report.exercises) == 3
    assert [a.name for a in report.avoid] == ["Sit-ups"]


def test_the_tutorial_shows_what_the_scaffold_writes() -> None:
    from backtui.scaffold.render import render

    written = render("physio-handout", "python")["backtui_physio_handout/__init__.py"]
    assert written in code_blocks("python")
    tree = re.search(r"^```\n(backtui-physio-handout/\n.*?)^```", DOC, re.S | re.M)
    assert tree, "the tutorial shows the scaffold's files"
    listed = {line.split("#")[0].strip() for line in tree.group(1).splitlines()}
    for path in render("physio-handout", "python"):
        assert path.rsplit("/", 1)[-1] in listed, f"the tutorial's file tree lacks {path}"


def test_the_data_example_is_a_valid_source_file() -> None:
    [example] = [b for b in code_blocks("toml") if b.startswith("[source]")]
    data = parse_source_text(example, "docs/plugins.md")
    assert data.source.id == "physio-handout"
    assert [e.id for e in data.exercises] == ["physio-handout:hip-rolling", "physio-handout:prone-lying"]
    assert [a.id for a in data.avoid] == ["physio-handout:sit-ups"]
