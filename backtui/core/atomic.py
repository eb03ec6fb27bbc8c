"""Writing a user's file so that a crash or a full disk never leaves it half-written."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path


def file_mode(path: Path, default: int = 0o666) -> int:
    """The mode to give a rewritten file: the existing file's, else ``default`` less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return default & ~umask


def write_text_atomic(path: Path, text: str, *, mode: int | None = None) -> None:
    """Write ``text`` (UTF-8, lines as given) to ``path`` atomically: see ``write_bytes_atomic``."""
    write_bytes_atomic(path, text.encode("utf-8"), mode=mode)


def write_bytes_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path``: a temp file in the same folder, fsync, rename over.

    On any failure the temp file is removed and the old file, if any, is left as it was.
    ``mode`` defaults to the existing file's mode (or what the umask allows for a new one).
    """
    import tempfile  # here, not at the top: commands that only read files skip its imports

    path.parent.mkdir(parents=True, exist_ok=True)
    wanted = file_mode(path) if mode is None else mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, wanted)  # mkstemp makes the file private; keep the usual mode
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text_new(path: Path, text: str, *, mode: int | None = None) -> None:
    """Write ``text`` to a new file at ``path``; ``FileExistsError`` if the name is taken.

    Claiming the name is atomic: the text goes to a temp file in the same folder,
    which is then hard-linked to ``path`` (a link never replaces a file), so two
    processes can never both get one name, and the new file is never seen half-written.
    Where the file system has no hard links, the name is claimed with ``O_EXCL``
    and the temp file renamed over the empty claim.
    """
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where the folder should be; FileExistsError below means "name taken"
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(path.parent)) from None
    wanted = file_mode(path) if mode is None else mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, wanted)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links here: claim the name, then put the full text in its place
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, wanted))
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
