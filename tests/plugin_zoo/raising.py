"""Plugins whose hooks raise."""

from collections.abc import Iterator

from backtui import Exercise, Source, hookimpl


def _source(source_id: str) -> Source:
    return Source(id=source_id, title="Zoo: raising")


class SourceRaises:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        raise RuntimeError("the source file could not be read")


class ExercisesRaise:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return _source("zoo-exercises-raise")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> list[Exercise]:
        raise KeyError("reps")


class AvoidRaises:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return _source("zoo-avoid-raises")

    @staticmethod
    @hookimpl
    def backtui_avoid() -> list[Exercise]:
        return [1 / 0]  # type: ignore[list-item]


class GeneratorRaises:
    """Raises only when the host reads the result, not when the hook is called."""

    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return _source("zoo-generator-raises")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> Iterator[Exercise]:
        yield from ()
        raise ValueError("ran out of exercises")
