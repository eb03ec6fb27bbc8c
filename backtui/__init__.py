"""backtui: build and run lower-back exercise routines in the terminal.

This module is the public API for plugin authors::

    from backtui import hookimpl, Source, Exercise, Dosage, Avoid, Frequency

A plugin may also be data only; see ``data_source``.
"""

from backtui.core.hookspecs import hookimpl
from backtui.core.model import Avoid, Dosage, Exercise, Frequency, Source
from backtui.core.sourcefile import data_source

__version__ = "0.1.0"

__all__ = ["Avoid", "Dosage", "Exercise", "Frequency", "Source", "__version__", "data_source", "hookimpl"]
