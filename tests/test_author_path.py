"""A plugin author's mistakes, as the loader, strict mode, the kit and the command line report them.

Plugins are written into a temp folder per test and named by fake entry points, the
way an installed distribution's entry point names them.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from backtui import Dosage, cli
from backtui.core import plugins
from backtui.core.entrypoints import PluginEntry, scan
from backtui.testing import PluginCheckFailed, check_plugin, dosage_problems

GOOD = PluginEntry("zoo-good", "plugin_zoo.good")


def source_module(source_id: str, exercises: str = "", extra: str = "") -> str:
    """A plugin module for ``source_id`` with these exercise expressions."""
    return textwrap.dedent(
        f'''
        from backtui import Dosage, Exercise, Source, hookimpl

        def ex(slug, name, **fields):
            fields.setdefault("steps", ("Move slowly.",))
            return Exercise(id="{source_id}:" + slug, name=name, category="stretch", position="supine", **fields)

        @hookimpl
        def backtui_source():
            return Source(id="{source_id}", title="Title of {source_id}")

        @hookimpl
        def backtui_exercises():
            return [{exercises}]
        '''
    ) + textwrap.dedent(extra)


@pytest.fixture
def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Write module ``name`` (a package when ``files`` are given) and return its entry point."""
    monkeypatch.syspath_prepend(str(tmp_path))
    made: list[str] = []

    def _write(
        module: str, text: str, entry: str | None = None, files: dict[str, bytes] | None = None, **prov: str
    ) -> PluginEntry:
        if files is not None:
            package = tmp_path / module
            package.mkdir()
            (package / "__init__.py").write_text(text, encoding="utf-8")
            for name, data in files.items():
                (package / name).write_bytes(data)
        else:
            (tmp_path / f"{module}.py").write_text(text, encoding="utf-8")
        made.append(module)
        return PluginEntry(entry or module.replace("_", "-"), module, **prov)

    yield _write
    import sys

    for module in made:
        sys.modules.pop(module, None)


# -- located errors ---------------------------------------------------------------------------------


def test_a_syntax_error_is_located_at_the_plugins_own_file_and_line(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = write("author_syntax", "from backtui import hookimpl\n\n\ndef backtui_source(:\n    pass\n")
    [record] = plugins.load([broken], env={}).records
    assert record.error.startswith("cannot be imported: SyntaxError: ")
    assert record.error.endswith(f"({tmp_path / 'author_syntax.py'}:4)")
    assert "frozen" not in record.error


def test_an_error_raised_while_importing_points_at_the_plugins_line(write) -> None:  # type: ignore[no-untyped-def]
    broken = write("author_raises", "x = 1\nraise RuntimeError('no config')\n")
    [record] = plugins.load([broken], env={}).records
    assert record.error == "cannot be imported: RuntimeError: no config (author_raises.py:2)"


def test_a_data_file_error_is_blamed_on_the_data_file_not_the_hook(write) -> None:  # type: ignore[no-untyped-def]
    init = "from backtui import data_source\nbacktui_source, backtui_exercises, backtui_avoid = data_source(__name__)\n"
    bad = b'[source]\nid = "author-data"\ntitle = "T"\n\n[[exercises]]\nid = "x"\nname = "X"\n'
    entry = write("author_data", init, files={"source.toml": bad})
    [record] = plugins.load([entry], env={}).records
    assert record.error.startswith("author_data/source.toml: exercises[0]")
    assert "backtui_source" not in record.error


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "author_data/source.toml: no such file"),
        ({"source.toml": b'[source]\nid = "author-data"\n\ntitle = "caf\xe9"\n'}, "author_data/source.toml:4:1: "),
        ({"source.toml": b"# x\n" * 300_000}, "author_data/source.toml: the file is over 500,000 bytes"),
    ],
    ids=["missing", "not-utf8", "too-big"],
)
def test_a_source_file_that_cannot_be_read_names_the_file(write, files: dict[str, bytes], message: str) -> None:  # type: ignore[no-untyped-def]
    init = "from backtui import data_source\nbacktui_source, backtui_exercises, backtui_avoid = data_source(__name__)\n"
    entry = write("author_data", init, files=files)
    [record] = plugins.load([entry], env={}).records
    assert record.error.startswith(message)
    assert "UnicodeDecodeError" not in record.error and "FileNotFoundError" not in record.error


def test_an_id_used_twice_names_both_items(write) -> None:  # type: ignore[no-untyped-def]
    entry = write("author_twice", source_module("author-twice", 'ex("bridge", "Bridge"), ex("bridge", "Hip lift")'))
    [record] = plugins.load([entry], env={}).records
    assert record.error == (
        "id 'author-twice:bridge' is used twice: by exercise 1 ('Bridge') and by exercise 2 ('Hip lift')"
    )


# -- hooks ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["({},)", "iter([{}])", "({} for _ in range(1))", "[{}]"])
def test_a_hook_may_return_any_iterable_of_the_right_items(write, shape: str) -> None:  # type: ignore[no-untyped-def]
    text = source_module("author-shape").replace("return []", "return " + shape.format('ex("bridge", "Bridge")'))
    [record] = plugins.load([write("author_shape", text)], env={}).records
    assert record.ok, record.error
    assert [e.id for e in record.exercises] == ["author-shape:bridge"]


def test_a_hook_returning_a_dict_is_refused_with_a_clear_message(write) -> None:  # type: ignore[no-untyped-def]
    text = source_module("author-dict").replace("return []", 'return {"bridge": ex("bridge", "Bridge")}')
    [record] = plugins.load([write("author_dict", text)], env={}).records
    assert record.error == "backtui_exercises() must return a list, got dict"


def test_an_unmarked_backtui_function_is_a_warning_and_an_error_in_strict_mode(write) -> None:  # type: ignore[no-untyped-def]
    extra = """
    def backtui_exercise():  # misspelt and unmarked: never called
        return []
    """
    entry = write("author_misspelt", source_module("author-misspelt", extra=extra))
    [record] = plugins.load([entry], env={}).records
    assert record.ok
    assert record.warnings == (
        "backtui_exercise() is not a backtui hook and is never called; did you mean backtui_exercises?",
    )
    with pytest.raises(plugins.PluginError, match="backtui_exercise\\(\\) is not a backtui hook"):
        plugins.load([entry], env={}, strict=True)
    with pytest.raises(PluginCheckFailed, match="did you mean backtui_exercises"):
        check_plugin("author-misspelt", eps=[entry])


# -- strict mode runs the kit's checks ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("exercises", "problem"),
    [
        (
            'ex("bridge", "Bridge", dosage=Dosage(reps=200))',
            "author-strict:bridge: dosage: reps = 200 is more than 100",
        ),
        ('ex("bridge", "Bridge"), ex("bridges", "Bridges")', "has the same name as author-strict:bridge"),
        ('ex("bridge", "Bridge", steps=())', "author-strict:bridge: has no steps"),
        ('ex("sit-up", "Sit-up")', "'Sit-ups' is on the avoid list of Zoo: a good source"),
    ],
    ids=["reps-200", "same-name", "no-steps", "on-an-avoid-list"],
)
def test_strict_mode_runs_the_kits_checks(write, exercises: str, problem: str) -> None:  # type: ignore[no-untyped-def]
    entry = write("author_strict", source_module("author-strict", exercises))
    assert [r.ok for r in plugins.load([GOOD, entry], env={}).records] == [True, True]  # loads when not strict
    with pytest.raises(plugins.PluginError) as raised:
        plugins.load([GOOD, entry], env={"BACKTUI_STRICT_PLUGINS": "1"})
    assert str(raised.value).startswith("plugin 'author-strict' (no distribution): ")
    assert problem in str(raised.value)


@pytest.mark.parametrize(
    ("dosage", "problem"),
    [
        (Dosage(reps=-1), "reps = -1 is less than 1"),
        (Dosage(sets=0), "sets = 0 is less than 1"),
        (Dosage(hold_s=0), "hold_s = 0 is less than 1"),
        (Dosage(rest_s=-5), "rest_s = -5 is less than 0"),
        (Dosage(reps=5, reps_range=(-2, 8)), "reps_range = [-2, 8] goes below 1"),
    ],
)
def test_dosage_problems_checks_the_lower_limits_too(dosage: Dosage, problem: str) -> None:
    assert problem in dosage_problems(dosage)


def test_a_rest_of_zero_is_fine() -> None:
    assert dosage_problems(Dosage(reps=5, rest_s=0)) == []


# -- source ids never depend on load order -----------------------------------------------------------


def test_the_plugin_whose_entry_point_has_the_id_keeps_it_whatever_the_order(write) -> None:  # type: ignore[no-untyped-def]
    impostor = write("author_impostor", source_module("zoo-good"), entry="aaa-first")  # sorts before zoo-good
    for eps in ([GOOD, impostor], [impostor, GOOD]):
        records = {r.name: r for r in plugins.load(eps, env={}).records}
        assert records["zoo-good"].ok
        assert records["aaa-first"].error == (
            "source id 'zoo-good' belongs to plugin 'zoo-good' (no distribution), whose entry point has that name; "
            "a source's id must equal its entry-point name ('aaa-first' here)"
        )


def test_two_plugins_claiming_an_id_neither_is_named_for_both_fail_naming_each_other(write) -> None:  # type: ignore[no-untyped-def]
    one = write("author_one", source_module("shared"), entry="one", distribution="dist-one", version="1.0")
    two = write("author_two", source_module("shared"), entry="two", distribution="dist-two", version="2.0")
    records = {r.name: r for r in plugins.load([two, one], env={}).records}
    assert records["one"].error.startswith("source id 'shared' is also claimed by plugin 'two' (dist-two 2.0)")
    assert records["two"].error.startswith("source id 'shared' is also claimed by plugin 'one' (dist-one 1.0)")


def test_two_distributions_declaring_one_entry_point_name_are_both_reported(write) -> None:  # type: ignore[no-untyped-def]
    mine = write("author_mine", source_module("physio"), entry="physio", distribution="backtui-physio", version="1")
    theirs = write("author_theirs", source_module("physio"), entry="physio", distribution="other-physio", version="2")
    records = plugins.load([mine, theirs], env={}).records
    assert [r.error for r in records] == [
        "the entry point 'physio' is also declared by 'physio' (other-physio 2); uninstall one of them",
        "the entry point 'physio' is also declared by 'physio' (backtui-physio 1); uninstall one of them",
    ]


def test_the_kit_flags_a_source_id_that_is_not_the_entry_point_name(write) -> None:  # type: ignore[no-untyped-def]
    entry = write("author_renamed", source_module("author-other-name"), entry="author-renamed")
    with pytest.raises(PluginCheckFailed) as raised:
        check_plugin("author-renamed", eps=[entry])
    assert raised.value.problems == [
        "source id 'author-other-name' is not the entry point's name 'author-renamed'; a source's id must equal "
        "its entry-point name, as `backtui new-plugin` writes it"
    ]


# -- entry points read from entry_points.txt ---------------------------------------------------------


def test_entry_points_are_read_from_the_dist_info_folders_on_the_path(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, version in ((first, "1.0"), (second, "2.0")):
        info = folder / f"backtui_physio-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: backtui-physio\nVersion: {version}\n\nText\n")
        (info / "entry_points.txt").write_text(
            "[console_scripts]\nphysio = x:main\n\n[backtui]\nphysio = backtui_physio\nextra = mod.sub:Obj\n"
        )
    other = first / "unrelated-3.0.dist-info"
    other.mkdir()
    (other / "entry_points.txt").write_text("[pytest11]\nx = y\n")
    found = scan("backtui", [str(first), str(second), str(tmp_path / "missing")])
    assert [(e.name, e.value, e.distribution, e.version) for e in found] == [
        ("physio", "backtui_physio", "backtui-physio", "1.0"),  # the first folder on the path wins
        ("extra", "mod.sub:Obj", "backtui-physio", "1.0"),
    ]


def test_the_installed_bundled_sources_are_found_with_their_distribution() -> None:
    found = {e.name: e for e in plugins.discover()}
    assert isinstance(found["verywell"], PluginEntry)
    assert (found["verywell"].distribution, found["verywell"].value) == ("backtui-verywell", "backtui_verywell")


# -- the command line --------------------------------------------------------------------------------


@pytest.fixture
def zoo(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = PluginEntry("zoo-broken", "plugin_zoo.raising:SourceRaises")
    monkeypatch.setattr(plugins, "discover", lambda: [GOOD, broken])


def test_plugins_check_exits_1_when_a_plugin_failed(zoo: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["plugins"]) == 0
    assert cli.main(["plugins", "--check"]) == 1
    assert cli.main(["plugins", "--check", "--json"]) == 1


def test_plugins_check_exits_0_when_all_load(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:  # type: ignore[type-arg]
    monkeypatch.setattr(plugins, "discover", lambda: [GOOD])
    assert cli.main(["plugins", "--check"]) == 0


@pytest.mark.parametrize("variable", ["BACKTUI_LOAD_PLUGINS", "BACKTUI_DISABLE_PLUGINS"])
def test_an_unknown_plugin_name_lists_the_installed_ones_and_fails(
    variable: str, zoo: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv(variable, "zoo-goood")
    expected = (
        f"backtui: {variable} names 'zoo-goood', which no installed plugin is (did you mean 'zoo-good'?); "
        "the installed plugins are: zoo-broken, zoo-good\n"
    )
    assert cli.main(["plugins"]) == 1
    assert capsys.readouterr().err == expected
    routine = tmp_path / "r.toml"
    routine.write_text('schema = 1\nname = "R"\n\n[[steps]]\nexercise = "zoo-good:pelvic-tilt"\n')
    assert cli.main(["validate", str(routine)]) == 1
    assert capsys.readouterr().err == expected


def test_check_plugin_prints_every_problem_and_exits_1(
    write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    entry = write(
        "author_cli", source_module("author-cli", 'ex("a", "A", steps=()), ex("b", "B", dosage=Dosage(reps=200))')
    )
    monkeypatch.setattr(plugins, "discover", lambda: [GOOD, entry])
    assert cli.main(["check-plugin", "author-cli"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "author-cli: author-cli:a: has no steps; say how to do it",
        "author-cli: author-cli:b: dosage: reps = 200 is more than 100",
    ]
    assert err == "backtui: plugin 'author-cli' fails the checks (2 problems)\n"
    assert cli.main(["check-plugin", "zoo-good"]) == 0
    assert capsys.readouterr().out == "zoo-good: ok (1 exercise, 1 avoid item, source 'zoo-good')\n"
