"""The library: one read-only index over every loaded source, exercise and avoid item."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cached_property

import msgspec

from backtui.core.model import Avoid, Exercise, Source
from backtui.core.plugins import LoadResult, PluginRecord

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase, strip accents, and turn punctuation into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", bare.casefold()).strip()


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def name_key(text: str) -> str:
    """A key two names share when they name the same thing: folded, each word singular.

    ``"Standing Toe Touches"`` and ``"standing toe-touch"`` share a key; ``"Partial
    curls"`` and ``"Sit-ups"`` do not. Matching uses whole keys, never substrings.
    """
    return " ".join(_singular(w) for w in fold(text).split())


class AvoidMatch(msgspec.Struct, frozen=True):
    """An avoid item that matched, with the source that lists it."""

    avoid: Avoid
    source: Source

    def describe(self) -> str:
        return f"{self.avoid.name!r} is on the avoid list of {self.source.title}: {self.avoid.reason}"


class Library:
    """Everything the loaded plugins contribute, indexed for lookup, search and filters."""

    def __init__(self, records: Sequence[PluginRecord] = ()):
        self.records: tuple[PluginRecord, ...] = tuple(records)
        self.sources: dict[str, Source] = {}
        self.exercises: dict[str, Exercise] = {}
        self.avoid: dict[str, Avoid] = {}
        for record in self.records:
            if not record.ok or record.source is None:
                continue
            self.sources[record.source.id] = record.source
            for ex in record.exercises:
                self.exercises[ex.id] = ex
            for item in record.avoid:
                self.avoid[item.id] = item
        self._search_text = {
            ex.id: " | ".join(fold(n) for n in (ex.name, *ex.aliases)) for ex in self.exercises.values()
        }
        # (exercise, source id, folded names) in library order: search narrows this list
        # one criterion at a time, which keeps a keystroke over 10,000 exercises in ~1 ms.
        self._index: list[tuple[Exercise, str, str]] = [
            (ex, ex.source_id, self._search_text[ex.id]) for ex in self.exercises.values()
        ]
        self._avoid_keys: dict[str, list[Avoid]] = {}
        for item in self.avoid.values():
            for key in {name_key(n) for n in (item.name, *item.aliases)}:
                self._avoid_keys.setdefault(key, []).append(item)

    @classmethod
    def from_load(cls, result: LoadResult) -> Library:
        return cls(result.records)

    @property
    def failed(self) -> list[PluginRecord]:
        return [r for r in self.records if not r.ok]

    def get(self, exercise_id: str) -> Exercise | None:
        return self.exercises.get(exercise_id)

    def source_of(self, item: Exercise | Avoid) -> Source | None:
        return self.sources.get(item.source_id)

    def search(
        self,
        text: str = "",
        *,
        source: str | None = None,
        category: str | None = None,
        position: str | None = None,
        sciatica_ok: bool | None = None,
    ) -> list[Exercise]:
        """Exercises whose name or an alias contains every word of ``text``, after filters.

        Case and accents don't matter. Results keep the library's order (by source,
        then the article's order).
        """
        words = fold(text).split()
        items = self._index
        if source is not None:
            items = [item for item in items if item[1] == source]
        if category is not None:
            items = [item for item in items if item[0].category == category]
        if position is not None:
            items = [item for item in items if item[0].position == position]
        if sciatica_ok is not None:
            items = [item for item in items if item[0].sciatica_ok == sciatica_ok]
        for word in words:
            items = [item for item in items if word in item[2]]
        return [item[0] for item in items]

    def movement_of(self, ex: Exercise) -> str:
        """The key that groups the same movement across sources."""
        return ex.movement or name_key(ex.name).replace(" ", "-")

    @cached_property
    def groups(self) -> dict[str, tuple[Exercise, ...]]:
        """Exercises grouped by movement; only movements found in two or more sources."""
        by_movement: dict[str, list[Exercise]] = {}
        for ex in self.exercises.values():
            by_movement.setdefault(self.movement_of(ex), []).append(ex)
        return {k: tuple(v) for k, v in by_movement.items() if len({e.source_id for e in v}) > 1}

    def same_movement(self, ex: Exercise) -> tuple[Exercise, ...]:
        """The other sources' versions of ``ex``'s movement."""
        return tuple(e for e in self.groups.get(self.movement_of(ex), ()) if e.id != ex.id)

    def avoid_matches(self, item: Exercise | str) -> list[AvoidMatch]:
        """Avoid items whose name or alias names the same thing as ``item``.

        ``item`` is an exercise (its name and aliases are checked) or a free-text name.
        """
        names: Iterable[str] = (item.name, *item.aliases) if isinstance(item, Exercise) else (item,)
        hits: dict[str, Avoid] = {}
        for key in {name_key(n) for n in names}:
            for found in self._avoid_keys.get(key, ()):
                hits.setdefault(found.id, found)
        return [AvoidMatch(a, self.sources[a.source_id]) for a in hits.values()]

    def avoid_mentions(self, text: str) -> list[AvoidMatch]:
        """Avoid items a search for ``text`` names: each word of it begins a word of the item's name or an alias.

        Unlike ``avoid_matches`` this takes part of a name ("toe touch" finds "Standing
        toe touches"), for telling someone who searches for an avoided movement why it is
        not there. Words are compared as ``name_key`` folds them; fewer than three letters find nothing.
        """
        words = name_key(text).split()
        if sum(len(w) for w in words) < 3:
            return []
        hits: dict[str, Avoid] = {}
        for key, items in self._avoid_keys.items():
            names = key.split()
            if all(any(n.startswith(word) for n in names) for word in words):
                for item in items:
                    hits.setdefault(item.id, item)
        return [AvoidMatch(a, self.sources[a.source_id]) for a in hits.values()]


def load_library(**kwargs: object) -> Library:
    """Load every enabled plugin and index it, for the command line.

    Raises ``PluginError`` when ``BACKTUI_LOAD_PLUGINS`` or ``BACKTUI_DISABLE_PLUGINS``
    names a plugin that is not installed.
    """
    from backtui.core import plugins

    result = plugins.load(**kwargs)  # type: ignore[arg-type]
    if result.unknown_names:  # a typo there would quietly drop a plugin; the command line says so and stops
        raise plugins.PluginError(result.unknown_names)
    return Library.from_load(result)
