"""The ``backtui`` command line. It parses arguments and hands off; no business logic here.

Each subcommand lives in its own module with ``register(subparsers)`` and
``run(args) -> int``. Only the module of the command being run is imported: the
top-level ``--help`` is built from ``COMMANDS`` alone, and ``--version`` needs
nothing, so both start about as fast as Python itself (see bench/cli_startup.py).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from backtui import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

#: Every subcommand: name -> (module, one-line summary), in the order ``--help`` lists them.
#: One line per command; the module's own ``register`` gives the same summary.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("backtui.commands.build", "build a routine from the exercise library, or edit one"),
    "run": ("backtui.commands.run", "run a routine with the on-screen timer"),
    "plugins": ("backtui.commands.plugins", "list the exercise sources (plugins) and whether they loaded"),
    "exercises": ("backtui.commands.exercises", "list the exercises every loaded source provides"),
    "new-plugin": ("backtui.commands.new_plugin", "create a new exercise-source plugin package"),
    "check-plugin": ("backtui.commands.check_plugin", "run the plugin test kit's checks on one installed plugin"),
    "validate": ("backtui.commands.validate", "check routine files and report every problem"),
    "plan": ("backtui.commands.plan", "show the timeline a routine file runs as"),
    "schema": ("backtui.commands.schema", "print the JSON Schema of routine files"),
    "history": ("backtui.commands.history", "list the sessions you have run, with pain before and after"),
    "export": ("backtui.commands.export", "a routine as a handout (md, html, pdf) or calendar reminders (ics)"),
    "serve": ("backtui.commands.serve", "serve the app to a web browser, for a tablet or phone by the mat"),
}

VERSION = f"backtui {__version__}"
DESCRIPTION = "Build and run lower-back exercise routines in the terminal. With no command, opens the dashboard."


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` asks for: its first argument, when that names one."""
    return argv[0] if argv and argv[0] in COMMANDS else None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``command``'s module is imported to add its own arguments."""
    import argparse
    import importlib

    parser = argparse.ArgumentParser(prog="backtui", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=VERSION)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, summary) in COMMANDS.items():
        if command is None:  # parsing will fail or show help; list every command
            sub.add_parser(name, help=summary)
            continue
        if name != command:  # each parser costs time, and only one will parse
            continue
        module = importlib.import_module(module_name)
        parsed = module.register(sub)
        parsed.add_argument("--version", action="version", version=VERSION)
        parsed.set_defaults(handler=module.run)
    return parser


def top_help() -> str:
    """``backtui --help``, from ``COMMANDS`` alone: no command module is imported for it."""
    width = max(len(name) for name in COMMANDS) + 2
    lines = ["usage: backtui [-h] [--version] [COMMAND] ...", "", DESCRIPTION, "", "commands:"]
    lines += [f"  {name:<{width}}{summary}" for name, (_, summary) in COMMANDS.items()]
    lines += ["", "options:", f"  {'-h, --help':<{width}}show this help message and exit"]
    lines += [f"  {'--version':<{width}}show the version and exit", ""]
    lines += ["Run `backtui COMMAND --help` for a command's own options."]
    return "\n".join(lines)


def _open_dashboard(args: argparse.Namespace) -> int:
    import importlib

    try:
        app_module = importlib.import_module("backtui.tui.app")
    except ModuleNotFoundError:
        print(top_help())
        return 0
    result: int = app_module.run_app()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv == ["--version"]:
        print(VERSION)
        return 0
    if argv in (["--help"], ["-h"]):
        print(top_help())
        raise SystemExit(0)  # as argparse does for every other --help
    args = build_parser(_command_in(argv)).parse_args(argv)
    handler = getattr(args, "handler", _open_dashboard)
    try:
        code: int = handler(args)
        sys.stdout.flush()  # a closed pipe shows up here, inside the handling below
        return code
    except KeyboardInterrupt:
        print("backtui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``| head -1``): not all output was delivered, so never
        # report success, which could hide an invalid file. Python's own flush at exit
        # would fail again, so stdout goes to /dev/null from here.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # the last line of defence: no traceback reaches a user
        return _report(exc)


def _report(exc: Exception) -> int:
    import os
    import traceback

    from backtui.core.paths import UnusableHome
    from backtui.core.plugins import PluginError
    from backtui.core.terminal_text import printable
    from backtui.core.tomlfile import DataError

    if isinstance(exc, DataError | PluginError | UnusableHome):  # a located or one-line reason is the whole message
        print(printable(f"backtui: {exc}"), file=sys.stderr)
        return 1
    if os.environ.get("BACKTUI_DEBUG"):
        traceback.print_exception(exc)
    detail = " ".join(str(exc).split()) or type(exc).__name__
    print(printable(f"backtui: unexpected error: {detail} (set BACKTUI_DEBUG=1 for details)"), file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
