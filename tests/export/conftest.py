"""Shared pieces of the export tests: the library, the font cache, and tools from the system."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from system_tools import require_tool

from backtui.core.library import Library, load_library


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library()


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, from pdftotext, white space collapsed."""
    require_tool("pdftotext", "poppler-utils")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, timeout=120
    ).stdout.decode("utf-8")
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [" ".join(page.split()) for page in pages]


def pdf_to_png(pdf: Path, prefix: Path, *, first: int = 1, last: int | None = None, dpi: int = 50) -> list[Path]:
    require_tool("pdftoppm", "poppler-utils")
    args = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    subprocess.run([*args, str(pdf), str(prefix)], check=True, capture_output=True, timeout=120)
    return sorted(prefix.parent.glob(f"{prefix.name}*.png"))


def flat(text: str) -> str:
    return " ".join(text.split())
