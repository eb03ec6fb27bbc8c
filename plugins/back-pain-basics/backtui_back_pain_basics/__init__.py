"""backtui source 'back-pain-basics': five gentle lower back pain exercises.

A data-only source: the content is in ``source.toml`` beside this file.
"""

from backtui import data_source

backtui_source, backtui_exercises, backtui_avoid = data_source(__name__)
