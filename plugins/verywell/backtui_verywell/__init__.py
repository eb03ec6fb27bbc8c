"""backtui source 'verywell'."""

from backtui import Source, hookimpl


@hookimpl
def backtui_source() -> Source:
    return Source(id="verywell", title="Verywell")
