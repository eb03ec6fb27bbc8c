"""The exercise model: sources, exercises, their default dosage, and things to avoid.

Every object is an immutable, typed ``msgspec.Struct``. Plugins build them in Python
or load them from a TOML file; either way the host re-validates what a hook returns
(``validate``), so a constraint broken in Python is caught as surely as one in TOML.

Ids are ``SOURCE:SLUG``: the source id, a colon, and the article's own name for the
thing in lowercase-hyphen form (``merative:cat-and-camel``).
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeVar

import msgspec

Slug = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
QualifiedId = Annotated[
    str,
    msgspec.Meta(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=161),
]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=120)]
Count = Annotated[int, msgspec.Meta(ge=1, le=1000)]
Seconds = Annotated[int, msgspec.Meta(ge=0, le=24 * 3600)]
PositiveSeconds = Annotated[int, msgspec.Meta(ge=1, le=24 * 3600)]

Sides = Literal["none", "each", "alternate"]
Category = Literal["stretch", "strengthen", "mobility", "posture", "relaxation"]
Position = Literal["prone", "supine", "quadruped", "standing", "side-lying", "seated"]

SIDES: tuple[str, ...] = ("none", "each", "alternate")
CATEGORIES: tuple[str, ...] = ("stretch", "strengthen", "mobility", "posture", "relaxation")
POSITIONS: tuple[str, ...] = ("prone", "supine", "quadruped", "standing", "side-lying", "seated")


class _Frozen(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Base for every model type: immutable, keyword-only, no unknown fields."""


class Frequency(_Frozen, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """How often a source says to do its exercises, in one situation.

    ``when`` names the situation ("while in pain", "once the pain has settled");
    leave it empty when the advice is general. Ranges are ``[low, high]``.
    ``pain`` marks advice that depends on pain: "present" (while in pain) or "subsided"
    (once it has); the latest check-in then chooses which one the dashboard shows.
    """

    text: Text
    when: str = ""
    pain: Literal["present", "subsided"] | None = None
    sessions_per_day: tuple[Count, Count] | None = None
    days_per_week: Annotated[int, msgspec.Meta(ge=1, le=7)] | None = None
    minutes_per_day: tuple[Count, Count] | None = None


class Source(_Frozen, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """One source article: who wrote it, its general safety advice, its frequency."""

    id: Slug
    title: Name
    publisher: str = ""
    author: str = ""
    reviewer: str = ""
    url: str = ""
    safety_notes: tuple[Text, ...] = ()
    frequency: tuple[Frequency, ...] = ()
    notes: tuple[Text, ...] = ()


class Dosage(_Frozen, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """An exercise's default dosage as its article gives it.

    ``reps`` count per side when ``sides`` is ``each`` (all reps on one side, then
    the other) or ``alternate`` (sides take turns, one rep at a time). ``hold_s`` is
    the hold at the end of each rep; ``duration_s`` is for timed positions held
    once (prone lying for 1-2 minutes). Where the article gives a range, the
    ``*_range`` field keeps both ends and the plain field is the default.
    """

    sets: Count = 1
    sets_range: tuple[Count, Count] | None = None
    reps: Count | None = None
    reps_range: tuple[Count, Count] | None = None
    hold_s: PositiveSeconds | None = None
    hold_range_s: tuple[PositiveSeconds, PositiveSeconds] | None = None
    rest_s: Seconds | None = None
    sides: Sides = "none"
    duration_s: PositiveSeconds | None = None
    duration_range_s: tuple[PositiveSeconds, PositiveSeconds] | None = None


class Exercise(_Frozen, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """One exercise as one source describes it.

    ``movement`` groups the same movement across sources (every article's pelvic
    tilt has ``movement = "pelvic-tilt"``). ``start`` and ``steps`` are the
    instructions; ``cautions`` and ``progressions`` come from the article.
    """

    id: QualifiedId
    name: Name
    aliases: tuple[Name, ...] = ()
    category: Category
    position: Position
    movement: Slug | None = None
    start: str = ""
    steps: tuple[Text, ...]
    dosage: Dosage = Dosage()
    cautions: tuple[Text, ...] = ()
    progressions: tuple[Text, ...] = ()
    sciatica_ok: bool = False

    @property
    def source_id(self) -> str:
        return self.id.split(":", 1)[0]

    @property
    def slug(self) -> str:
        return self.id.split(":", 1)[1]


class Avoid(_Frozen, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """An exercise a source says not to do, and why."""

    id: QualifiedId
    name: Name
    aliases: tuple[Name, ...] = ()
    reason: Text

    @property
    def source_id(self) -> str:
        return self.id.split(":", 1)[0]


T = TypeVar("T", Source, Exercise, Avoid)


def validate(obj: object, kind: type[T]) -> T:
    """Check that ``obj`` is a valid ``kind``, constraints included.

    ``msgspec`` does not check constraints when a Struct is built in Python, so the
    host round-trips each hook result through builtins to apply every rule.
    Raises ``TypeError`` for the wrong type, ``msgspec.ValidationError`` otherwise.
    """
    if not isinstance(obj, kind):
        got = type(obj).__name__
        raise TypeError(f"expected {_article(kind.__name__)} {kind.__name__}, got {_article(got)} {got}")
    checked = msgspec.convert(msgspec.to_builtins(obj), type=kind)
    _check_ranges(checked)
    return checked


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _check_ranges(obj: object) -> None:
    dosage = obj.dosage if isinstance(obj, Exercise) else None
    if dosage is None:
        return
    for field, default in (
        ("sets_range", dosage.sets),
        ("reps_range", dosage.reps),
        ("hold_range_s", dosage.hold_s),
        ("duration_range_s", dosage.duration_s),
    ):
        span = getattr(dosage, field)
        if span is None:
            continue
        low, high = span
        if low > high:
            raise msgspec.ValidationError(f"{field}: low end {low} is above high end {high} - at `$.dosage`")
        if default is None or not low <= default <= high:
            raise msgspec.ValidationError(f"{field}: the default {default} is outside {low}-{high} - at `$.dosage`")
