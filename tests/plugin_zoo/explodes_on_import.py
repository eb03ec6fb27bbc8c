"""A plugin that fails the moment it is imported.

The filter tests name it in BACKTUI_DISABLE_PLUGINS or leave it out of
BACKTUI_LOAD_PLUGINS: if the filters work, this line never runs.
"""

raise RuntimeError("explodes_on_import was imported although it was filtered out")
