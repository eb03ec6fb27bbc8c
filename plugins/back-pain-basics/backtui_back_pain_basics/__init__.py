"""backtui source 'back-pain-basics'."""

from backtui import Source, hookimpl


@hookimpl
def backtui_source() -> Source:
    return Source(id="back-pain-basics", title="Back pain basics")
