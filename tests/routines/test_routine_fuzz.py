"""Whatever a file holds, validate answers with located lines and an exit code, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backtui.cli import main
from backtui.core.library import Library

FRAGMENTS = [
    "schema = 1\n",
    "schema = 2\n",
    'name = "Morning"\n',
    "name = \n",
    "[defaults]\n",
    "[[steps]]\n",
    "[steps]\n",
    'exercise = "demo:bird-dog"\n',
    'exercise = "acme:x"\n',
    'name = "Sit-ups"\n',
    "reps = -2\n",
    "reps = 1e400\n",
    "reps = nan\n",
    "duration_s = inf\n",
    "duration_s = 1979-05-27T07:32:00Z\n",
    "hold_s = 5\n",
    'sides = "each"\n',
    'sides = ["each"]\n',
    "sets = 1000\nreps = 1000\n",
    "rest_s = { a = 1 }\n",
    "rest = 3\n",
    "x = [[[[[]]]]]\n",
    '"quoted key" = 1\n',
    "a.b.c = 1\n",
    "[\n",
    '"""\n',
    "\x00",
    "\xff",
    "é = 1\n",
]


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1)
    assert err == ""
    assert "Traceback" not in out
    assert "unexpected error" not in out
    lines = out.splitlines()
    assert lines
    assert all(line.startswith(f"{path}:") for line in lines), lines


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_any_mix_of_routine_fragments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library, parts: list[str]
) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_bytes("".join(parts).encode("utf-8", "surrogateescape"))
    _check(path, capsys)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.binary(max_size=300))
def test_any_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library, data: bytes) -> None:
    path = tmp_path / "junk.toml"
    path.write_bytes(data)
    _check(path, capsys)
