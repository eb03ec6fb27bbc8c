"""Every bundled source passes the same test kit a third-party plugin author runs."""

from __future__ import annotations

import pytest

from backtui.testing import check_plugin

BUNDLED = ("verywell", "merative", "twelve-best", "health-inspiration", "back-pain-basics")


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_plugin_passes_the_kit(name: str) -> None:
    report = check_plugin(name)
    assert report.source.id == name
    assert report.record.distribution == f"backtui-{name}"
