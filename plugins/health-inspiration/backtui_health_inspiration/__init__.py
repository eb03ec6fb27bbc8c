"""backtui source 'health-inspiration'."""

from backtui import Source, hookimpl


@hookimpl
def backtui_source() -> Source:
    return Source(id="health-inspiration", title="Health + Inspiration")
