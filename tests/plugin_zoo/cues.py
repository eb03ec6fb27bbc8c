"""Cue plugins for the cue tests: one that records, one that raises, one that hangs, one misnamed."""

from __future__ import annotations

import threading

from backtui import Cue, CueSettings, CueUnavailable, hookimpl


class Recorder:
    """Keeps every cue it is given, and the thread it was called on."""

    calls: list[Cue] = []
    threads: set[int] = set()

    @classmethod
    def reset(cls) -> None:
        cls.calls.clear()
        cls.threads.clear()

    @staticmethod
    @hookimpl
    def backtui_cue(cue: Cue, settings: CueSettings) -> None:
        Recorder.calls.append(cue)
        Recorder.threads.add(threading.get_ident())


class Raises:
    @staticmethod
    @hookimpl
    def backtui_cue(cue: Cue) -> None:
        raise RuntimeError("the sound device is busy")


class Hangs:
    """Blocks inside the hook until ``release`` is set (a speech engine that never returns)."""

    release = threading.Event()
    entered = threading.Event()

    @staticmethod
    @hookimpl
    def backtui_cue(cue: Cue) -> None:
        Hangs.entered.set()
        Hangs.release.wait(60)


class Unavailable:
    @staticmethod
    @hookimpl
    def backtui_cue(cue: Cue) -> None:
        raise CueUnavailable("no speech engine found; install espeak-ng")


class WrongArgument:
    @staticmethod
    @hookimpl
    def backtui_cue(event: Cue) -> None:
        pass
