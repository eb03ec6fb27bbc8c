"""A small, fixed exercise library for routine tests, independent of the bundled plugins."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtui.core.library import Library
from backtui.core.model import Avoid, Dosage, Exercise, Source
from backtui.core.plugins import PluginRecord

BROKEN = Path(__file__).resolve().parent / "broken"


def _exercise(slug: str, name: str, dosage: Dosage, **extra: object) -> Exercise:
    return Exercise(
        id=f"demo:{slug}",
        name=name,
        category="strengthen",
        position="supine",
        steps=("Do it slowly.",),
        dosage=dosage,
        **extra,  # type: ignore[arg-type]
    )


def make_library() -> Library:
    """Source 'demo' with a few dosage shapes and an avoid list, plus a plugin that failed."""
    demo = PluginRecord(
        name="demo",
        distribution="backtui-demo",
        source=Source(id="demo", title="Demo Article"),
        exercises=(
            _exercise("bird-dog", "Bird dog", Dosage(sets=2, reps=10, hold_s=5, rest_s=60, sides="alternate")),
            _exercise("prone-lying", "Prone lying", Dosage(duration_s=90)),
            _exercise("curl-up", "Curl up", Dosage(hold_s=5)),
            _exercise("no-dosage", "Side bending", Dosage()),
            _exercise("knee-to-chest", "Knee to chest", Dosage(reps=5, hold_s=5, sides="each")),
            _exercise("toe-touch", "Standing toe touch", Dosage(reps=5), aliases=("Toe touches",)),
        ),
        avoid=(
            Avoid(
                id="demo:toe-touches",
                name="Toe touches",
                aliases=("Standing toe touches",),
                reason="They can overstretch ligaments.",
            ),
            Avoid(id="demo:sit-ups", name="Sit-ups", reason="They pull on the hip flexors."),
        ),
    )
    broken = PluginRecord(name="broken", distribution="backtui-broken", error="ImportError: no module named 'x'")
    return Library([demo, broken])


@pytest.fixture
def library() -> Library:
    return make_library()


@pytest.fixture
def cli_library(monkeypatch: pytest.MonkeyPatch, library: Library) -> Library:
    """Make the commands use the demo library instead of the installed plugins."""
    monkeypatch.setattr("backtui.core.library.load_library", lambda **_: library)
    return library
