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
Side = Literal["left", "right"]
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


class RepPosition(_Frozen, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """One timed position within a rep (a cat curl's sag, then its round), in the article's words."""

    name: Name
    hold_s: PositiveSeconds


class Dosage(_Frozen, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """An exercise's default dosage as its article gives it.

    ``reps`` count per side when ``sides`` is ``each`` (all reps on one side, then
    the other) or ``alternate`` (sides take turns, one rep at a time). ``hold_s`` is
    the hold at the end of each rep; ``duration_s`` is for timed positions held
    once (prone lying for 1-2 minutes). Where the article gives a range, the
    ``*_range`` field keeps both ends and the plain field is the default.

    ``positions`` names a rep's timed positions when the article holds more than one
    per rep (hold 5 s with the back sagging, then 5 s rounded): each rep paces every
    position in order, and ``hold_s`` is left out. ``start_side`` is the side a sided
    exercise starts on when the article names one (the side plank starts on the right).
    ``advice`` keeps the article's own words on where to begin and how far to build up
    ("Work up to doing 3 sets."); progression suggestions quote it and never pass the
    upper end of a range.
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
    positions: tuple[RepPosition, ...] = ()
    start_side: Side | None = None
    advice: str = ""


class Stage(_Frozen, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """One stage of an exercise the article builds up in stages, with its own dosage.

    A routine step picks a stage by ``id``; a step that picks none runs the exercise's
    own ``dosage``. ``steps`` are the stage's instructions, when they differ.
    """

    id: Slug
    name: Name
    steps: tuple[Text, ...] = ()
    dosage: Dosage = Dosage()


class Exercise(_Frozen, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """One exercise as one source describes it.

    ``movement`` groups the same movement across sources (every article's pelvic
    tilt has ``movement = "pelvic-tilt"``). ``start`` and ``steps`` are the
    instructions; ``cautions`` and ``progressions`` come from the article. ``stages``
    lists the stages an article builds the exercise up in (the dead bug's three, the
    back extension's lead-in before the press-ups); ``dosage`` is what runs when a
    routine step picks no stage.
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
    stages: tuple[Stage, ...] = ()

    def stage(self, stage_id: str) -> Stage | None:
        """The stage called ``stage_id``, or None."""
        return next((s for s in self.stages if s.id == stage_id), None)

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
    if not isinstance(obj, Exercise):
        return
    _check_dosage(obj.dosage, "$.dosage")
    seen: set[str] = set()
    for n, stage in enumerate(obj.stages):
        if stage.id in seen:
            raise msgspec.ValidationError(f"two stages are called {stage.id!r} - at `$.stages[{n}].id`")
        seen.add(stage.id)
        _check_dosage(stage.dosage, f"$.stages[{n}].dosage")


def _check_dosage(dosage: Dosage, where: str) -> None:
    if dosage.positions and dosage.hold_s is not None:
        raise msgspec.ValidationError(f"give 'positions' (each with its hold) or 'hold_s', not both - at `{where}`")
    if dosage.positions and dosage.duration_s is not None and dosage.reps is None:
        raise msgspec.ValidationError(f"'positions' are held within reps; a timed dosage has none - at `{where}`")
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
            raise msgspec.ValidationError(f"{field}: low end {low} is above high end {high} - at `{where}`")
        if default is None or not low <= default <= high:
            raise msgspec.ValidationError(f"{field}: the default {default} is outside {low}-{high} - at `{where}`")
