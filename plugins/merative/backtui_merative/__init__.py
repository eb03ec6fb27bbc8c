"""backtui source 'merative'."""

from backtui import Source, hookimpl


@hookimpl
def backtui_source() -> Source:
    return Source(id="merative", title="Merative")
