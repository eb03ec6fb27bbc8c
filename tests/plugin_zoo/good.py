"""A correct plugin: a source, one exercise, one avoid item."""

from backtui import Avoid, Dosage, Exercise, Source, hookimpl


@hookimpl
def backtui_source() -> Source:
    return Source(id="zoo-good", title="Zoo: a good source", safety_notes=("Stop if pain increases.",))


@hookimpl
def backtui_exercises() -> list[Exercise]:
    return [
        Exercise(
            id="zoo-good:pelvic-tilt",
            name="Pelvic tilt",
            category="strengthen",
            position="supine",
            movement="pelvic-tilt",
            steps=("Flatten your lower back against the floor.", "Relax."),
            dosage=Dosage(reps=10, hold_s=5, hold_range_s=(5, 10)),
        )
    ]


@hookimpl
def backtui_avoid() -> list[Avoid]:
    return [Avoid(id="zoo-good:sit-ups", name="Sit-ups", reason="They load the spinal discs.")]
