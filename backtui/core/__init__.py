"""backtui's core: model, plugins, library, routines, timeline, session, history.

Nothing in this package imports Textual; the TUI is a layer on top of it.
"""
