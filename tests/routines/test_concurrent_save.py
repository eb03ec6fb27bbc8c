"""Two backtui instances saving new routines at once: each save gets its own file, none is lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backtui.core.atomic import write_text_new
from backtui.core.routine import Routine
from backtui.core.routine_files import load_routine, save_as_user

SAVES = 200
#: Generous: two interpreters saving 200 files each on a busy shared machine.
TIMEOUT_S = 300

SAVER = """
import sys
from pathlib import Path
from backtui.core.routine import Routine
from backtui.core.routine_files import save_as_user

folder, who, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
sys.stdin.readline()  # both start together
for i in range(count):
    save_as_user(Routine(name="Race", description=f"{who}-{i}"), folder=folder)
"""


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "routines"
    env = {**os.environ, "BACKTUI_LOAD_PLUGINS": ""}
    savers = [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, str(folder), who, str(SAVES)], stdin=subprocess.PIPE, text=True, env=env
        )
        for who in ("a", "b")
    ]
    for saver in savers:
        assert saver.stdin is not None
        saver.stdin.write("go\n")
        saver.stdin.close()
    for saver in savers:
        assert saver.wait(timeout=TIMEOUT_S) == 0
    files = sorted(folder.iterdir())
    assert len(files) == 2 * SAVES, [f.name for f in files if not f.name.startswith("race")]
    saved = sorted(load_routine(f).description for f in files)
    assert saved == sorted(f"{who}-{i}" for who in "ab" for i in range(SAVES))


def test_a_taken_name_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "taken.toml"
    path.write_text("mine\n")
    with pytest.raises(FileExistsError):
        write_text_new(path, "theirs\n")
    assert path.read_text() == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["taken.toml"]  # no temp file left behind


def test_a_name_taken_between_the_check_and_the_save_gets_the_next_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_exists = Path.exists

    def exists_but_lies(self: Path, **kwargs: bool) -> bool:
        if self.name == "race.toml" and not real_exists(self):
            self.write_text("another instance's routine\n")  # taken just after the look
            return False
        return real_exists(self, **kwargs)

    monkeypatch.setattr(Path, "exists", exists_but_lies)
    path = save_as_user(Routine(name="Race"), folder=tmp_path)
    assert path.name == "race-2.toml"
    assert (tmp_path / "race.toml").read_text() == "another instance's routine\n"
