"""Shared pieces of the export tests: the library, the font cache, and tools from the system."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from backtui.core.library import Library, load_library


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library()


def need_tool(command: str, package: str) -> str:
    """The tool's path; skip (naming the package to install) when it is missing, but fail under CI=true."""
    found = shutil.which(command)
    if found is None:
        message = f"{command} is not installed (apt-get install {package})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, from pdftotext, white space collapsed."""
    need_tool("pdftotext", "poppler-utils")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, timeout=120
    ).stdout.decode("utf-8")
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [" ".join(page.split()) for page in pages]


def pdf_to_png(pdf: Path, prefix: Path, *, first: int = 1, last: int | None = None, dpi: int = 50) -> list[Path]:
    need_tool("pdftoppm", "poppler-utils")
    args = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    subprocess.run([*args, str(pdf), str(prefix)], check=True, capture_output=True, timeout=120)
    return sorted(prefix.parent.glob(f"{prefix.name}*.png"))


def flat(text: str) -> str:
    return " ".join(text.split())
