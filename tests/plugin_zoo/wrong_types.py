"""Plugins whose hooks return the wrong kind of thing."""

from typing import Any

from backtui import Dosage, Exercise, Source, hookimpl


def _source(source_id: str) -> Source:
    return Source(id=source_id, title="Zoo: wrong types")


def _exercise(**changes: Any) -> Exercise:
    fields: dict[str, Any] = {
        "id": "zoo-wrong:cat-stretch",
        "name": "Cat stretch",
        "category": "stretch",
        "position": "quadruped",
        "steps": ("Round your back.",),
    }
    fields.update(changes)
    return Exercise(**fields)


class SourceIsDict:
    @staticmethod
    @hookimpl
    def backtui_source() -> Any:
        return {"id": "zoo-wrong", "title": "A dict, not a Source"}


class SourceIsNone:
    @staticmethod
    @hookimpl
    def backtui_source() -> Any:
        return None


class ExercisesIsStr:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return _source("zoo-wrong")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> Any:
        return "zoo-wrong:cat-stretch"


class ExercisesAreDicts:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return _source("zoo-wrong")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> Any:
        return [{"id": "zoo-wrong:cat-stretch", "name": "Cat stretch"}]


class ZeroReps:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return _source("zoo-wrong")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> list[Exercise]:
        return [_exercise(dosage=Dosage(reps=0))]


class BadId:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return _source("zoo-wrong")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> list[Exercise]:
        return [_exercise(id="Zoo Wrong: Cat Stretch")]


class HoldOutsideRange:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return _source("zoo-wrong")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> list[Exercise]:
        return [_exercise(dosage=Dosage(hold_s=30, hold_range_s=(5, 10)))]
