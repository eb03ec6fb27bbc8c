"""``open_history``: the store, or the reason there is none, without ever raising."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backtui.core import paths
from backtui.core.history.store import HistoryUnavailable, read_only_reason

if TYPE_CHECKING:
    from backtui.core.history import History


@dataclass(frozen=True)
class Opened:
    """What ``open_history`` gives: a store, or the reason there is none.

    A store opened read-only (``history.readonly``) keeps in ``error`` why it can't record.
    """

    history: History | None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.history is not None

    @property
    def off_message(self) -> str:
        if not self.error:
            return ""
        if self.history is not None:
            return f"History is read-only: {self.error}"
        return f"History is off: {self.error}"


def open_history(path: Path | str | None = None, *, readonly: bool = False, **kwargs: Any) -> Opened:
    """Open the history, or explain why not. Never raises.

    ``readonly=True`` opens it only to read. For writing, a history that exists but can't
    be written is opened read-only instead, with the reason in ``error``.
    """
    from backtui.core.history import History

    try:
        where = Path(path) if path is not None else paths.history_db_path()
    except paths.UnusableHome as exc:
        return Opened(None, str(exc))
    try:
        return Opened(History(where, readonly=readonly, **kwargs))
    except HistoryUnavailable as exc:
        reason = read_only_reason(where)
        if not readonly and reason and where.is_file():
            try:
                return Opened(History(where, readonly=True, **kwargs), reason)
            except HistoryUnavailable:
                pass
            except Exception:
                pass
        return Opened(None, str(exc))
    except Exception as exc:  # anything else still must not take the app down
        detail = " ".join(str(exc).split()) or type(exc).__name__
        return Opened(None, f"{where}: {detail}")
