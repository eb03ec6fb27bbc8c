"""Files built to hurt: special files, huge numbers, keys and nesting that would make the parser slow.

Each is refused with one located line, quickly, and never stops ``validate`` from
checking the next file.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from backtui.cli import main
from backtui.core.library import Library
from backtui.core.routine_files import list_routines, load_routine
from backtui.core.tomlfile import (
    MAX_FILE_BYTES,
    MAX_KEY_PARTS,
    MAX_KEYS,
    MAX_NESTING,
    MAX_NUMBER_DIGITS,
    DataError,
    parse_toml,
    parse_toml_bytes,
)

GOOD = 'name = "Good"\n[[steps]]\nexercise = "demo:prone-lying"\n'
#: Generous: a busy shared machine can be slow to start Python.
SUBPROCESS_TIMEOUT_S = 120


def _validate(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["validate", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out.splitlines()


@pytest.mark.parametrize(
    ("text", "place", "fragment"),
    [
        ("a" + ".a" * MAX_KEY_PARTS + " = 1\n", ":1:1:", f"more than {MAX_KEY_PARTS} parts"),
        ('name = "x"\n["a"' + ".a" * MAX_KEY_PARTS + "]\n", ":2:2:", f"more than {MAX_KEY_PARTS} parts"),
        ('name = "x"\nreps = ' + "9" * 4301 + "\n", ":2:8:", f"more than {MAX_NUMBER_DIGITS} digits"),
        ('name = "x"\nreps = -' + "9" * 5000 + "\n", ":2:9:", f"more than {MAX_NUMBER_DIGITS} digits"),
        ("x = " + "[" * (MAX_NESTING + 1), ":1:", f"nest more than {MAX_NESTING} levels"),
        ("x = " + "{a = " * (MAX_NESTING + 1), ":1:", f"nest more than {MAX_NESTING} levels"),
        ("".join(f"k{i}=1\n" for i in range(MAX_KEYS + 1)), ": ", f"over {MAX_KEYS:,} keys"),
    ],
    ids=["dotted-key", "table-header", "huge-int", "huge-negative-int", "deep-array", "deep-inline", "many-keys"],
)
def test_costly_files_are_refused_before_parsing(text: str, place: str, fragment: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_toml(text, "f.toml")
    assert str(caught.value).startswith("f.toml" + place), str(caught.value)
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        'name = "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a"\n',  # dots inside a string are not key parts
        "description = '''\n[[[[[[[[[[[[[[[[[[[[[[[[[\n'''\nname = \"x\"\n",  # nor brackets
        '# a.a.a.a.a.a.a.a.a.a.a.a.a.a.a = 1\nname = "x"\n',  # nor comments
        'name = "x"\nrest_s = 1_000\nx = 1.5e3\nt = 1979-05-27T07:32:00.999Z\n',
        "a" + ".a" * (MAX_KEY_PARTS - 1) + " = 1\n",
    ],
)
def test_ordinary_text_passes_the_scan(text: str) -> None:
    assert parse_toml(text, "f.toml")


def test_text_over_the_cap_is_refused_however_it_arrives() -> None:
    with pytest.raises(DataError, match="over 500,000 bytes"):
        parse_toml_bytes(b"#" * (MAX_FILE_BYTES + 1), "f.toml")
    with pytest.raises(DataError, match="over 500,000 bytes"):
        parse_toml("#" * (MAX_FILE_BYTES + 1), "f.toml")


def test_a_huge_integer_no_longer_stops_validate_checking_the_next_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    huge = tmp_path / "huge.toml"
    huge.write_text('name = "x"\n[[steps]]\nname = "y"\nreps = ' + "1" * 4301 + "\n")
    good = tmp_path / "good.toml"
    good.write_text(GOOD)
    code, lines = _validate(capsys, str(huge), str(good))
    assert code == 1
    assert lines == [
        f"{huge}:4:8: a number has more than {MAX_NUMBER_DIGITS} digits, the most backtui reads",
        f"{good}: ok",
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    good = tmp_path / "good.toml"
    good.write_text(GOOD)
    # In a separate process, so a regression hangs that process (and fails on the timeout), not the suite.
    done = subprocess.run(
        [sys.executable, "-m", "backtui", "validate", str(fifo), str(good)],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT_S,
        env={**os.environ, "BACKTUI_LOAD_PLUGINS": ""},
    )
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == f"{fifo}: this is a named pipe (FIFO), not a file"
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_symlink_to_a_device_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    with pytest.raises(DataError) as caught:
        load_routine(link)
    assert str(caught.value) == f"{link}: this is a device, not a file"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    with socket.socket(socket.AF_UNIX) as server:
        try:
            server.bind(str(path))
        except OSError as exc:  # a path too long for a socket address
            pytest.skip(f"cannot bind a Unix socket here: {exc}")
        with pytest.raises(DataError) as caught:
            load_routine(path)
    assert str(caught.value) == f"{path}: this is a socket, not a file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_the_routine_list_flags_special_files_and_lists_the_rest(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    os.mkfifo(user / "a-pipe.toml")
    (user / "b-huge.toml").write_text('name = "x"\nreps = ' + "1" * 5000 + "\n")
    (user / "c-good.toml").write_text(GOOD)
    entries = list_routines(tmp_path / "none", user)
    assert [(e.path.name, e.routine.name if e.routine else e.error.split(": ", 1)[1]) for e in entries] == [
        ("a-pipe.toml", "this is a named pipe (FIFO), not a file"),
        ("b-huge.toml", f"a number has more than {MAX_NUMBER_DIGITS} digits, the most backtui reads"),
        ("c-good.toml", "Good"),
    ]
