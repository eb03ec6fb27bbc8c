"""A data-only plugin whose source.toml breaks a field's rule."""

from backtui import data_source

backtui_source, backtui_exercises, backtui_avoid = data_source(__name__)
