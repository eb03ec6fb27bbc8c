"""The format doc's worked example is real: its file validates and its plan output is what plan prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from backtui.cli import main
from backtui.core.routine import Defaults, Routine, Step

DOC = Path(__file__).resolve().parents[2] / "docs" / "routine-format.md"


def _blocks(text: str) -> list[str]:
    return re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.S)


@pytest.fixture
def example(tmp_path: Path) -> tuple[Path, str]:
    text = DOC.read_text(encoding="utf-8").split("<!-- example", 1)[1]
    toml, plan_output = _blocks(text)[:2]
    path = tmp_path / "short-morning.toml"
    path.write_text(toml, encoding="utf-8")
    return path, plan_output


def test_the_worked_example_plans_as_the_doc_shows(
    example: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, expected = example
    assert main(["validate", "--strict", str(path)]) == 0
    capsys.readouterr()
    assert main(["plan", str(path)]) == 0
    assert capsys.readouterr().out == expected
    assert main(["plan", "--json", str(path)]) == 0
    assert f'"total_s": {json.loads(capsys.readouterr().out)["total_s"]}' in DOC.read_text(encoding="utf-8")


def test_every_key_of_the_format_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for struct in (Routine, Defaults, Step):
        for key in struct.__struct_fields__:
            assert f"| `{key}` |" in text, f"{struct.__name__}.{key} is not in the key tables"
