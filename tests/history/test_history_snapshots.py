"""Snapshots of the check-in form, the history view and the dashboard's history panel (frozen data and dates)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from history_apps import (
    HEALTH,
    VERYWELL,
    CheckInHost,
    HistoryHost,
    PanelHost,
    fill_after_pain,
    fill_calm,
    fill_every_status,
    fill_in_pain,
    fill_rising,
    store,
)

from backtui.core.history import CheckIn

Snap = Callable[..., bool]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SMALL = [pytest.param((60, 18), id="60x18"), pytest.param((80, 24), id="80x24")]


class TestCheckIn:
    @pytest.mark.parametrize("size", SIZES)
    def test_the_empty_before_form(self, snap_compare: Snap, size: tuple[int, int]) -> None:
        assert snap_compare(CheckInHost("before"), terminal_size=size)

    def test_a_filled_after_form(self, snap_compare: Snap) -> None:
        app = CheckInHost("after", initial=CheckIn(4, ("buttock", "thigh"), "tight after sitting"))
        assert snap_compare(app, terminal_size=(80, 24), press=["right"])

    def test_asking_for_a_pain_level(self, snap_compare: Snap) -> None:
        assert snap_compare(CheckInHost("before"), terminal_size=(80, 24), press=["enter"])


class TestHistoryView:
    @pytest.mark.parametrize("size", SIZES)
    def test_the_list(self, snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
        assert snap_compare(HistoryHost(store(tmp_path / "h.sqlite3", fill_rising)), terminal_size=size)

    @pytest.mark.parametrize("size", SMALL)
    def test_every_status(self, snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
        assert snap_compare(HistoryHost(store(tmp_path / "h.sqlite3", fill_every_status)), terminal_size=size)

    def test_one_session_opened(self, snap_compare: Snap, tmp_path: Path) -> None:
        app = HistoryHost(store(tmp_path / "h.sqlite3", fill_rising))
        assert snap_compare(app, terminal_size=(80, 24), press=["down", "enter"])


class TestHistoryPanel:
    @pytest.mark.parametrize("size", SIZES)
    def test_with_five_weeks_of_sessions(self, snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
        app = PanelHost(store(tmp_path / "h.sqlite3", fill_calm), sources=(HEALTH, VERYWELL))
        assert snap_compare(app, terminal_size=size)

    @pytest.mark.parametrize("size", SIZES)
    def test_with_the_rising_pain_warning(self, snap_compare: Snap, tmp_path: Path, size: tuple[int, int]) -> None:
        app = PanelHost(store(tmp_path / "h.sqlite3", fill_rising), sources=(HEALTH,))
        assert snap_compare(app, terminal_size=size)

    def test_in_a_narrow_column(self, snap_compare: Snap, tmp_path: Path) -> None:
        app = PanelHost(store(tmp_path / "h.sqlite3", fill_calm), sources=(HEALTH, VERYWELL), width=44)
        assert snap_compare(app, terminal_size=(80, 24))

    @pytest.mark.parametrize("fill", [fill_calm, fill_rising], ids=["calm", "rising"])
    def test_compact(self, snap_compare: Snap, tmp_path: Path, fill: Any) -> None:
        app = PanelHost(store(tmp_path / "h.sqlite3", fill), sources=(HEALTH, VERYWELL), compact=True)
        assert snap_compare(app, terminal_size=(80, 24))

    def test_with_history_off(self, snap_compare: Snap) -> None:
        app: Any = PanelHost(
            None, unavailable="/home/ana/.local/share/backtui/history.sqlite3: the history file is damaged"
        )
        assert snap_compare(app, terminal_size=(80, 24))


class TestFrequencyLine:
    """Verywell's advice depends on pain: the last check-in chooses the line."""

    @pytest.mark.parametrize("size", SMALL)
    @pytest.mark.parametrize("fill", [fill_in_pain, fill_after_pain], ids=["in-pain", "after-pain"])
    def test_by_the_last_check_in(self, snap_compare: Snap, tmp_path: Path, fill: Any, size: tuple[int, int]) -> None:
        app = PanelHost(store(tmp_path / "h.sqlite3", fill), sources=(VERYWELL,))
        assert snap_compare(app, terminal_size=size)

    @pytest.mark.parametrize("fill", [fill_in_pain, fill_after_pain], ids=["in-pain", "after-pain"])
    def test_compact_at_60x18(self, snap_compare: Snap, tmp_path: Path, fill: Any) -> None:
        app = PanelHost(store(tmp_path / "h.sqlite3", fill), sources=(VERYWELL,), compact=True)
        assert snap_compare(app, terminal_size=(60, 18))
