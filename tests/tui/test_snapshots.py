"""Screenshots of every screen and state the dashboard side of the app has.

Each app comes from ``make_app``: fixed library and routines, frozen clock, no
cursor blink, paths relative to a temp working folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .conftest import BROKEN, MINE, make_app

SMALL = (80, 24)
ROOMY = (200, 60)


class TestDashboard:
    def test_empty(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(make_app(tmp_path, bundled={}, mine={}), terminal_size=SMALL)

    def test_with_routines_small(self, snap_compare: Any, tmp_path: Path) -> None:
        # Down twice lands on "My evening": a missing exercise and an avoided custom step.
        app = make_app(tmp_path, mine=MINE)
        assert snap_compare(app, terminal_size=SMALL, press=["down", "down"])

    def test_with_routines_roomy(self, snap_compare: Any, tmp_path: Path) -> None:
        app = make_app(tmp_path, mine=MINE)
        assert snap_compare(app, terminal_size=ROOMY, press=["down"])

    def test_broken_routine_selected(self, snap_compare: Any, tmp_path: Path) -> None:
        app = make_app(tmp_path, mine={"broken.toml": BROKEN, **MINE})
        assert snap_compare(app, terminal_size=SMALL, press=["down", "down"])

    def test_no_plugins_loaded(self, snap_compare: Any, tmp_path: Path) -> None:
        assert snap_compare(make_app(tmp_path, empty_library=True), terminal_size=SMALL)


def test_plugins_view_with_a_failing_plugin(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, failing=True), terminal_size=SMALL, press=["P"])


def test_plugins_view_roomy(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, failing=True), terminal_size=ROOMY, press=["P"])


def test_avoid_list(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SMALL, press=["a"])


def test_error_view(snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(tmp_path, mine={"broken.toml": BROKEN})
    assert snap_compare(app, terminal_size=SMALL, press=["down", "down", "r"])


def test_help(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SMALL, press=["question_mark"])


def test_help_roomy_shows_every_screen_in_two_columns(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(200, 60), press=["question_mark"])


def test_terminal_too_small(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(50, 15))
