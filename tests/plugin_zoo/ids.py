"""Plugins whose ids clash or are not namespaced by their source."""

from backtui import Avoid, Exercise, Source, hookimpl


def _exercise(item_id: str) -> Exercise:
    return Exercise(id=item_id, name="Bridge", category="strengthen", position="supine", steps=("Lift your hips.",))


class DuplicateWithin:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return Source(id="zoo-dup", title="Zoo: duplicate ids")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> list[Exercise]:
        return [_exercise("zoo-dup:bridge"), _exercise("zoo-dup:bridge")]


class AvoidReusesExerciseId:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return Source(id="zoo-dup", title="Zoo: duplicate ids")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> list[Exercise]:
        return [_exercise("zoo-dup:bridge")]

    @staticmethod
    @hookimpl
    def backtui_avoid() -> list[Avoid]:
        return [Avoid(id="zoo-dup:bridge", name="Bridge", reason="Listed twice by mistake.")]


class NotPrefixed:
    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return Source(id="zoo-mine", title="Zoo: borrowed ids")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> list[Exercise]:
        return [_exercise("merative:bridge")]


class SameSourceAsGood:
    """Claims the source id of ``plugin_zoo.good``; loaded after it, it must be refused."""

    @staticmethod
    @hookimpl
    def backtui_source() -> Source:
        return Source(id="zoo-good", title="Zoo: an impostor")

    @staticmethod
    @hookimpl
    def backtui_exercises() -> list[Exercise]:
        return [_exercise("zoo-good:pelvic-tilt")]
