"""Speak the runner's cues aloud with the platform's own speech engine.

* Linux (and other Unix): ``espeak-ng`` (or the older ``espeak``), from the
  distribution's packages (Debian and Ubuntu: ``apt install espeak-ng``).
* macOS: ``say``, which comes with the system.
* Windows: the speech synthesizer built into Windows (``System.Speech``), driven
  through ``powershell``, which every Windows has. A command rather than a Python
  binding such as pyttsx3: nothing to install, and a voice that hangs is a child
  process the plugin can stop, not a call stuck inside the interpreter.

Each cue is one run of the engine, with the text on its standard input (never on the
command line, so no text is read as an option). The settings' ``voice`` and ``rate``
(words per minute) are passed on. With no engine the plugin raises
``CueUnavailable`` on the first cue, which backtui reports once; the terminal bell
still rings at each phase change.

``BACKTUI_SPEECH_WAV_DIR``: write each cue to a numbered WAV file in that folder
(``0001-phase.wav``, ``0002-count.wav``, …) instead of speaking it. For tests, and for
checking what a routine will say.
"""

from __future__ import annotations

import itertools
import os
import platform
import shutil
import subprocess
from pathlib import Path

from backtui import Cue, CueSettings, CueUnavailable, hookimpl

WAV_DIR_ENV = "BACKTUI_SPEECH_WAV_DIR"

#: Longest a single cue may take to say before the engine is stopped.
TIMEOUT_S = 30.0

_numbers = itertools.count(1)

_WINDOWS_SCRIPT = (
    "Add-Type -AssemblyName System.Speech; "
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
    "if ($env:BACKTUI_SPEECH_VOICE) { $s.SelectVoice($env:BACKTUI_SPEECH_VOICE) }; "
    "$s.Rate = [int]$env:BACKTUI_SPEECH_RATE; "
    "if ($env:BACKTUI_SPEECH_WAV) { $s.SetOutputToWaveFile($env:BACKTUI_SPEECH_WAV) }; "
    "$s.Speak([Console]::In.ReadToEnd())"
)


def speakable(text: str) -> str:
    """``text`` without control characters, which an engine would read out or choke on."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def command(system: str, settings: CueSettings, wav: Path | None) -> tuple[list[str], dict[str, str]] | None:
    """The engine's command line and extra environment on ``system``; None when no engine is installed."""
    if system == "Darwin":
        say = shutil.which("say")
        if say is None:
            return None
        args = [say, "-r", str(settings.rate), "-f", "-"]
        if settings.voice:
            args += ["-v", settings.voice]
        if wav is not None:
            args += ["-o", str(wav), "--data-format=LEI16@22050"]
        return args, {}
    if system == "Windows":
        shell = shutil.which("powershell") or shutil.which("pwsh")
        if shell is None:
            return None
        # SAPI's rate runs from -10 to 10 around a normal pace of about 160 words a minute.
        rate = max(-10, min(10, round((settings.rate - 160) / 20)))
        env = {"BACKTUI_SPEECH_RATE": str(rate), "BACKTUI_SPEECH_VOICE": settings.voice}
        if wav is not None:
            env["BACKTUI_SPEECH_WAV"] = str(wav)
        return [shell, "-NoProfile", "-NonInteractive", "-Command", _WINDOWS_SCRIPT], env
    engine = shutil.which("espeak-ng") or shutil.which("espeak")
    if engine is None:
        return None
    args = [engine, "-s", str(settings.rate), "--stdin"]
    if settings.voice:
        args += ["-v", settings.voice]
    if wav is not None:
        args += ["-w", str(wav)]
    return args, {}


def _install_hint(system: str) -> str:
    if system == "Darwin":
        return "the 'say' command is missing"
    if system == "Windows":
        return "PowerShell is missing, so the Windows speech synthesizer can't be reached"
    return "install espeak-ng (Debian and Ubuntu: apt install espeak-ng)"


@hookimpl
def backtui_cue(cue: Cue, settings: CueSettings) -> None:
    text = speakable(cue.text)
    if not text:
        return
    system = platform.system()
    wav_dir = os.environ.get(WAV_DIR_ENV)
    wav = Path(wav_dir) / f"{next(_numbers):04d}-{cue.kind}.wav" if wav_dir else None
    found = command(system, settings, wav)
    if found is None:
        raise CueUnavailable(f"no speech engine found: {_install_hint(system)}")
    args, extra_env = found
    try:
        done = subprocess.run(
            args,
            input=text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_S,
            env={**os.environ, **extra_env},
            check=False,
        )
    except subprocess.TimeoutExpired:
        return  # stopped after TIMEOUT_S; the next cue is more useful than an error
    except OSError as exc:
        raise CueUnavailable(f"{Path(args[0]).name} could not be started: {exc.strerror or exc}") from None
    if done.returncode != 0:
        detail = " ".join(done.stderr.split())[:200] or f"exit status {done.returncode}"
        raise RuntimeError(f"{Path(args[0]).name} failed: {detail}")
