"""backtui source 'verywell': "Exercises for Your Lower Back" (Verywell Health, Brett Sears, PT).

The article numbers five exercises: an extension progression (prone lying, then
prone prop-ups, then press-ups), the pelvic tilt, and supine lumbar flexion. It
names a bonus press-up variation and the slouch-overcorrect posture exercise but
describes neither, so neither is modelled as an exercise here.
"""

from __future__ import annotations

from backtui import Dosage, Exercise, Frequency, Source, hookimpl

SOURCE_ID = "verywell"


@hookimpl
def backtui_source() -> Source:
    return Source(
        id=SOURCE_ID,
        title="Exercises for Your Lower Back",
        publisher="Verywell Health",
        author="Brett Sears, PT",
        safety_notes=(
            "Ask your healthcare provider before you begin whether each of these exercises is safe for your condition.",
            "Keep an eye on your symptoms while you exercise, and stop if your pain gets worse.",
            "See a doctor, physical therapist or other healthcare provider if your low back pain is severe, "
            "restricts how you move, or has gone on for more than a few weeks.",
        ),
        frequency=(
            Frequency(
                text="Three to four times a day while you have pain.",
                when="while in pain",
                pain="present",
                sessions_per_day=(3, 4),
            ),
            Frequency(
                text="Once a day after the pain has subsided, to keep the spine healthy and help prevent a recurrence.",
                when="once the pain has subsided",
                pain="subsided",
                sessions_per_day=(1, 1),
            ),
        ),
        notes=(
            "Centralization: if pain from your back reaches into your leg or buttock, notice whether it moves "
            "to a spot nearer the spine as you exercise. The article calls that a good sign that the exercise "
            "suits your condition.",
            "Posture matters too: the article advises sitting well, with a small pillow or rolled towel "
            "supporting the small of your back. It also mentions the slouch-overcorrect exercise for posture "
            "awareness without describing how to do it.",
        ),
    )


@hookimpl
def backtui_exercises() -> list[Exercise]:
    return [
        Exercise(
            id=f"{SOURCE_ID}:prone-lying",
            name="Prone lying",
            aliases=("Lying on your stomach",),
            category="relaxation",
            position="prone",
            start="Face down on the floor.",
            steps=(
                "Lie face down and let your whole body rest.",
                "Stay there, breathing slowly and deeply, for one to two minutes.",
                "Then carry on to prone prop-ups.",
            ),
            dosage=Dosage(duration_s=60, duration_range_s=(60, 120)),
            progressions=("Next in the progression: prone prop-ups.",),
        ),
        Exercise(
            id=f"{SOURCE_ID}:prone-prop-ups",
            name="Prone prop-ups",
            aliases=("Prone prop-up", "Prop-ups on elbows"),
            category="mobility",
            position="prone",
            start="Face down on the floor.",
            steps=(
                "From lying on your stomach, raise your upper body so that you lean on your elbows.",
                "Stay propped up for one to two minutes, breathing slowly and deeply.",
            ),
            dosage=Dosage(duration_s=60, duration_range_s=(60, 120)),
            progressions=("When this position feels comfortable, move on to press-ups.",),
        ),
        Exercise(
            id=f"{SOURCE_ID}:press-ups",
            name="Press-ups",
            aliases=("Press-up", "Prone press-up", "Prone press-ups"),
            category="mobility",
            position="prone",
            movement="press-up",
            start="Face down, palms flat on the floor beneath your shoulders, as if about to do a push-up.",
            steps=(
                "Straighten your arms to raise your shoulders and upper body, letting hips and lower back go slack.",
                "Keep your hips resting on the floor throughout.",
                "Pause at the top for one to two seconds.",
                "Lower yourself all the way back down to where you started.",
            ),
            dosage=Dosage(reps=10, hold_s=1, hold_range_s=(1, 2)),
            progressions=(
                "The article names a bonus variation, the prone press-up with the hips off center, "
                "without describing it.",
            ),
        ),
        Exercise(
            id=f"{SOURCE_ID}:pelvic-tilt",
            name="Pelvic tilt",
            aliases=("Pelvic tilts",),
            category="strengthen",
            position="supine",
            movement="pelvic-tilt",
            start="On your back on the floor.",
            steps=(
                "Rock your pelvis backward so that your lower back presses flat against the floor.",
                "Your stomach and buttock muscles should tighten as you do it.",
                "Keep the position for one to two seconds.",
                "Ease slowly back to where you started.",
            ),
            dosage=Dosage(reps=10, hold_s=1, hold_range_s=(1, 2)),
        ),
        Exercise(
            id=f"{SOURCE_ID}:supine-lumbar-flexion",
            name="Supine lumbar flexion",
            aliases=("Lumbar flexion",),
            category="mobility",
            position="supine",
            start="On your back.",
            steps=("Lying on your back, bend your lower spine forward (lumbar flexion).",),
            # The article gives no hold, repetition or time for this one: no figure is set.
            dosage=Dosage(),
            cautions=(
                "The article explains that some conditions, lumbar spinal stenosis among them, usually need "
                "forward bending to get better.",
            ),
            progressions=(
                "Start lying on your back; progress to bending forward while seated, and finally while standing.",
            ),
        ),
    ]
