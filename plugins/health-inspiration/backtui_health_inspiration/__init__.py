"""backtui source 'health-inspiration': "Back Pain Exercises: An Essential Guide".

Health + Inspiration, by Phoebe Chi, MD, MPH. A data-only source: the content is in
``source.toml`` beside this file.
"""

from backtui import data_source

backtui_source, backtui_exercises, backtui_avoid = data_source(__name__)
