"""backtui source 'twelve-best': "The Best Lower Back Exercises to Reduce Pain, According to Experts".

Twelve exercises, nearly all done as 2 sets of 10 with a minute's rest between
sets, and three exercises the article says to avoid. The article states no author
or publisher, and gives no weekly or daily frequency.
"""

from __future__ import annotations

from backtui import Avoid, Dosage, Exercise, Source, hookimpl

SOURCE_ID = "twelve-best"

#: The article's usual prescription: "2 sets of 10 repetitions, 1-minute rest in between".
REST_S = 60

#: Where the article says to start: one set, building up to its usual two.
#: "Begin by doing one set of each exercise."
SETS = 1
SETS_RANGE = (1, 2)
ADVICE = "Begin by doing one set of each exercise."
#: The press-up back extension's "Hold 3-5 seconds." and the superman's "Hold for 3-5 seconds."
HOLD_3_5 = f"Hold 3-5 seconds. {ADVICE}"


@hookimpl
def backtui_source() -> Source:
    return Source(
        id=SOURCE_ID,
        title="The Best Lower Back Exercises to Reduce Pain, According to Experts",
        safety_notes=(
            "If you have had back pain before, get medical advice before you take up a new exercise programme.",
            "If an exercise makes your pain worse, stop, and make sure your stomach and buttock (gluteal) "
            "muscles are switched on before you try it again.",
            "If the pain carries on after that adjustment, drop that exercise altogether.",
            "Stop straight away any exercise or activity that keeps causing or adding to your back pain.",
            "Start gently, moving through a small range, to lower the chance of a flare-up.",
            "Begin with one set of each exercise.",
            "General muscle soreness is normal; more pain is not.",
        ),
        notes=(
            "Even exercises suited to low back pain can set off a flare-up when they are new to you.",
            "Strong core muscles (around the spine and pelvis) and glutes help hold the spine in a neutral "
            "position; weak ones leave the lower back open to injury.",
        ),
    )


@hookimpl
def backtui_exercises() -> list[Exercise]:
    return [
        Exercise(
            id=f"{SOURCE_ID}:piriformis-stretch",
            name="Piriformis stretch",
            aliases=("Figure four stretch", "Figure-four stretch"),
            category="stretch",
            position="supine",
            movement="figure-four-stretch",
            start="Lying flat on the floor with your knees bent.",
            steps=(
                "Rest your left ankle across your right leg so that your legs make a figure 4.",
                "Wrap your hands around the left leg and draw that knee gently across toward the opposite shoulder.",
                "Stay there for 10 seconds.",
                "Swap legs and stretch the other side.",
            ),
            # "Alternating do 2 sets of 5 repetitions": sides take turns, 5 per side in each set.
            dosage=Dosage(
                sets=SETS, sets_range=SETS_RANGE, reps=5, hold_s=10, rest_s=REST_S, advice=ADVICE, sides="alternate"
            ),
        ),
        Exercise(
            id=f"{SOURCE_ID}:lower-back-rotational-stretches",
            name="Lower back rotational stretches",
            aliases=("Lower back rotational stretch", "Rotational stretch"),
            category="stretch",
            position="supine",
            movement="lower-trunk-rotation",
            start="On your back, both knees bent and feet flat on the floor.",
            steps=(
                "With your knees pressed together, let both legs drop over to one side while your shoulders "
                "stay flat on the floor.",
                "Stay there for 5 to 10 seconds.",
                "Take the legs over to the other side and stay for 5 to 10 seconds.",
                "Bring them back to the middle.",
            ),
            # One side, then the other, each rep: sides alternate, 10 per side in each of 2 sets.
            dosage=Dosage(
                sets=SETS,
                sets_range=SETS_RANGE,
                reps=10,
                hold_s=5,
                hold_range_s=(5, 10),
                rest_s=REST_S,
                advice=f"Hold for 5-10 seconds. {ADVICE}",
                sides="alternate",
            ),
        ),
        Exercise(
            id=f"{SOURCE_ID}:knee-to-chest",
            name="Knee-to-chest",
            aliases=("Knee to chest", "Knee-to-chest stretch"),
            category="stretch",
            position="supine",
            movement="knee-to-chest",
            start="Lying flat on the floor, both knees bent, feet flat.",
            steps=(
                "Lift your left knee toward your chest and hold it, hands either behind the thigh or around the shin.",
                "Gently draw the knee up toward your head and stay there for 10 seconds.",
                "Do the same with the right leg.",
            ),
            # "Alternating, do 2 sets of 5 repetitions": legs take turns, 5 per leg in each set.
            dosage=Dosage(
                sets=SETS, sets_range=SETS_RANGE, reps=5, hold_s=10, rest_s=REST_S, advice=ADVICE, sides="alternate"
            ),
        ),
        Exercise(
            id=f"{SOURCE_ID}:cat-stretch",
            name="Cat stretch",
            category="stretch",
            position="quadruped",
            movement="cat-camel",
            start="On hands and knees, head level with your tailbone.",
            steps=(
                "Breathe in deeply.",
                "As you breathe out, pull your abdominal muscles in toward your backbone and curve your back upward.",
                "Stay there for 10 seconds, then come back to the start.",
            ),
            # The article says "Alternating, do 2 sets of 5", but the movement has no left and right side.
            dosage=Dosage(sets=SETS, sets_range=SETS_RANGE, reps=5, hold_s=10, rest_s=REST_S, advice=ADVICE),
        ),
        Exercise(
            id=f"{SOURCE_ID}:press-up-back-extensions",
            name="Press-up back extensions",
            aliases=("Press-up back extension", "Press up back extensions"),
            category="stretch",
            position="prone",
            movement="press-up",
            start="Face down with your legs stretched out.",
            steps=(
                "Come up onto your elbows, raising your chest and upper stomach from the floor.",
                "Let your stomach muscles and lower back go loose so the back bends without the muscles working.",
                "Stay there for 3 to 5 seconds.",
            ),
            dosage=Dosage(
                sets=SETS, sets_range=SETS_RANGE, reps=10, hold_s=3, hold_range_s=(3, 5), rest_s=REST_S, advice=HOLD_3_5
            ),
            cautions=("This one does not suit everyone: if it makes your low back pain worse, stop doing it.",),
        ),
        Exercise(
            id=f"{SOURCE_ID}:draw-in-maneuvers",
            name="Draw-in maneuvers",
            aliases=("Draw-in maneuver", "Drawing-in maneuver", "Draw-in manoeuvre"),
            category="strengthen",
            position="supine",
            start="On your back, knees bent, feet flat.",
            steps=(
                "Breathe in deeply.",
                "While you slowly breathe out, sink your navel toward your backbone and the floor, letting "
                "your lower stomach hollow.",
                "Keep breathing normally and stay like that for 5 seconds, then let go.",
            ),
            dosage=Dosage(sets=SETS, sets_range=SETS_RANGE, reps=10, hold_s=5, rest_s=REST_S, advice=ADVICE),
            progressions=(
                "These deep stomach muscles are hard to feel working, so it can take practice to get right.",
            ),
        ),
        Exercise(
            id=f"{SOURCE_ID}:hip-bridge",
            name="Hip bridge",
            aliases=("Bridge", "Basic bridge"),
            category="strengthen",
            position="supine",
            start="On your back, arms by your sides, feet planted, knees bent and as wide apart as your shoulders.",
            steps=(
                "Tense your stomach muscles by drawing your belly button gently down toward your spine.",
                "Raise your hips from the mat until hips and shoulders make a diagonal line.",
                "Keep your back straight, not arched, and stay up for 5 seconds.",
            ),
            dosage=Dosage(sets=SETS, sets_range=SETS_RANGE, reps=10, hold_s=5, rest_s=REST_S, advice=ADVICE),
            cautions=("If it hurts, keep the lift small: just a few inches.",),
            progressions=("Lift your hips gradually higher as you get stronger.",),
        ),
        Exercise(
            id=f"{SOURCE_ID}:partial-curls",
            name="Partial curls",
            aliases=("Partial curl",),
            category="strengthen",
            position="supine",
            movement="partial-curl",
            start="On your back, knees bent, feet planted as wide apart as your hips.",
            steps=(
                "Put your hands on your belly or behind your head, and don't tug on your head.",
                "Use your stomach muscles to curl your upper back up to about halfway toward your knees, "
                "keeping your lower back on the floor.",
                "Pause, then roll slowly back down.",
            ),
            # "pause then gently uncurl" gives no length for the pause, so hold_s stays None.
            dosage=Dosage(sets=SETS, sets_range=SETS_RANGE, reps=10, rest_s=REST_S, advice=ADVICE),
        ),
        Exercise(
            id=f"{SOURCE_ID}:pelvic-tilts",
            name="Pelvic tilts",
            aliases=("Pelvic tilt",),
            category="strengthen",
            position="supine",
            movement="pelvic-tilt",
            start="On your back, both knees bent.",
            steps=(
                "Notice the natural hollow in your lower back that lifts it off the floor.",
                "Tense your stomach muscles and gently rock your pelvis up so that the hollow flattens and your "
                "back meets the floor.",
                "Stay there for 5 seconds, breathing as you do.",
            ),
            dosage=Dosage(sets=SETS, sets_range=SETS_RANGE, reps=10, hold_s=5, rest_s=REST_S, advice=ADVICE),
            cautions=("Don't hold your breath.",),
        ),
        Exercise(
            id=f"{SOURCE_ID}:bird-dog",
            name="Bird dog",
            aliases=("Bird-dog",),
            category="strengthen",
            position="quadruped",
            movement="bird-dog",
            start="On hands and knees (quadruped), hands shoulder-width apart, knees hip-width apart.",
            steps=(
                "Tense your stomach muscles.",
                "Raise your right arm and left leg about an inch off the floor to begin with.",
                "Balance on the other hand and knee without letting your pelvis drop to one side.",
                "Stay there for 5 seconds.",
            ),
            # The article describes one diagonal (right arm, left leg) and says nothing about switching: sides none.
            dosage=Dosage(sets=SETS, sets_range=SETS_RANGE, reps=10, hold_s=5, rest_s=REST_S, advice=ADVICE),
            progressions=(
                "When you feel steady, raise the arm and opposite leg higher, until arm, body and leg form "
                "a straight line.",
            ),
        ),
        Exercise(
            id=f"{SOURCE_ID}:superman",
            name="Superman",
            aliases=("Superman exercise",),
            category="strengthen",
            position="prone",
            start="Face down, arms stretched beyond your head with palms facing each other, legs straight, "
            "neck neutral.",
            steps=(
                "Raise your arms and legs toward the ceiling so that your body curves into a U.",
                "Stay there for 3 to 5 seconds.",
                "Lower your arms and legs slowly.",
            ),
            dosage=Dosage(
                sets=SETS, sets_range=SETS_RANGE, reps=10, hold_s=3, hold_range_s=(3, 5), rest_s=REST_S, advice=HOLD_3_5
            ),
        ),
        Exercise(
            id=f"{SOURCE_ID}:lying-lateral-leg-lifts",
            name="Lying lateral leg lifts",
            aliases=("Lying lateral leg raises", "Lateral leg lifts"),
            category="strengthen",
            position="side-lying",
            start="Lying on one side, legs straight.",
            steps=(
                "Lift the upper leg to roughly 45 degrees.",
                "Keep that foot lined up with your head, and hold your stomach and glutes firm.",
                "Lower it again.",
            ),
            # No hold is given, and the article describes only the top leg, with no side switch: sides none.
            dosage=Dosage(sets=SETS, sets_range=SETS_RANGE, reps=10, rest_s=REST_S, advice=ADVICE),
        ),
    ]


@hookimpl
def backtui_avoid() -> list[Avoid]:
    return [
        Avoid(
            id=f"{SOURCE_ID}:toe-touches",
            name="Standing toe touches",
            aliases=("Toe touches", "Standing toe touch"),
            reason="Reaching down to your toes from standing can overstretch the ligaments and load the "
            "intervertebral discs; it can also make sciatica worse and overstretch the hamstrings and "
            "lower back muscles.",
        ),
        Avoid(
            id=f"{SOURCE_ID}:sit-ups",
            name="Sit-ups",
            aliases=("Situps", "Sit up"),
            reason="Sit-ups work the hip flexors, which are attached to the lumbar spine; tight or overworked "
            "hip flexors tug harder on the lower back and can add to back pain.",
        ),
        Avoid(
            id=f"{SOURCE_ID}:abdominal-crunches",
            name="Abdominal crunches",
            aliases=("Crunches", "Ab crunches"),
            reason="Crunching over and over raises the pressure inside the discs between the vertebrae, and "
            "repeated pressure leaves those discs more prone to injury.",
        ),
    ]
