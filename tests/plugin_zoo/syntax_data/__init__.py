"""A data-only plugin whose source.toml has a TOML syntax error."""

from backtui import data_source

backtui_source, backtui_exercises, backtui_avoid = data_source(__name__)
