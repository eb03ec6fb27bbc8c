"""The command line imports only what the command needs, so it starts quickly.

(How quickly is measured in bench/cli_startup.py, never asserted here.)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from backtui import __version__, cli

PROBE = """
import json, sys
from backtui import cli
try:
    cli.main(sys.argv[1:])
except SystemExit:
    pass
heavy = ("msgspec", "pluggy", "textual", "importlib.metadata", "backtui.commands", "backtui.core.plugins")
print(json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))), file=sys.stderr)
"""


def imported(*argv: str) -> tuple[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120, check=False
    )
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["-h"]])
def test_version_and_help_import_no_command_and_no_library(argv: list[str]) -> None:
    out, modules = imported(*argv)
    assert modules == []
    assert out.startswith(f"backtui {__version__}" if argv == ["--version"] else "usage: backtui")


def test_a_command_imports_its_own_module_only() -> None:
    _, modules = imported("schema")
    command_modules = {module for module, _ in cli.COMMANDS.values()}
    assert command_modules & set(modules) == {"backtui.commands.schema"}


def test_validate_never_imports_textual_or_importlib_metadata(tmp_path) -> None:  # type: ignore[no-untyped-def]
    routine = tmp_path / "r.toml"
    routine.write_text('schema = 1\nname = "R"\n\n[[steps]]\nexercise = "verywell:prone-lying"\n')
    out, modules = imported("validate", str(routine))
    assert out == f"{routine}: ok\n"
    assert not [m for m in modules if m.startswith(("textual", "importlib.metadata"))]


@pytest.mark.parametrize("name", list(cli.COMMANDS))
def test_the_command_table_summary_is_the_commands_own(name: str) -> None:
    parser = cli.build_parser(name)
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    [choice] = sub._choices_actions
    assert (choice.dest, choice.help) == (name, cli.COMMANDS[name][1])


def test_the_top_level_help_lists_every_command_with_its_summary(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for name, (_, summary) in cli.COMMANDS.items():
        assert f"  {name} " in out and summary in out


def test_an_unknown_command_is_refused_with_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["frobnicate"])
    assert done.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err
