"""backtui source 'twelve-best'."""

from backtui import Source, hookimpl


@hookimpl
def backtui_source() -> Source:
    return Source(id="twelve-best", title="Twelve best")
