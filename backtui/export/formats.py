"""One entry point per export: the bytes of a routine's handout or reminders, and where to save them."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from backtui.core.library import Library
from backtui.core.routine import Routine

#: Handout formats, then reminders.
ROUTINE_FORMATS: tuple[str, ...] = ("md", "html", "pdf", "ics")
REPORT_FORMATS: tuple[str, ...] = ("pdf", "html")
SUFFIXES = {"md": ".md", "html": ".html", "pdf": ".pdf", "ics": ".ics"}


def run_command(path: Path | None) -> str:
    """The command that runs the routine, for the handout and the reminders."""
    if path is None:
        return ""
    import shlex

    return f"backtui run {shlex.quote(str(path))}"


def routine_bytes(
    routine: Routine,
    library: Library,
    fmt: str,
    *,
    path: Path | None = None,
    at: tuple[time, ...] = (),
    start: date | None = None,
    paper: str = "A4",
) -> bytes:
    """The handout (``md``, ``html``, ``pdf``) or the reminders (``ics``) for ``routine``."""
    from backtui.export import handout

    sheet = handout.build(routine, library, command=run_command(path))
    if fmt == "md":
        from backtui.export import markdown

        return markdown.render(sheet).encode("utf-8")
    if fmt == "html":
        from backtui.export import html

        return html.render(sheet).encode("utf-8")
    if fmt == "pdf":
        from backtui.export import pdf

        return pdf.render(sheet, paper=paper)
    if fmt == "ics":
        from backtui.core.progress import routine_sources
        from backtui.export import ics

        sources = routine_sources((s.exercise for s in routine.steps), library.sources)
        return ics.render(sheet, ics.schedule(sources, at), start=start or date.today())
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(ROUTINE_FORMATS)}")


def default_path(name: str, fmt: str, folder: Path | None = None) -> Path:
    """``core-strength.pdf`` in ``folder`` (the current one by default), from the routine's name."""
    from backtui.core.routine_files import safe_stem

    return (folder or Path.cwd()) / f"{safe_stem(name)}{SUFFIXES[fmt]}"


def format_for(path: Path, default: str) -> str:
    """The format a file name asks for by its suffix (``.htm`` too), else ``default``."""
    suffix = path.suffix.lower()
    if suffix == ".htm":
        return "html"
    return next((f for f, s in SUFFIXES.items() if s == suffix), default)
