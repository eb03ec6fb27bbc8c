"""Plugins that load but fail the plugin-author test kit (``backtui.testing``)."""

from typing import Any

from backtui import Avoid, Dosage, Exercise, Source, hookimpl


def _exercise(slug: str, name: str, **fields: Any) -> Exercise:
    fields.setdefault("steps", ("Move slowly.",))
    return Exercise(id=f"zoo-kit:{slug}", name=name, category="strengthen", position="supine", **fields)


def plugin(*exercises: Exercise, avoid: tuple[Avoid, ...] = ()) -> type:
    """A plugin class for source ``zoo-kit`` with these exercises and avoid items."""

    class Plugin:
        @staticmethod
        @hookimpl
        def backtui_source() -> Source:
            return Source(id="zoo-kit", title="Zoo: kit checks")

        @staticmethod
        @hookimpl
        def backtui_exercises() -> list[Exercise]:
            return list(exercises)

        @staticmethod
        @hookimpl
        def backtui_avoid() -> list[Avoid]:
            return list(avoid)

    return Plugin


Tidy = plugin(
    _exercise("bridge", "Bridge", dosage=Dosage(sets=2, reps=10, hold_s=5, rest_s=60)),
    avoid=(Avoid(id="zoo-kit:crunches", name="Abdominal crunches", reason="They strain the neck."),),
)
LongHold = plugin(_exercise("plank", "Plank", dosage=Dosage(hold_s=900)))
ManyReps = plugin(_exercise("bridge", "Bridge", dosage=Dosage(reps=500)))
RepsAndDuration = plugin(_exercise("prone-lying", "Prone lying", dosage=Dosage(reps=3, duration_s=60)))
NoSteps = plugin(_exercise("bridge", "Bridge", steps=()))
SameName = plugin(_exercise("bridge", "Bridge"), _exercise("bridges", "Bridges"))
# zoo-good lists "Sit-ups" as something to avoid; this source offers one as an exercise
OnAnotherSourcesAvoidList = plugin(_exercise("sit-up", "Sit-up", aliases=("Curl-up",)))
OnItsOwnAvoidList = plugin(
    _exercise("crunch", "Crunch", aliases=("Abdominal crunch",)),
    avoid=(Avoid(id="zoo-kit:crunches", name="Abdominal crunches", reason="They strain the neck."),),
)
