"""Serve the app to a browser with textual-serve, with a page that needs nothing from the internet.

textual-serve starts one copy of the app per browser tab, as a child process, and
relays the terminal over a websocket. Its own page links a web font from Google
Fonts; backtui's copy of the page (``templates/app_index.html``) loads the same font
from textual-serve's static folder instead, and everything else (xterm.js, CSS)
already comes from there. The page's websocket address is built from the address
the browser used, so a tablet that opened ``http://192.168.1.20:8000`` connects back
to that address, not to the one the server was bound to.

The websocket that controls the app only accepts a browser page served from the
same address (its ``Origin`` must match the ``Host`` it asked for), so another web
site open in the same browser can't drive the app; when bound to a loopback
address, the ``Host`` must be a loopback one too, which stops a site that points
its own name at 127.0.0.1 (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

TEMPLATES = Path(__file__).resolve().parent / "templates"


def is_loopback(host: str) -> bool:
    """True for an address only this computer can reach (``127.0.0.1``, ``::1``, ``localhost``)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_host(host: str) -> str:
    """``host`` as it goes in a URL: IPv6 addresses in brackets."""
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


class BacktuiServer(Server):
    """textual-serve's server with backtui's offline page and a quieter start."""

    def __init__(self, command: str, host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title="backtui", templates_path=TEMPLATES)
        self.public_url = f"http://{url_host(host)}:{port}"

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a logo and its own line here; ``backtui serve`` has printed the URL already."""

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        # Links and the websocket point back to the address the browser used.
        self.public_url = f"{request.scheme}://{request.host}"
        context: dict[str, Any] = await Server.handle_index.__wrapped__(self, request)  # type: ignore[attr-defined]
        return context

    def allowed(self, request: web.Request) -> bool:
        """Whether a websocket request comes from backtui's own page (or from no browser at all)."""
        host = request.host
        if is_loopback(self.host) and not is_loopback(urlsplit(f"//{host}").hostname or ""):
            return False
        origin = request.headers.get("Origin")
        return origin is None or urlsplit(origin).netloc == host

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self.allowed(request):
            raise web.HTTPForbidden(text="backtui only takes a connection from its own page")
        return await super().handle_websocket(request)
