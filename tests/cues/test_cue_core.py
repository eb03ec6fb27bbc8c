"""Cues in the core: what a run announces, and a dispatcher that no plugin can slow down or break."""

from __future__ import annotations

import re
import threading
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from plugin_zoo.cues import Hangs, Recorder

from backtui.core import plugins
from backtui.core.clock import FakeClock
from backtui.core.cues import Cue, CueDispatcher, CueFollower, count_cue, expected_cues, phase_cue, phase_text
from backtui.core.session import Session
from backtui.core.settings import CueSettings
from backtui.core.timeline import Phase


def ep(name: str, attr: str) -> EntryPoint:
    return EntryPoint(name=name, value=f"plugin_zoo.cues:{attr}", group="backtui")


def phases() -> list[Phase]:
    """Get ready 5 s, two 5 s holds with a 2 s relax between, a 3 s work phase, done."""
    common = {"step": 0, "name": "Pelvic tilt", "exercise": "calm:pelvic-tilt"}
    return [
        Phase("prepare", 5, 0, **common),  # type: ignore[arg-type]
        Phase("hold", 5, 5, set=1, sets=1, rep=1, reps=2, **common),  # type: ignore[arg-type]
        Phase("release", 2, 10, set=1, sets=1, rep=2, reps=2, **common),  # type: ignore[arg-type]
        Phase("hold", 5, 12, set=1, sets=1, rep=2, reps=2, side="left", **common),  # type: ignore[arg-type]
        Phase("work", 3, 17, step=1, name="Bridge", exercise=None),
        Phase("done", 0, 20, step=2, name="Routine complete", exercise=None),
    ]


def run_through(session: Session, follower: CueFollower, clock: FakeClock, step: float = 0.5) -> None:
    follower.follow(session, session.start())
    while not session.finished:
        clock.advance(step)
        follower.follow(session, session.tick())


def test_a_run_announces_each_phase_the_count_in_and_the_end_in_timeline_order() -> None:
    sent: list[Cue] = []
    clock = FakeClock()
    session = Session(phases(), clock)
    run_through(session, CueFollower(sent.append), clock)
    assert sent == expected_cues(session.phases)
    assert [(c.kind, c.phase, c.count, c.at_s) for c in sent] == [
        ("phase", "prepare", None, 0),
        ("phase", "hold", None, 5),
        ("count", "hold", 3, 7),
        ("count", "hold", 2, 8),
        ("count", "hold", 1, 9),
        ("phase", "release", None, 10),
        ("phase", "hold", None, 12),
        ("count", "hold", 3, 14),
        ("count", "hold", 2, 15),
        ("count", "hold", 1, 16),
        ("phase", "work", None, 17),  # a 3 s phase: its start is the "3"
        ("count", "work", 2, 18),
        ("count", "work", 1, 19),
        ("end", "done", None, 20),
    ]
    assert sent[6].text == "Hold, 5 seconds. Rep 2 of 2, left side."
    assert sent[-1].status == "complete"


def test_phase_sentences_say_what_to_do() -> None:
    p = phases()
    assert phase_text(p[0]) == "Get ready, 5 seconds. Pelvic tilt."
    assert phase_text(p[1]) == "Hold, 5 seconds. Rep 1 of 2."
    assert phase_text(p[3]) == "Hold, 5 seconds. Rep 2 of 2, left side."
    assert phase_text(p[2]) == "Relax, 2 seconds."


def test_a_stall_does_not_count_late_and_a_pause_counts_nothing() -> None:
    sent: list[Cue] = []
    clock = FakeClock()
    session = Session(phases(), clock)
    follower = CueFollower(sent.append)
    follower.follow(session, session.start())
    clock.advance(8.5)  # into the first hold with 1.5 s left: "3" and "2" have passed
    follower.follow(session, session.tick())
    follower.follow(session, session.pause())
    clock.advance(100)
    follower.follow(session, session.tick())
    assert [(c.kind, c.count) for c in sent] == [("phase", None), ("phase", None), ("count", 2)]


def test_muted_sends_nothing() -> None:
    sent: list[Cue] = []
    clock = FakeClock()
    session = Session(phases(), clock)
    run_through(session, CueFollower(sent.append, muted=True), clock)
    assert sent == []


def test_cue_plugins_load_through_the_entry_point_group_beside_sources() -> None:
    good = EntryPoint(name="zoo-good", value="plugin_zoo.good", group="backtui")
    result = plugins.load([good, ep("zoo-cues", "Recorder"), ep("zoo-misnamed", "WrongArgument")], env={})
    records = {r.name: r for r in result.records}
    assert records["zoo-cues"].ok and records["zoo-cues"].gives_cues and records["zoo-cues"].source is None
    assert records["zoo-good"].ok and not records["zoo-good"].gives_cues
    assert records["zoo-misnamed"].error == (
        "backtui_cue() takes (event), but its arguments can only be named cue, settings"
    )


def dispatcher(*names: str, **kwargs: float) -> CueDispatcher:
    eps = [ep(f"zoo-{name.lower()}", name) for name in names]
    return CueDispatcher(plugins.load(eps, env={}).records, CueSettings(voice="en", rate=150), **kwargs)


def test_every_cue_reaches_a_plugin_on_a_worker_thread_with_the_settings() -> None:
    Recorder.reset()
    cues = dispatcher("Recorder")
    sent: list[Cue] = []
    clock = FakeClock()
    session = Session(phases(), clock)
    follower = CueFollower(lambda cue: (sent.append(cue), cues.send(cue), cues.wait_idle()))
    run_through(session, follower, clock)
    cues.close()
    assert Recorder.calls == sent == list(cues.sent)
    assert threading.get_ident() not in Recorder.threads


def test_a_raising_plugin_is_reported_once_and_the_others_still_hear_everything() -> None:
    Recorder.reset()
    cues = dispatcher("Raises", "Recorder", "Unavailable")
    clock = FakeClock()
    session = Session(phases(), clock)
    run_through(session, CueFollower(lambda cue: (cues.send(cue), cues.wait_idle())), clock)
    problems = cues.take_problems()
    cues.close()
    assert Recorder.calls == expected_cues(session.phases)
    assert sorted((p.plugin, p.notice) for p in problems) == [("zoo-raises", False), ("zoo-unavailable", True)]
    raised = cues.problems["zoo-raises"].message
    assert raised.startswith("backtui_cue() raised RuntimeError: the sound device is busy (cues.py:")
    assert cues.problems["zoo-unavailable"].message == "no speech engine found; install espeak-ng"


def test_a_hanging_plugin_never_blocks_send_is_reported_and_only_gets_fresh_cues_afterwards() -> None:
    Recorder.reset()
    Hangs.release.clear()
    Hangs.entered.clear()
    cues = dispatcher("Hangs", "Recorder", slow_s=0.05)
    clock = FakeClock()
    session = Session(phases(), clock)
    follower = CueFollower(lambda cue: (cues.send(cue), cues.wait_idle(skip=["zoo-hangs"])))
    run_through(session, follower, clock)  # would never finish if send waited for the hanging plugin
    assert Hangs.entered.wait(10)
    assert Recorder.calls == expected_cues(session.phases)
    reported: list[str] = []
    for _ in range(400):
        reported += [p.message for p in cues.take_problems()]
        if reported:
            break
        threading.Event().wait(0.01)
    assert reported == ["backtui_cue() has not returned for more than 0.05 s; its cues are dropped while it is busy"]
    Hangs.release.set()
    cues.close()


@pytest.mark.parametrize("queued", [1, 3, 10])
def test_a_busy_plugin_skips_cues_a_later_phase_made_stale(queued: int) -> None:
    Hangs.release.clear()
    Hangs.entered.clear()
    cues = dispatcher("Hangs")
    p = phases()
    cues.send(Cue("phase", "prepare", "GET READY", "x", None, 5, 0, 0, "Get ready"))
    assert Hangs.entered.wait(10)
    for n in range(queued):
        cues.send(count_cue(p[1], 1, 3 - n % 3))
    cues.send(phase_cue(p[2], 2))
    [channel] = cues._channels
    with channel.wake:
        left = [cue for _, cue in channel.pending]
    assert left[-1] == phase_cue(p[2], 2) and len(left) <= 4
    with channel.wake:
        assert channel._next() == phase_cue(p[2], 2)
    Hangs.release.set()
    cues.close()


def test_the_documented_cue_plugin_loads_and_logs_each_cue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "plugins.md").read_text(encoding="utf-8")
    [example] = [b for b in re.findall(r"^```python\n(.*?)^```", doc, re.S | re.M) if "def backtui_cue" in b]
    (tmp_path / "backtui_cue_log.py").write_text(example, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    result = plugins.load([EntryPoint(name="cue-log", value="backtui_cue_log", group="backtui")], env={})
    cues = CueDispatcher(result.records)
    cues.send(phase_cue(phases()[1], 1))
    assert cues.wait_idle()
    cues.close()
    assert (tmp_path / "cues.log").read_text(encoding="utf-8").endswith(" phase Hold, 5 seconds. Rep 1 of 2.\n")
