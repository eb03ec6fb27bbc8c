"""The saved summary of the routine folders: used only while no routine file has changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backtui.core import paths, routine_index
from backtui.core.routine_files import list_routines
from backtui.core.routine_index import RoutineSummary

GOOD = """\
name = "Morning"
description = "Before work"

[[steps]]
name = "Walk"
duration_s = 60

[[steps]]
name = "Stretch"
duration_s = 30
"""
BROKEN = 'name = "Broken"\n\n[[steps]]\nname = "Walk"\nreps = -2\n'


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    bundled, user = tmp_path / "bundled", tmp_path / "mine"
    bundled.mkdir()
    user.mkdir()
    (bundled / "morning.toml").write_text(GOOD, encoding="utf-8")
    (user / "broken.toml").write_text(BROKEN, encoding="utf-8")
    return bundled, user


def save_full_listing(bundled: Path, user: Path) -> list[RoutineSummary]:
    before = routine_index.state(bundled, user)
    summaries = [entry.summary() for entry in list_routines(bundled, user)]
    routine_index.write(summaries, before)
    return summaries


def test_the_summary_lists_what_a_full_listing_finds(folders: tuple[Path, Path]) -> None:
    saved = save_full_listing(*folders)
    assert routine_index.read(routine_index.state(*folders)) == saved
    morning, broken = saved
    assert (morning.name, morning.description, morning.steps, morning.bundled, morning.error) == (
        "Morning",
        "Before work",
        2,
        True,
        "",
    )
    assert broken.title == "broken" and not broken.bundled
    assert "steps[0].reps" in broken.error and str(folders[1] / "broken.toml") in broken.error


def test_it_is_kept_in_the_cache_dir_under_backtui_home(folders: tuple[Path, Path], backtui_home: Path) -> None:
    save_full_listing(*folders)
    assert routine_index.cache_path() == backtui_home / "cache" / routine_index.FILE_NAME
    assert routine_index.cache_path().is_file()
    assert [p.name for p in routine_index.cache_path().parent.iterdir()] == [routine_index.FILE_NAME]  # no temp left


def test_an_edited_file_means_no_summary(folders: tuple[Path, Path]) -> None:
    bundled, user = folders
    save_full_listing(bundled, user)
    path = bundled / "morning.toml"
    stat = path.stat()
    path.write_text(GOOD.replace("Morning", "Evening"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size and time: but a different name...
    assert routine_index.read(routine_index.state(bundled, user)) is not None  # ...is only caught by the full listing
    path.write_text(GOOD.replace("Morning", "Evenings"), encoding="utf-8")
    assert routine_index.read(routine_index.state(bundled, user)) is None


@pytest.mark.parametrize("change", ["add", "remove", "touch", "rename"])
def test_any_change_in_either_folder_means_no_summary(folders: tuple[Path, Path], change: str) -> None:
    bundled, user = folders
    save_full_listing(bundled, user)
    path = user / "broken.toml"
    if change == "add":
        (user / "new.toml").write_text(GOOD, encoding="utf-8")
    elif change == "remove":
        path.unlink()
    elif change == "touch":
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    else:
        path.rename(user / "fixed.toml")
    assert routine_index.read(routine_index.state(bundled, user)) is None


def test_other_folders_mean_no_summary(folders: tuple[Path, Path], tmp_path: Path) -> None:
    bundled, user = folders
    save_full_listing(bundled, user)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert routine_index.read(routine_index.state(elsewhere, user)) is None


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xe9" * 40])
def test_a_damaged_summary_is_ignored(folders: tuple[Path, Path], content: bytes) -> None:
    save_full_listing(*folders)
    routine_index.cache_path().write_bytes(content)
    assert routine_index.read(routine_index.state(*folders)) is None


def test_a_summary_in_another_layout_is_ignored(folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    save_full_listing(*folders)
    monkeypatch.setattr(routine_index, "FORMAT", routine_index.FORMAT + 1)
    assert routine_index.read(routine_index.state(*folders)) is None


def test_no_summary_yet_is_not_an_error(folders: tuple[Path, Path]) -> None:
    assert not routine_index.cache_path().exists()
    assert routine_index.read(routine_index.state(*folders)) is None


def test_a_cache_dir_that_cannot_be_written_is_not_an_error(
    folders: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache dir would go", encoding="utf-8")
    monkeypatch.setattr(paths, "cache_dir", lambda: blocker / "cache")
    save_full_listing(*folders)  # no exception
    assert routine_index.read(routine_index.state(*folders)) is None
    assert blocker.read_text(encoding="utf-8") == "a file where the cache dir would go"


def test_missing_folders_are_an_empty_listing(tmp_path: Path) -> None:
    bundled, user = tmp_path / "none", tmp_path / "neither"
    assert save_full_listing(bundled, user) == []
    assert routine_index.read(routine_index.state(bundled, user)) == []
    user.mkdir()
    (user / "first.toml").write_text(GOOD, encoding="utf-8")
    assert routine_index.read(routine_index.state(bundled, user)) is None
