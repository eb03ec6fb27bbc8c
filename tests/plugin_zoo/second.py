"""A second correct plugin, as a class rather than a module: only a source and one exercise."""

from backtui import Exercise, Source, hookimpl


class Second:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return Source(id="zoo-second", title="Zoo: a second source")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> list[Exercise]:
        return [
            Exercise(
                id="zoo-second:bird-dog",
                name="Bird dog",
                category="strengthen",
                position="quadruped",
                steps=("Reach one arm and the opposite leg out.",),
            )
        ]
