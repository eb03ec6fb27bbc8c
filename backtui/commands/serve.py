"""``backtui serve``: the app in a web browser, for a tablet or phone by the mat."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number from 1 to 65535, got {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 1 to 65535, got {value}")
    return value


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "serve",
        help="serve the app to a web browser, for a tablet or phone by the mat",
        description="Serve backtui as a web page (through textual-serve): each browser tab gets its own copy "
        "of the app. Listens on 127.0.0.1 (this computer only) unless --host says otherwise.",
    )
    p.add_argument(
        "--host",
        default=None,
        help=f"address to listen on (default {DEFAULT_HOST}); 0.0.0.0 lets other devices on your network connect, "
        "and anyone who can reach it controls the app",
    )
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})")
    return p


def _lan_address() -> str | None:
    """This computer's address on the local network, as other devices see it; None if unknown."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # a documentation address: no packet is sent for a UDP connect
            address: str = probe.getsockname()[0]
            return address
    except OSError:
        return None


def run(args: argparse.Namespace) -> int:
    from backtui.tui.web.server import BacktuiServer, is_loopback, url_host

    host: str = args.host if args.host is not None else DEFAULT_HOST
    port: int = args.port
    if not host.strip():
        print("backtui: --host needs an address, such as 127.0.0.1 or 0.0.0.0", file=sys.stderr)
        return 2
    command = f"{shlex.quote(sys.executable)} -m backtui"
    server = BacktuiServer(command, host, port)
    if is_loopback(host):
        print(f"backtui is at http://{url_host(host)}:{port}  (open it in a browser on this computer)")
    else:
        shown = host
        if host in ("0.0.0.0", "::"):
            shown = _lan_address() or "THIS-COMPUTER'S-ADDRESS"
        print(f"backtui is at http://{url_host(shown)}:{port}  (open it on the tablet or phone)")
        print(
            f"Warning: listening on {host}, not only on this computer. Anyone who can reach this address "
            "controls backtui: they can run, edit and delete your routines and see your history. "
            "Use it only on a network you trust, and stop it with Ctrl+C when you are done.",
            file=sys.stderr,
        )
    print("Press Ctrl+C to stop.", flush=True)
    try:
        server.serve()
    except OSError as exc:
        print(f"backtui: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
