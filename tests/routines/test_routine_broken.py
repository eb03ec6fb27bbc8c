"""Every broken routine file gives exit 1 and exactly one clear, located line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtui.cli import main
from backtui.core.library import Library
from backtui.core.routine_files import load_routine
from backtui.core.tomlfile import MAX_FILE_BYTES, DataError

BROKEN = Path(__file__).resolve().parent / "broken"

# file in tests/routines/broken/ → (place, a fragment of the message a person reads)
CASES: dict[str, tuple[str, str]] = {
    # syntax: reported by line and column
    "syntax-missing-equals.toml": (":2:6:", "expected '=' after a key"),
    "syntax-unclosed-string.toml": (":2:16:", "a string is not closed on this line"),
    "syntax-unclosed-array.toml": (":4:", "unclosed array at the end of the file"),
    "syntax-duplicate-key.toml": (":3:11:", "this key is already set above"),
    "syntax-duplicate-table.toml": (":4:10:", "the table [defaults] is declared twice"),
    "syntax-steps-redefined.toml": (":4:7:", "the table [steps] is declared twice"),
    "syntax-bad-escape.toml": (":1:14:", "unescaped '\\' in a string"),
    "syntax-bare-word.toml": (":1:8:", "text lacks its quotes"),
    "syntax-key-without-value.toml": (":3:7:", "a value is missing"),
    "syntax-inline-table-newline.toml": (":2:25:", "invalid initial character for a key part"),
    "syntax-trailing-comma-inline.toml": (":2:26:", "invalid initial character for a key part"),
    "syntax-bad-date.toml": (":2:12:", "expected newline or end of document"),
    "syntax-control-char.toml": (":1:10:", "illegal character '\\x01'"),
    "syntax-newline-in-string.toml": (":1:10:", "a string is not closed on this line"),
    "syntax-lone-bracket.toml": (":2:8:", "expected ']]'"),
    # wrong types: reported by key path, naming the value found
    "type-reps-string.toml": (": steps[0].reps: ", 'expected an integer, got "10" (write the number without quotes)'),
    "type-reps-float.toml": (": steps[0].reps: ", "expected an integer, got 2.5 (a whole number is needed)"),
    "type-reps-bool.toml": (": steps[0].reps: ", "expected an integer, got true"),
    "type-name-integer.toml": (": name: ", "expected a string, got 42"),
    "type-steps-table.toml": (": steps: ", "expected an array, got a table"),
    "type-step-not-table.toml": (": steps[0]: ", "expected a table, got 1"),
    "type-defaults-string.toml": (": defaults: ", 'expected a table, got "fast"'),
    "type-sides-invalid.toml": (
        ": steps[0].sides: ",
        "invalid value 'both'; expected one of: 'none', 'each', 'alternate'",
    ),
    "type-start-side-invalid.toml": (": steps[0].start_side: ", "expected one of: 'left', 'right'"),
    "type-duration-date.toml": (": steps[0].duration_s: ", "expected an integer, got a date"),
    # out of range
    "range-reps-negative.toml": (": steps[0].reps: ", "expected an integer ≥ 1, got -2"),
    "range-reps-huge.toml": (": steps[0].reps: ", "expected an integer ≤ 1000, got 1000000000000"),
    "range-sets-zero.toml": (": steps[0].sets: ", "expected an integer ≥ 1, got 0"),
    "range-duration-zero.toml": (": steps[0].duration_s: ", "expected an integer ≥ 1, got 0"),
    "range-duration-negative.toml": (": steps[0].duration_s: ", "expected an integer ≥ 1, got -30"),
    "range-duration-nan.toml": (": steps[0].duration_s: ", "expected an integer, got nan (not a number)"),
    "range-duration-inf.toml": (": steps[0].duration_s: ", "expected an integer, got inf"),
    "range-hold-two-days.toml": (": steps[0].hold_s: ", "expected an integer ≤ 86400, got 172800"),
    "range-rest-negative.toml": (": defaults.rest_s: ", "expected an integer ≥ 0, got -1"),
    "range-name-empty.toml": (": name: ", "expected a non-empty string"),
    "range-name-too-long.toml": (": name: ", "at most 120 characters, got 200"),
    "range-too-many-steps.toml": (": steps: ", "expected at most 500 steps, got 600"),
    "range-timeline-too-long.toml": (": steps: ", "more than 20,000 phases"),
    # unknown keys, with a did-you-mean
    "unknown-top-key.toml": (": nmae: ", "unknown key 'nmae'; did you mean 'name'?"),
    "unknown-step-key.toml": (": steps[0].rest: ", "unknown key 'rest'; did you mean 'rest_s'?"),
    "unknown-defaults-key.toml": (": defaults.prepare: ", "did you mean 'prepare_s'?"),
    # schema version
    "schema-newer.toml": (": schema: ", "schema 2 is newer than this backtui understands (up to 1)"),
    "schema-zero.toml": (": schema: ", "expected an integer ≥ 1, got 0"),
    "schema-string.toml": (": schema: ", 'got "1"'),
    # step shapes
    "step-both-exercise-and-name.toml": (": steps[0]: ", "not both"),
    "step-neither-exercise-nor-name.toml": (": steps[0]: ", "a step needs 'exercise'"),
    "step-exercise-bad-id.toml": (": steps[0].exercise: ", "like 'twelve-best:bird-dog', got \"Bird Dog\""),
    "missing-name.toml": (": name: ", "this key is required"),
    # exercises the library doesn't have
    "missing-exercise-unknown-source.toml": (
        ": steps[0].exercise: ",
        "'acme:foo' is not in any loaded source; install the plugin that provides source 'acme'",
    ),
    "missing-exercise-known-source.toml": (
        ": steps[0].exercise: ",
        "source 'demo' (Demo Article) is loaded but has no exercise 'bird-dgo'; did you mean 'demo:bird-dog'?",
    ),
    "missing-exercise-failed-plugin.toml": (": steps[0].exercise: ", "the plugin for source 'broken' failed to load"),
    # not a routine at all
    "empty.toml": (": ", "the file is empty"),
    "only-comments.toml": (": ", "the file is empty"),
    "pyproject.toml": (
        ": ",
        "this is not a backtui routine: it has no 'name' or [[steps]] (its keys: project, build-system)",
    ),
    "binary-junk.toml": (": ", "this is a binary file, not TOML text"),
    "not-utf8.toml": (":3:", "the file is not valid UTF-8 text"),
    "deep-nesting.toml": (":2:21: ", "arrays or tables nest more than 16 levels deep"),
}


def test_every_file_in_the_corpus_has_a_case() -> None:
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(CASES)


def _validate(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(["validate", *argv])
    out, err = capsys.readouterr()
    return code, out.splitlines(), out + err


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_file_gives_one_located_line_and_exit_1(
    name: str, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    file = str(BROKEN / name)
    place, fragment = CASES[name]
    code, lines, everything = _validate(capsys, file)
    assert code == 1
    assert "Traceback" not in everything
    assert len(lines) == 1, lines
    assert lines[0].startswith(file + place), lines[0]
    assert fragment in lines[0]


@pytest.mark.parametrize("name", sorted(CASES))
def test_plan_of_a_broken_file_prints_the_validate_message(
    name: str, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    file = str(BROKEN / name)
    code = main(["plan", file])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err.splitlines() == [line for line in err.splitlines() if line.startswith(file)]
    assert CASES[name][1] in err


def test_a_huge_file_is_refused_before_it_is_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    huge = tmp_path / "huge.toml"
    huge.write_text('name = "a"\n' + "# padding padding padding\n" * (MAX_FILE_BYTES // 20))
    code, lines, everything = _validate(capsys, str(huge))
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{huge}: the file is ")
    assert f"the file is over {MAX_FILE_BYTES:,} bytes, the most backtui reads" in lines[0]
    assert "Traceback" not in everything


def test_ten_thousand_steps_are_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    path = tmp_path / "many.toml"
    path.write_text('name = "a"\n' + '[[steps]]\nname = "x"\nreps = 1\n' * 10_000)
    code, lines, everything = _validate(capsys, str(path))
    assert code == 1
    assert lines == [f"{path}: steps: expected at most 500 steps, got 10,000"]
    assert "Traceback" not in everything


def test_missing_file_and_folder_are_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    code, lines, _ = _validate(capsys, str(tmp_path / "nope.toml"), str(tmp_path))
    assert code == 1
    assert lines == [f"{tmp_path / 'nope.toml'}: no such file", f"{tmp_path}: this is a folder, not a file"]


def test_several_files_report_each_and_fail_if_any_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_library: Library
) -> None:
    good = tmp_path / "good.toml"
    good.write_text('name = "Good"\n[[steps]]\nexercise = "demo:prone-lying"\n')
    bad = BROKEN / "range-reps-negative.toml"
    code, lines, _ = _validate(capsys, str(good), str(bad))
    assert code == 1
    assert lines[0] == f"{good}: ok"
    assert lines[1].startswith(f"{bad}: steps[0].reps: ")
    assert len(lines) == 2


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbfname = "Windows notepad"\n[[steps]]\nname = "Walk"\nduration_s = 60\n')
    assert load_routine(path).name == "Windows notepad"


def test_load_errors_are_data_errors_with_the_file_and_place(tmp_path: Path) -> None:
    with pytest.raises(DataError) as err:
        load_routine(BROKEN / "range-reps-negative.toml", "mine.toml")
    assert str(err.value) == "mine.toml: steps[0].reps: expected an integer ≥ 1, got -2"
    assert err.value.path == "steps[0].reps"
