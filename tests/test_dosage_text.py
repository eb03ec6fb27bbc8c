"""The compact dosage the library, the detail pane and `backtui exercises` show."""

from __future__ import annotations

import pytest

from backtui import Dosage
from backtui.core.dosage_text import dosage_text


@pytest.mark.parametrize(
    ("dosage", "text"),
    [
        (Dosage(duration_s=60, duration_range_s=(60, 120)), "60–120s"),
        (Dosage(reps=10, hold_s=1, hold_range_s=(1, 2)), "10 reps hold 1–2s"),
        (Dosage(sets=2, reps=10, hold_s=5, rest_s=60), "2×10 hold 5s rest 60s"),
        (Dosage(sets=1, sets_range=(1, 3), reps=10, hold_s=5), "1–3×10 hold 5s"),
        (Dosage(reps=1, hold_s=10, hold_range_s=(10, 60), sides="alternate"), "1 rep hold 10–60s alternating"),
        (Dosage(reps=10, sides="each"), "10 reps each side"),
        (Dosage(sets=3), "3 sets"),
        (Dosage(), ""),
    ],
)
def test_the_article_range_shows_not_just_its_low_end(dosage: Dosage, text: str) -> None:
    assert dosage_text(dosage) == text
