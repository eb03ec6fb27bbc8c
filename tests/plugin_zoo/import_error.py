"""A plugin whose import fails: it needs a package that isn't installed."""

import backtui_zoo_package_that_is_not_installed  # noqa: F401
