"""Each test module checks one bundled source; it names it in a module-level ``SOURCE``."""

from __future__ import annotations

import pytest

from backtui import Exercise
from backtui.core import plugins
from backtui.core.library import Library
from backtui.core.plugins import PluginRecord


@pytest.fixture(scope="module")
def record(request: pytest.FixtureRequest) -> PluginRecord:
    """The module's source, loaded the way the app loads it: through its installed entry point."""
    [rec] = plugins.load(env={"BACKTUI_LOAD_PLUGINS": request.module.SOURCE}).records
    return rec


@pytest.fixture(scope="module")
def library(record: PluginRecord) -> Library:
    return Library([record])


@pytest.fixture(scope="module")
def exercises(record: PluginRecord) -> dict[str, Exercise]:
    """The source's exercises by slug."""
    return {ex.slug: ex for ex in record.exercises}
