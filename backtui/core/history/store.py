"""The history's SQLite file: opening it (for writing or read-only), guarding it, migrating it.

Concurrency: WAL mode, a busy timeout, and every write is a short ``BEGIN IMMEDIATE``
transaction, so two app instances can write at once without losing anything.

Privacy: the history holds health data, so a new file is created ``0600`` in a folder
created ``0700``. A SQLite file at the history path that is not backtui's (another
``application_id``, or none of backtui's tables) is refused and left untouched.

Read-only: ``Store(path, readonly=True)`` opens the file with SQLite's ``mode=ro`` (or
``immutable=1`` when even its folder is read-only), so a history on a read-only disk can
still be read and exported. Opened for writing, a file or folder that can't be written is
refused with a message that says which.

Anything that stops the store working (a corrupt file, a lock held past the busy
timeout, a read-only file, a schema from a newer backtui) raises ``HistoryUnavailable``
with a one-line message.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from backtui.core import paths
from backtui.core.history.records import local_now
from backtui.core.history.schema import APPLICATION_ID, CORE_TABLES, MIGRATIONS, SCHEMA_VERSION

#: Seconds to wait for another instance's write before giving up.
BUSY_TIMEOUT_S = 5.0


class HistoryUnavailable(Exception):
    """The history store cannot be used; ``str(exc)`` is one line a person can act on."""


def describe_error(path: Path, exc: BaseException, waited_s: float = BUSY_TIMEOUT_S) -> str:
    """One line for a SQLite error on the history file."""
    detail = " ".join(str(exc).split()) or type(exc).__name__
    low = detail.lower()
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return f"{path}: the history file is damaged ({detail}); move it aside to start a new history"
    if "locked" in low or "busy" in low:
        return f"{path}: the history is locked by another program (waited {waited_s:g}s); try again later"
    if "readonly" in low or "read-only" in low:
        return read_only_reason(path) or f"{path}: the history is read-only ({detail})"
    if "unable to open" in low:
        return f"{path}: cannot open the history file ({detail})"
    return f"{path}: {detail}"


def _writable(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    # a file marked read-only stays read-only, even for a user who could override it
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


def read_only_reason(path: Path) -> str:
    """Why the history at ``path`` can't be written, naming the file or the folder; "" if it can."""
    folder = path.parent
    file_ro = path.exists() and not _writable(path)
    folder_ro = folder.exists() and not (_writable(folder) and os.access(folder, os.X_OK))
    if file_ro and folder_ro:
        return f"{path}: the history file and its folder are read-only; make both writable to record sessions"
    if file_ro:
        return f"{path}: the history file is read-only; make it writable to record sessions"
    if folder_ro:
        return f"{folder}: the history folder is read-only; make it writable to record sessions"
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists() and not _writable(side):
            return f"{side}: this file of the history is read-only; make it writable to record sessions"
    return ""


class Store:
    """One SQLite file, opened, checked to be backtui's, and migrated to ``SCHEMA_VERSION``.

    ``now`` gives the local, timezone-aware time (tests pass a fixed one). Every method
    raises ``HistoryUnavailable`` (never ``sqlite3.Error``) when the store fails.
    """

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        now: Callable[[], datetime] = local_now,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
        readonly: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else paths.history_db_path()
        self.readonly = readonly
        self._now = now
        self._lock = threading.RLock()
        self._busy_s = busy_timeout_s
        self._conn: sqlite3.Connection | None = None
        exists = self._check_path()
        if readonly and not exists:
            raise HistoryUnavailable(f"{self.path}: no history recorded yet")
        if not readonly:
            self._prepare(exists)
        try:
            conn = self._connect()
        except sqlite3.Error as exc:
            raise HistoryUnavailable(describe_error(self.path, exc, self._busy_s)) from exc
        self._conn = conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
            self._check_ours()
            if readonly:
                self._check_readable_version()
            else:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise HistoryUnavailable(f"{self.path}: cannot switch the history to WAL mode (got {mode})")
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
                self._migrate()
        except HistoryUnavailable:
            self.close()
            raise
        except sqlite3.Error as exc:
            self.close()
            raise HistoryUnavailable(describe_error(self.path, exc, self._busy_s)) from exc

    # -- opening ----------------------------------------------------------------------

    def _check_path(self) -> bool:
        """Whether the file exists; refuses anything but a regular file."""
        try:
            mode = self.path.stat().st_mode
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise HistoryUnavailable(f"{self.path}: cannot read the history file ({exc.strerror})") from exc
        if not stat.S_ISREG(mode):
            raise HistoryUnavailable(f"{self.path}: the history path is not a file")
        return True

    def _prepare(self, exists: bool) -> None:
        """For writing: the folder (0700 when new) and the file (0600 when new) must be writable."""
        folder = self.path.parent
        if not folder.exists():
            try:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as exc:
                raise HistoryUnavailable(f"{folder}: cannot create the history folder ({exc.strerror})") from exc
        reason = read_only_reason(self.path)
        if reason:
            raise HistoryUnavailable(reason)
        if not exists:
            try:
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                pass  # another instance created it first
            except OSError as exc:
                raise HistoryUnavailable(f"{self.path}: cannot create the history file ({exc.strerror})") from exc

    def _connect(self) -> sqlite3.Connection:
        def connect(target: Path | str, uri: bool = False) -> sqlite3.Connection:
            return sqlite3.connect(target, timeout=self._busy_s, isolation_level=None, check_same_thread=False, uri=uri)

        if not self.readonly:
            return connect(self.path)
        base = "file:" + quote(str(self.path.resolve()))
        wal = self.path.with_name(self.path.name + "-wal")
        wal_empty = not wal.exists() or wal.stat().st_size == 0
        if read_only_reason(self.path) and wal_empty:
            # nobody may write it and no write is pending, so it can't change while read: read it
            # as it stands, creating no -shm file (one made now would stay read-only later)
            return connect(base + "?immutable=1", uri=True)
        conn = connect(base + "?mode=ro", uri=True)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
        return connect(base + "?immutable=1", uri=True)  # the best that can be read

    def _check_ours(self) -> None:
        """Refuse, untouched, a SQLite file that is not a backtui history."""
        conn = self.conn
        conn.execute("BEGIN")  # one read transaction, so another instance's migration is seen whole
        try:
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.execute("COMMIT")
        if app_id == APPLICATION_ID:
            return
        if app_id == 0 and version > SCHEMA_VERSION:
            raise HistoryUnavailable(self._newer_message(version))
        new_file = app_id == 0 and version == 0 and not tables
        older_backtui = app_id == 0 and 1 <= version < SCHEMA_VERSION and tables >= CORE_TABLES
        if not (new_file or older_backtui):
            raise HistoryUnavailable(
                f"{self.path}: this SQLite file is not a backtui history; it was left untouched "
                "(move it aside, or set BACKTUI_HOME to another folder)"
            )

    def _check_readable_version(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise HistoryUnavailable(self._newer_message(version))
        if version < 2:
            raise HistoryUnavailable(
                f"{self.path}: the history was written by an older backtui and is read-only; "
                "make it writable once so backtui can bring it up to date"
            )

    def _newer_message(self, version: int) -> str:
        return (
            f"{self.path}: the history was written by a newer backtui (schema {version}, "
            f"this one knows up to {SCHEMA_VERSION}); upgrade backtui"
        )

    # -- plumbing ---------------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise HistoryUnavailable(f"{self.path}: the history is closed")
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise HistoryUnavailable(describe_error(self.path, exc, self._busy_s)) from exc

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction, taken at once so two writers queue instead of deadlocking."""
        if self.readonly:
            raise HistoryUnavailable(read_only_reason(self.path) or f"{self.path}: the history was opened read-only")
        with self._lock, self._errors():
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock, self._errors():
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            return list(cur.fetchall())

    @property
    def schema_version(self) -> int:
        with self._lock, self._errors():
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise HistoryUnavailable(self._newer_message(version))
        if version == SCHEMA_VERSION:
            return
        with self._write() as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])  # another instance may have won
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target - 1].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target}")
