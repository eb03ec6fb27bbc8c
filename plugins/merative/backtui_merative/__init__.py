"""backtui source 'merative': "Lower Back Exercises" care notes (© Merative 2022).

Ten exercises, from gentle ankle pumps to the bird dog. The page says it was
medically reviewed but names no reviewer, so ``reviewer`` stays empty.
"""

from __future__ import annotations

from backtui import Dosage, Exercise, Frequency, RepPosition, Source, hookimpl

SOURCE_ID = "merative"


@hookimpl
def backtui_source() -> Source:
    return Source(
        id=SOURCE_ID,
        title="Lower Back Exercises",
        publisher="Merative",
        safety_notes=(
            "Use a mat or another firm base rather than a bed; it keeps your spine supported.",
            "Keep every movement slow and smooth; avoid quick or jerky motions.",
            "Keep breathing normally; don't hold your breath.",
            "Stop if something hurts. Some discomfort is normal at first and should ease with regular "
            "exercise, but pain is not.",
            "Get care straight away if severe pain stops you from moving.",
            "Contact your doctor when the pain worsens, when a new pain starts, or whenever something about "
            "your condition or care worries or puzzles you.",
        ),
        frequency=(
            Frequency(
                text="Between 10 and 30 minutes a day, spread over 1 to 3 sessions, as your healthcare provider "
                "advises; ask them which exercises to do and how often.",
                minutes_per_day=(10, 30),
                sessions_per_day=(1, 3),
            ),
        ),
        notes=("Your healthcare provider can tell you whether to see a physical therapist for harder exercises.",),
    )


@hookimpl
def backtui_exercises() -> list[Exercise]:
    return [
        Exercise(
            id=f"{SOURCE_ID}:ankle-pumps",
            name="Ankle pumps",
            aliases=("Ankle pump",),
            category="mobility",
            position="supine",
            start="On your back.",
            steps=(
                "Pull your foot up, toes pointing toward your head.",
                "Then push it down, toes pointing away from you.",
            ),
            dosage=Dosage(reps=10, sides="each"),
        ),
        Exercise(
            id=f"{SOURCE_ID}:heel-slides",
            name="Heel slides",
            aliases=("Heel slide",),
            category="mobility",
            position="supine",
            start="On your back.",
            steps=(
                "Slowly bend one leg, then straighten it again.",
                "Do the same with the other leg.",
            ),
            # "bend one leg ... then the other ... Repeat 10 times on each side": legs take turns, 10 each.
            dosage=Dosage(reps=10, sides="alternate"),
        ),
        Exercise(
            id=f"{SOURCE_ID}:pelvic-tilt",
            name="Pelvic tilt",
            aliases=("Pelvic tilts",),
            category="strengthen",
            position="supine",
            movement="pelvic-tilt",
            start="On your back, knees bent, feet flat on the floor, arms resting loosely at your sides.",
            steps=(
                "Tense your stomach muscles and press your back flat against the floor.",
                "Keep it there for 5 seconds, then let go.",
            ),
            dosage=Dosage(reps=5, hold_s=5),
        ),
        Exercise(
            id=f"{SOURCE_ID}:back-stretch",
            name="Back stretch",
            category="stretch",
            position="supine",
            movement="lower-trunk-rotation",
            start="On your back, hands behind your head, knees bent.",
            steps=(
                "Turn your hips and legs over to one side.",
                "Stay there for 10 seconds, then come back to the middle.",
            ),
            # "Repeat 3 times on each side", with no switch described between reps: 3 on one side, then 3 on the other.
            dosage=Dosage(reps=3, hold_s=10, sides="each"),
        ),
        Exercise(
            id=f"{SOURCE_ID}:straight-leg-raises",
            name="Straight leg raises",
            aliases=("Straight leg raise", "Straight-leg raises"),
            category="strengthen",
            position="supine",
            start="On your back, one leg straight and the other knee bent.",
            steps=(
                "Tense your stomach muscles.",
                "Slowly raise the straight leg until it is roughly 6 to 12 inches above the floor.",
                "Keep it up for 1 to 5 seconds.",
                "Lower it slowly.",
            ),
            dosage=Dosage(reps=10, hold_s=1, hold_range_s=(1, 5), sides="each", advice="Hold for 1 to 5 seconds."),
        ),
        Exercise(
            id=f"{SOURCE_ID}:knee-to-chest",
            name="Knee-to-chest",
            aliases=("Knee to chest",),
            category="stretch",
            position="supine",
            movement="knee-to-chest",
            start="On your back, knees bent, feet flat on the floor.",
            steps=(
                "Draw one knee in toward your chest and keep it there for 5 seconds.",
                "Put that foot back down where it started.",
                "Bring the other knee up toward your chest and keep it there for 5 seconds.",
            ),
            # One knee, then the other, "5 times on each side": knees take turns, 5 each.
            dosage=Dosage(reps=5, hold_s=5, sides="alternate"),
        ),
        Exercise(
            id=f"{SOURCE_ID}:cat-and-camel",
            name="Cat and camel",
            aliases=("Cat-camel", "Cat and camel exercise"),
            category="mobility",
            position="quadruped",
            movement="cat-camel",
            start="Kneeling on all fours, hands on the floor.",
            steps=(
                "Drop your head and push your back up toward the ceiling, rounding your spine as far as it goes.",
                "Keep that shape for 5 seconds.",
                "Now raise your head and let your chest sink toward the floor.",
                "Keep that shape for 5 seconds.",
            ),
            # "Hold for 5 seconds [rounded] ... Hold for 5 seconds [chest down]. Do 3 sets": one rep holds
            # both positions, and a set is one rep.
            dosage=Dosage(
                sets=3,
                reps=1,
                positions=(RepPosition(name="Round", hold_s=5), RepPosition(name="Chest down", hold_s=5)),
            ),
            cautions=("Do 3 sets, or as many as your healthcare provider directs.",),
        ),
        Exercise(
            id=f"{SOURCE_ID}:wall-squats",
            name="Wall squats",
            aliases=("Wall squat",),
            category="strengthen",
            position="standing",
            start="Standing, with your back resting on a wall behind you.",
            steps=(
                "Tense your stomach muscles.",
                "Slide slowly down the wall until your knees are bent to 45 degrees.",
                "Stay there for 5 seconds.",
                "Slowly rise back to standing.",
            ),
            dosage=Dosage(reps=10, hold_s=5),
        ),
        Exercise(
            id=f"{SOURCE_ID}:curl-up",
            name="Curl up",
            aliases=("Curl-up", "Abdominal curl up", "Abdominal curl-up"),
            category="strengthen",
            position="supine",
            movement="partial-curl",
            start="On your back, knees bent, feet flat, palms down under the hollow of your lower back.",
            steps=(
                "Elbows staying down, lift chest and shoulders off the floor by 2 to 3 inches.",
                "Keep your head lined up with your shoulders.",
                "Stay up for 5 seconds.",
            ),
            # The article gives the 5 s hold but no number of repetitions: reps stays None.
            dosage=Dosage(hold_s=5),
            progressions=(
                "Once you can hold it for 10 to 15 seconds without pain, add a twist: with shoulders and chest "
                "raised, turn a little to the left and hold, then do the same to the right.",
            ),
        ),
        Exercise(
            id=f"{SOURCE_ID}:bird-dog",
            name="Bird dog",
            aliases=("Bird-dog", "Bird dog exercise"),
            category="strengthen",
            position="quadruped",
            movement="bird-dog",
            start="On hands and knees, wrists under shoulders and knees under hips.",
            steps=(
                "Pull your navel in toward your backbone and tense your stomach muscles; "
                "keep your back neither flattened nor arched.",
                "Reach one arm straight out in line with your head.",
                "Then lift the opposite leg.",
                "Stay like that for 15 seconds.",
                "Slowly lower the arm and leg, and do the other side.",
            ),
            # "Hold 15 s ... change sides. Do 5 sets": a set is one 15 s hold per side, sides taking turns.
            dosage=Dosage(sets=5, reps=1, hold_s=15, sides="alternate"),
        ),
    ]
