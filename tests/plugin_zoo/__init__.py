"""Broken (and two good) plugins for the loader tests, registered through fake entry points.

Each module or class here is what a plugin author might really ship by mistake. The
tests point ``importlib.metadata.EntryPoint`` objects at them (``plugin_zoo.raising:
SourceRaises``) and pass those to ``plugins.load(eps=[...])``.
"""
