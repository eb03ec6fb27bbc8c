"""Fuzzing from the bundled routines: mutated copies go through the loader and ``validate``.

Whatever the mutation (flipped bytes, truncation, inserted junk, huge integers,
control characters, deep nesting, long dotted keys), loading either gives a routine
or raises ``DataError``, and ``validate`` answers with one located line per problem
and exit 0 or 1. Any other exception fails the test. Bounded by max_examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backtui.cli import main
from backtui.core.library import Library
from backtui.core.routine_files import load_routine
from backtui.core.tomlfile import DataError

REPO = Path(__file__).resolve().parents[2]
BUNDLED = [p.read_bytes() for p in sorted((REPO / "routines").glob("*.toml"))]
CONTROL = [chr(c).encode() for c in (*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x202E)]


@st.composite
def mutation(draw: st.DrawFn, data: bytes) -> bytes:
    at = draw(st.integers(0, len(data)))
    kind = draw(
        st.sampled_from(["flip", "truncate", "junk", "huge-int", "control", "nest", "dotted", "header", "duplicate"])
    )
    if kind == "flip" and data:
        i = min(at, len(data) - 1)
        return data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1 :]
    if kind == "truncate":
        return data[:at]
    if kind == "junk":
        return data[:at] + draw(st.binary(min_size=1, max_size=24)) + data[at:]
    if kind == "huge-int":
        digits = b"9" * draw(st.sampled_from([20, 101, 4300, 4301, 6000]))
        if draw(st.booleans()):
            return data[:at] + b"\nreps = " + digits + b"\n" + data[at:]
        return data.replace(b"= 1", b"= " + digits, 1)  # inside a real value
    if kind == "control":
        return data[:at] + b"".join(draw(st.lists(st.sampled_from(CONTROL), min_size=1, max_size=5))) + data[at:]
    if kind == "nest":
        depth = draw(st.sampled_from([3, 16, 17, 200, 5000]))
        opener, closer = draw(st.sampled_from([(b"[", b"]"), (b"{a=", b"}")]))
        return data[:at] + b"\nx = " + opener * depth + closer * depth + b"\n" + data[at:]
    if kind == "dotted":
        parts = draw(st.sampled_from([2, 10, 11, 3000]))
        return data[:at] + b"\n" + b".".join([b"a"] * parts) + b" = 1\n" + data[at:]
    if kind == "header":
        parts = draw(st.sampled_from([2, 10, 11, 3000]))
        return data[:at] + b"\n[" + b".".join([b"defaults"] * parts) + b"]\n" + data[at:]
    return data[:at] + data  # duplicate: the file's first part twice (repeated keys and tables)


@st.composite
def mutated_routine(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(BUNDLED))
    for _ in range(draw(st.integers(1, 4))):
        data = draw(mutation(data))
    return data


FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@FUZZ
@given(mutated_routine())
def test_the_loader_gives_a_routine_or_a_located_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "mutant.toml"
    path.write_bytes(data)
    try:
        load_routine(path)
    except DataError as exc:
        line = str(exc)
        assert line.startswith(f"{path}:")
        assert "\n" not in line and "\x1b" not in line


@FUZZ
@given(mutated_routine())
def test_validate_answers_with_located_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library, data: bytes
) -> None:
    path = tmp_path / "mutant.toml"
    path.write_bytes(data)
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1), out + err
    assert err == ""
    lines = out.splitlines()
    assert lines
    assert all(line.startswith(f"{path}:") for line in lines), lines
    assert "\x1b" not in out and "\x9b" not in out
