"""Settings survive a restart, a bad settings file never stops the app, and outside text can't drive the terminal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backtui.core.atomic import write_text_atomic
from backtui.core.settings import CueSettings, Settings, load_settings, save_settings
from backtui.core.terminal_text import printable


def test_settings_round_trip(tmp_path: Path) -> None:
    target = tmp_path / "settings.toml"
    chosen = Settings(theme="nord", mute=True, cues=CueSettings(voice="en-gb", rate=140))
    save_settings(chosen, target)
    assert load_settings(target) == (chosen, "")


def test_missing_settings_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.toml") == (Settings(), "")


def test_settings_default_path_follows_backtui_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKTUI_HOME", str(tmp_path))
    save_settings(Settings(theme="gruvbox"))
    assert (tmp_path / "settings.toml").is_file()
    assert load_settings()[0].theme == "gruvbox"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("theme = \n", "settings.toml:1"),
        ("mute = 'yes'\n", "mute"),
        ("[cues]\nrate = 5\n", "cues.rate"),
        ("colour = 'red'\n", "colour"),
    ],
)
def test_bad_settings_file_gives_defaults_and_a_located_reason(tmp_path: Path, text: str, where: str) -> None:
    target = tmp_path / "settings.toml"
    target.write_text(text, encoding="utf-8")
    settings, reason = load_settings(target)
    assert settings == Settings()
    assert where in reason
    assert "\n" not in reason


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "settings.toml"
    target.write_text("old", encoding="utf-8")

    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"]


def test_atomic_write_keeps_the_existing_mode(tmp_path: Path) -> None:
    target = tmp_path / "notes.toml"
    target.write_text("a", encoding="utf-8")
    target.chmod(0o600)
    write_text_atomic(target, "b")
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_text(encoding="utf-8") == "b"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Morning\x1b]52;c;ZXZpbA==\x07", "Morning\\x1b]52;c;ZXZpbA==\\x07"),
        ("\x1b[2J clear", "\\x1b[2J clear"),
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("c1 \x9b31m", "c1 \\x9b31m"),
        ("rtl \u202e", "rtl \\u202e"),
        ("Rücken ☀ 背中", "Rücken ☀ 背中"),
    ],
)
def test_printable_shows_controls_as_visible_escapes(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_printable_can_keep_line_breaks_but_never_escapes() -> None:
    assert printable("one\ntwo\x1b[31m\r", keep_newlines=True) == "one\ntwo\\x1b[31m\\r"
