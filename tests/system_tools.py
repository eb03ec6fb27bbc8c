"""System tools some tests need: skip (naming the package to install) when one is missing, fail under CI=true."""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(command: str, package: str) -> str:
    """The path of ``command``; without it the test skips, or fails when ``CI=true``."""
    path = shutil.which(command)
    if path is not None:
        return path
    message = f"{command} is not installed (Debian and Ubuntu: apt-get install {package})"
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(message)
    pytest.skip(message)
