"""The ``backtui`` subcommands, one module each (see ``backtui.cli``)."""
