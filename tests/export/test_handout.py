"""The handout's content and its escaping in Markdown and HTML; the ``backtui export`` command."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from backtui import cli
from backtui.core.library import Library
from backtui.core.routine import Routine, Step
from backtui.core.routine_files import save_routine
from backtui.export import handout, html, markdown

REPO = Path(__file__).resolve().parents[2]
HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> [link](https://evil.example) *bold* # h'


def _routine() -> Routine:
    return Routine(
        name="Morning",
        description="Gentle start",
        steps=[
            Step(exercise="verywell:prone-lying", note="Breathe slowly."),
            Step(exercise="twelve-best:bird-dog", sets=1),
            Step(name="Toe touches", reps=5),
            Step(exercise="nowhere:ghost-move"),
            Step(exercise="verywell:no-such-thing"),
        ],
    )


def test_the_handout_holds_steps_sources_and_the_stop_box(library: Library) -> None:
    sheet = handout.build(_routine(), library)
    names = [s.name for s in sheet.steps]
    assert names[:3] == ["Prone lying", "Bird dog", "Toe touches"]
    lying = sheet.steps[0]
    assert lying.instructions and lying.start and lying.note == "Breathe slowly."
    assert lying.dosage.startswith("Hold for")
    assert sheet.steps[1].dosage.startswith("10 repetitions, each held")
    # the avoided movement is flagged with the source's reason
    (flag,) = sheet.steps[2].avoid
    assert flag.name == "Standing toe touches" and "ligaments" in flag.reason
    # missing exercises say what to install, or that the loaded source lacks it
    assert "install the plugin that provides source 'nowhere'" in sheet.steps[3].missing
    assert "has no exercise 'no-such-thing'" in sheet.steps[4].missing
    titles = [s.title for s in sheet.sources]
    assert titles == [library.sources["verywell"].title, library.sources["twelve-best"].title]
    assert sheet.sources[0].byline == "by Brett Sears, PT · Verywell Health"
    # the box quotes the sources' own notes, each with its source
    verywell = library.sources["verywell"]
    stop_texts = [n.text for n in sheet.stop]
    assert "Keep an eye on your symptoms while you exercise, and stop if your pain gets worse." in stop_texts
    assert all(n.text in {*verywell.safety_notes, *library.sources["twelve-best"].safety_notes} for n in sheet.stop)


def test_markdown_keeps_outside_text_in_its_place(library: Library) -> None:
    routine = Routine(
        name=HOSTILE, description="- a list?\n# a heading?", steps=[Step(name=HOSTILE, reps=2, note="1. x")]
    )
    text = markdown.render(handout.build(routine, library))
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    assert "<em>" not in rendered and "<strong>bold" not in rendered
    assert rendered.count("<h1>") == 1 and "<ol" not in rendered.split("<h2>Steps</h2>")[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered  # the text itself is all there


class _Attrs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "action", "data", "poster")]


def test_html_is_self_contained_and_escapes_everything(library: Library) -> None:
    routine = Routine(name=HOSTILE, description=HOSTILE, steps=[Step(exercise="verywell:pelvic-tilt", note=HOSTILE)])
    page = html.render(handout.build(routine, library, command=f"backtui run {HOSTILE}"))
    parser = _Attrs()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags and "a" not in parser.tags
    assert parser.urls == []  # nothing to load, from anywhere
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert not re.search(r"url\(|@import|https?://", style)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "break-inside: avoid" in page and "@media print" in page


def test_export_prints_markdown_and_writes_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = REPO / "routines" / "gentle-start.toml"
    assert cli.main(["export", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Gentle start\n") and "Prone lying" in out
    target = tmp_path / "sheet.html"
    assert cli.main(["export", str(path), "-o", str(target)]) == 0
    assert "Wrote" in capsys.readouterr().out and target.read_text().startswith("<!DOCTYPE html>")


def test_export_finds_a_routine_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    from backtui.core import paths

    save_routine(
        Routine(name="My Evening", steps=[Step(exercise="verywell:pelvic-tilt")]),
        paths.user_routines_dir() / "my-evening.toml",
    )
    assert cli.main(["export", "My Evening"]) == 0
    assert capsys.readouterr().out.startswith("# My Evening")


def test_a_missing_routine_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", "no-such-routine"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no-such-routine" in err
