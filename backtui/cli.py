"""The ``backtui`` command line. It parses arguments and hands off; no business logic here.

Each subcommand lives in ``backtui/commands/<name>.py`` with ``register(subparsers)``
and ``run(args) -> int``. Modules stay light at import time so ``--help`` is quick.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

from backtui import __version__
from backtui.core.tomlfile import DataError

#: Subcommand modules in ``backtui.commands``, in the order ``--help`` lists them.
COMMANDS: tuple[str, ...] = (
    "build",
    "run",
    "plugins",
    "exercises",
    "avoid",
    "new-plugin",
    "validate",
    "plan",
    "schema",
    "history",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="backtui",
        description="Build and run lower-back exercise routines in the terminal. With no command, opens the dashboard.",
    )
    parser.add_argument("--version", action="version", version=f"backtui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"backtui.commands.{name.replace('-', '_')}")
        command = module.register(sub)
        command.add_argument("--version", action="version", version=f"backtui {__version__}")
        command.set_defaults(handler=module.run)
    return parser


def _open_dashboard(args: argparse.Namespace) -> int:
    try:
        app_module = importlib.import_module("backtui.tui.app")
    except ModuleNotFoundError:
        build_parser().print_help()
        return 0
    result: int = app_module.run_app()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", _open_dashboard)
    try:
        code: int = handler(args)
        return code
    except DataError as exc:
        print(f"backtui: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("backtui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: no traceback reaches a user
        from backtui.core.plugins import PluginError

        if isinstance(exc, PluginError):  # strict mode: the plugin's one-line reason is the message
            print(f"backtui: {exc}", file=sys.stderr)
            return 1
        if os.environ.get("BACKTUI_DEBUG"):
            traceback.print_exc()
        detail = " ".join(str(exc).split()) or type(exc).__name__
        print(f"backtui: unexpected error: {detail} (set BACKTUI_DEBUG=1 for details)", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
