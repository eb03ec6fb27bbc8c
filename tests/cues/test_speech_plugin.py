"""The bundled speech plugin: with espeak-ng installed, every cue of a run becomes a WAV file holding speech.

``BACKTUI_SPEECH_WAV_DIR`` makes the plugin write each cue to a numbered file instead
of speaking it; the standard library's ``wave`` measures each file.
"""

from __future__ import annotations

import array
import wave
from pathlib import Path

import pytest
from system_tools import require_tool

from backtui.core import plugins
from backtui.core.clock import FakeClock
from backtui.core.cues import Cue, CueDispatcher, CueFollower
from backtui.core.session import Session
from backtui.core.settings import CueSettings
from backtui.core.timeline import Phase


def speech_dispatcher() -> CueDispatcher:
    [entry] = [ep for ep in plugins.discover() if ep.name == "speech"]
    [record] = plugins.load([entry], env={}).records
    assert record.ok and record.gives_cues and record.source is None
    return CueDispatcher([record], CueSettings(rate=200))


def run(dispatcher: CueDispatcher) -> list[Cue]:
    common = {"step": 0, "name": "Pelvic tilt", "exercise": "calm:pelvic-tilt"}
    phases = [
        Phase("prepare", 2, 0, **common),  # type: ignore[arg-type]
        Phase("hold", 5, 2, set=1, sets=1, rep=1, reps=1, side="left", **common),  # type: ignore[arg-type]
        Phase("done", 0, 7, step=1, name="Routine complete", exercise=None),
    ]
    sent: list[Cue] = []

    def send(cue: Cue) -> None:
        sent.append(cue)
        dispatcher.send(cue)
        assert dispatcher.wait_idle(60)

    clock = FakeClock()
    session = Session(phases, clock)
    follower = CueFollower(send)
    follower.follow(session, session.start())
    while not session.finished:
        clock.advance(0.5)
        follower.follow(session, session.tick())
    return sent


def loudness(path: Path) -> tuple[float, int]:
    """(seconds, loudest 16-bit sample) of a mono 16-bit WAV file."""
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        frames = w.readframes(w.getnframes())
        seconds = w.getnframes() / w.getframerate()
    samples = array.array("h", frames)
    return seconds, max((abs(s) for s in samples), default=0)


def test_each_cue_becomes_a_wav_file_of_speech(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_tool("espeak-ng", "espeak-ng")
    monkeypatch.setenv("BACKTUI_SPEECH_WAV_DIR", str(tmp_path))
    dispatcher = speech_dispatcher()
    sent = run(dispatcher)
    problems = dispatcher.take_problems()
    dispatcher.close()
    assert problems == []
    files = sorted(tmp_path.glob("*.wav"))
    assert [f.name.split("-", 1)[1] for f in files] == [f"{c.kind}.wav" for c in sent]
    assert [c.text for c in sent] == [
        "Get ready, 2 seconds. Pelvic tilt.",
        "Hold, 5 seconds. Rep 1 of 1, left side.",
        "3",
        "2",
        "1",
        "Routine complete. Well done.",
    ]
    for cue, path in zip(sent, files, strict=True):
        seconds, peak = loudness(path)
        words = len(cue.text.split())
        # Speech at 200 words a minute: a word takes about 0.3 s; allow a wide margin either way.
        assert 0.15 * words <= seconds <= 1.0 + 1.0 * words, (path.name, seconds)
        assert peak > 1000, f"{path.name} is silent"


def test_without_an_engine_the_plugin_says_so_once_and_stays_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    import backtui_speech

    monkeypatch.setattr(backtui_speech.shutil, "which", lambda name: None)
    dispatcher = speech_dispatcher()
    run(dispatcher)
    problems = dispatcher.take_problems()
    dispatcher.close()
    assert [(p.plugin, p.notice) for p in problems] == [("speech", True)]
    assert "no speech engine found" in problems[0].message and "espeak-ng" in problems[0].message


@pytest.mark.parametrize("system", ["Linux", "Darwin", "Windows"])
def test_the_engine_command_passes_the_voice_and_rate_and_never_the_text(
    system: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import backtui_speech

    monkeypatch.setattr(backtui_speech.shutil, "which", lambda name: f"/bin/{name}")
    found = backtui_speech.command(system, CueSettings(voice="en-gb", rate=240), tmp_path / "a.wav")
    assert found is not None
    args, env = found
    joined = " ".join(args) + " " + " ".join(env.values())
    assert "en-gb" in joined and str(tmp_path / "a.wav") in joined
    assert ("240" in joined) if system != "Windows" else (env["BACKTUI_SPEECH_RATE"] == "4")


def test_text_loses_control_characters_before_it_is_spoken() -> None:
    import backtui_speech

    assert backtui_speech.speakable("Hold\x1b[31m,\n 5\tseconds\x07") == "Hold [31m, 5 seconds"
