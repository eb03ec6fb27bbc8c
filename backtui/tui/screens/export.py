"""Export from the app: a small modal asking the format and the file, then saying where it went.

The dashboard opens it for the selected routine (handout or reminders), the history view
for the clinician report. The file is made in a worker thread (a PDF takes a second or
two) and written atomically; the modal stays open until it is saved or fails.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from backtui.core.terminal_text import printable
from backtui.tui.formatting import display_path
from backtui.tui.notices import tell

if TYPE_CHECKING:
    from backtui.core.library import Library
    from backtui.core.routine import Routine

LABELS = {
    "pdf": "PDF handout",
    "html": "HTML page (one file, prints on A4 or Letter)",
    "md": "Markdown",
    "ics": "Calendar reminders (.ics)",
}
REPORT_LABELS = {"pdf": "PDF report", "html": "HTML report (one file)"}


class ExportScreen(ModalScreen[Path | None]):
    """Asks format and file; ``make(format)`` gives the bytes. Dismisses with the path written, or ``None``."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 70; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ExportScreen #export-title { text-style: bold; margin-bottom: 1; }
    ExportScreen .label { color: $text-muted; }
    ExportScreen #export-status { height: auto; }
    ExportScreen #export-status.-error { color: $text-error; }
    ExportScreen #buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ExportScreen Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        labels: dict[str, str],
        default_path: Callable[[str], Path],
        make: Callable[[str], bytes],
    ) -> None:
        super().__init__()
        self._title = title
        self._labels = labels
        self._default_path = default_path
        self._make = make
        self._busy = False

    def compose(self) -> ComposeResult:
        first = next(iter(self._labels))
        with Vertical():
            yield Static(Content(printable(self._title)), id="export-title")
            yield Static("Format", classes="label")
            yield Select(
                [(label, fmt) for fmt, label in self._labels.items()],
                value=first,
                allow_blank=False,
                compact=True,
                id="export-format",
            )
            yield Static("Save as", classes="label")
            yield Input(display_path(self._default_path(first)), id="export-path", compact=True)
            yield Static("", id="export-status")
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Export", id="ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @property
    def format(self) -> str:
        return str(self.query_one("#export-format", Select).value)

    @on(Select.Changed, "#export-format")
    def _format_changed(self) -> None:
        field = self.query_one("#export-path", Input)
        current = Path(field.value.strip()).expanduser() if field.value.strip() else self._default_path(self.format)
        field.value = display_path(current.with_suffix(self._default_path(self.format).suffix))

    def _say(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.set_class(error, "-error")
        status.update(Content(printable(text)))

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        if self._busy:
            return
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self._say("Say where to save it.", error=True)
            return
        target = Path(value).expanduser()
        if target.is_dir():
            self._say(f"{target} is a folder; add a file name.", error=True)
            return
        self._busy = True
        self.query_one("#ok", Button).disabled = True
        self._say("Exporting…")
        self._export(self.format, target)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, fmt: str, target: Path) -> None:
        from backtui.core.atomic import write_bytes_atomic

        try:
            write_bytes_atomic(target, self._make(fmt))
        except OSError as exc:
            message = printable(f"Couldn't save {target}: {exc.strerror or exc}")
            self.app.call_from_thread(self._failed, message)
            return
        except Exception as exc:  # a bad file or plugin text must not take the app down
            detail = " ".join(str(exc).split()) or type(exc).__name__
            self.app.call_from_thread(self._failed, printable(f"Couldn't export: {detail}"))
            return
        self.app.call_from_thread(self._done, target)

    def _failed(self, message: str) -> None:
        self._busy = False
        self.query_one("#ok", Button).disabled = False
        self._say(message, error=True)

    def _done(self, target: Path) -> None:
        tell(self.app, f"Saved to {target.absolute()}", title="Exported")
        self.dismiss(target)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def routine_export(routine: Routine, path: Path, library: Library) -> ExportScreen:
    """The export modal for one routine: handout (pdf, html, md) or reminders (ics)."""
    from backtui.export.formats import default_path, routine_bytes

    return ExportScreen(
        f"Export {routine.name}",
        LABELS,
        lambda fmt: default_path(routine.name, fmt),
        lambda fmt: routine_bytes(routine, library, fmt, path=path),
    )


def report_export(history: object, library: Library | None) -> ExportScreen:
    """The export modal for the clinician report on the whole history."""
    from datetime import date

    from backtui.export.report_command import default_report_path, report_bytes

    today = date.today()
    return ExportScreen(
        "Export a report for your clinician",
        REPORT_LABELS,
        lambda fmt: default_report_path(fmt, today),
        lambda fmt: report_bytes(history, library, fmt, since=None, today=today),
    )
