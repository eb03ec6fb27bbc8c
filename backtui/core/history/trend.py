"""The rising-pain rule: is pain after exercise getting worse?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: How many recent sessions with both check-ins the rising-pain rule looks at.
RISING_WINDOW = 5
#: How far back (days) the rising-pain rule looks.
RISING_DAYS = 28


@dataclass(frozen=True)
class PainTrend:
    """What the rising-pain rule found. ``rising`` is the only thing a caller needs to act on."""

    rising: bool
    sessions: int  # sessions with both check-ins the rule looked at
    worse_after: int  # of those, how many had more pain after than before
    after_climbing: bool  # the last three after-scores each higher than the one before

    def describe(self) -> str:
        if self.after_climbing and self.worse_after * 2 <= self.sessions:
            return "Your pain after exercise has gone up in each of your last three sessions."
        return (
            f"Your pain was higher after exercise than before in {self.worse_after} "
            f"of your last {self.sessions} sessions with check-ins."
        )


def pain_rising(pairs: Sequence[tuple[int, int]]) -> PainTrend:
    """The rising-pain rule, on (before, after) pain pairs, oldest first.

    It needs at least three sessions with both check-ins. Pain counts as rising when
    pain after exercise was higher than before in more than half of them, or when the
    after-pain of the last three rose each time. It flags a pattern worth acting on;
    it is not a diagnosis.
    """
    pairs = list(pairs)[-RISING_WINDOW:]
    worse = sum(1 for before, after in pairs if after > before)
    afters = [after for _, after in pairs[-3:]]
    climbing = len(afters) == 3 and afters[0] < afters[1] < afters[2]
    enough = len(pairs) >= 3
    return PainTrend(
        rising=enough and (worse * 2 > len(pairs) or climbing),
        sessions=len(pairs),
        worse_after=worse,
        after_climbing=enough and climbing,
    )
