"""``validate`` prints exactly one line per problem, whatever the keys and values hold,
and never reports success when a file had errors, even when its reader goes away."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backtui.cli import main
from backtui.core.library import Library

SUBPROCESS_TIMEOUT_S = 120


def _lines(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, list[str]]:
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out.splitlines()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('"a\\nb" = 1\n', ': "a\\nb": unknown key "a\\nb"; expected one of: '),
        ('[defaults]\n"x\\u001b[2J" = 1\n', ': defaults."x\\u001b[2J": unknown key "x\\u001b[2J"; expected one of: '),
        ('[defaults]\n"a.b" = 1\n', ': defaults."a.b": unknown key "a.b"; expected one of: '),
        ('[defaults]\n"a`b" = 1\n', ': defaults."a`b": unknown key "a`b"; expected one of: '),
        ("[defaults]\nrest = 1\n", ": defaults.rest: unknown key 'rest'; did you mean 'rest_s'?"),
        ('[[steps]]\nname = "x"\n"\\u009b2J" = 1\n', ': steps[0]."\\x9b2J": unknown key "\\x9b2J"'),
    ],
    ids=["newline", "escape", "dot", "backtick", "defaults", "c1-csi"],
)
def test_keys_are_quoted_escaped_and_placed(
    body: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    path = tmp_path / "r.toml"
    path.write_text('name = "x"\n' + body)
    code, lines = _lines(capsys, path)
    assert code == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}{expected}"), lines[0]
    assert "\x1b" not in lines[0] and "\x9b" not in lines[0]


def test_a_forged_ok_line_stays_inside_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    path = tmp_path / "r.toml"
    path.write_text(f'name = "x"\n"\\n{path}: ok" = 1\n')
    code, lines = _lines(capsys, path)
    assert code == 1
    assert len(lines) == 1
    assert not lines[0].endswith(": ok")


def test_a_long_key_is_cut_and_shown_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    path = tmp_path / "r.toml"
    path.write_text('name = "x"\n[defaults]\n"' + "k" * 400_000 + '" = 1\n')
    code, lines = _lines(capsys, path)
    assert code == 1
    assert len(lines) == 1
    assert len(lines[0]) < len(str(path)) + 300
    assert '"kkkkkkkk' in lines[0] and "…" in lines[0]


def test_a_value_with_control_characters_is_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    path = tmp_path / "r.toml"
    path.write_text('name = "x"\n[[steps]]\nname = "y"\nreps = "\\u001b]52;c;aGk=\\u0007"\n')
    code, lines = _lines(capsys, path)
    assert code == 1
    assert lines == [
        f'{path}: steps[0].reps: expected an integer, got "\\u001b]52;c;aGk=\\u0007" (write the number without quotes)'
    ]


def test_a_file_name_with_control_characters_is_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    path = tmp_path / "x\x1b[2J.toml"
    path.write_text("name = \n")
    code, lines = _lines(capsys, path)
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{tmp_path}/x\\x1b[2J.toml:1:")


def test_validate_piped_into_head_never_exits_0_with_errors(tmp_path: Path) -> None:
    ok = tmp_path / "ok.toml"
    ok.write_text('name = "ok"\n[[steps]]\nname = "x"\nreps = 1\n')
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\nnmae = 1\n')
    # Enough lines that the pipe fills after the reader has gone.
    argv = [sys.executable, "-m", "backtui", "validate", str(ok), *[str(bad)] * 2000]
    env = {**os.environ, "BACKTUI_LOAD_PLUGINS": ""}
    validate = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert validate.stdout is not None
    first = validate.stdout.readline()
    validate.stdout.close()  # what `| head -1` does after one line
    _, err = validate.communicate(timeout=SUBPROCESS_TIMEOUT_S)
    assert first.decode().startswith(f"{ok}: ")
    assert validate.returncode == 1
    assert b"Traceback" not in err
