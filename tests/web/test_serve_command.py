"""``backtui serve``'s command line: where it listens, what it prints, and whom its websocket accepts."""

from __future__ import annotations

import socket

import pytest
from aiohttp.test_utils import make_mocked_request

from backtui import cli
from backtui.tui.web.server import BacktuiServer, is_loopback


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[BacktuiServer]:
    """Run ``backtui serve`` without serving: the servers it would start."""
    started: list[BacktuiServer] = []
    monkeypatch.setattr(BacktuiServer, "serve", lambda self, debug=False: started.append(self))
    return started


def test_it_listens_on_this_computer_only_by_default(
    served: list[BacktuiServer], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["serve"]) == 0
    [server] = served
    assert (server.host, server.port) == ("127.0.0.1", 8000)
    out, err = capsys.readouterr()
    assert out.startswith("backtui is at http://127.0.0.1:8000 ")
    assert err == ""


def test_another_address_prints_the_url_and_a_warning(
    served: list[BacktuiServer], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    [server] = served
    assert (server.host, server.port) == ("0.0.0.0", 8123)
    out, err = capsys.readouterr()
    assert out.startswith("backtui is at http://") and ":8123" in out.splitlines()[0]
    assert "Anyone who can reach this address controls backtui" in err


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_a_bad_port_is_one_line(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["serve", "--port", port])
    assert exit_info.value.code == 2
    assert "expected a port number from 1 to 65535" in capsys.readouterr().err


def test_a_port_in_use_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli.main(["serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"backtui: cannot listen on 127.0.0.1:{port}: ") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("bound", "host", "origin", "allowed"),
    [
        ("127.0.0.1", "127.0.0.1:8000", "http://127.0.0.1:8000", True),
        ("127.0.0.1", "localhost:8000", "http://localhost:8000", True),
        ("127.0.0.1", "127.0.0.1:8000", None, True),  # not a browser
        ("127.0.0.1", "127.0.0.1:8000", "http://evil.example", False),  # another site in the same browser
        ("127.0.0.1", "evil.example:8000", "http://evil.example:8000", False),  # DNS rebinding
        ("0.0.0.0", "192.168.1.20:8000", "http://192.168.1.20:8000", True),
        ("0.0.0.0", "192.168.1.20:8000", "http://evil.example", False),
    ],
)
def test_the_websocket_takes_only_its_own_page(bound: str, host: str, origin: str | None, allowed: bool) -> None:
    headers = {"Host": host, **({"Origin": origin} if origin else {})}
    request = make_mocked_request("GET", "/ws", headers=headers)
    assert BacktuiServer("backtui", bound, 8000).allowed(request) is allowed


def test_loopback_addresses() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.20", "::", "example.org", ""))
