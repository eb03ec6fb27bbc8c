"""Plugins that implement no hook the host can call, or not the one every plugin needs."""

from backtui import Exercise, Source, hookimpl


class Misspelt:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return Source(id="zoo-misspelt", title="Zoo: misspelt hook")

    @staticmethod
    @hookimpl
    def backtui_exercise() -> list[Exercise]:  # should be backtui_exercises
        return []


class Unmarked:
    @staticmethod
    def backtui_source() -> Source:  # @hookimpl forgotten
        return Source(id="zoo-unmarked", title="Zoo: unmarked hook")


class Empty:
    """Nothing at all: perhaps the entry point names the wrong object."""


class NoSource:
    @staticmethod
    @hookimpl
    def backtui_exercises() -> list[Exercise]:
        return []


class TakesArgument:
    @staticmethod
    @hookimpl
    def backtui_source(config: dict[str, str]) -> Source:
        return Source(id="zoo-args", title="Zoo: hook with an argument")
