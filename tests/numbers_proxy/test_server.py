"""The proxy's server: slow and idle clients are bounded, and `--tls` serves HTTPS with the CA it
prints."""

from __future__ import annotations

import signal
import socket
import ssl
import sys
import time

import httpx

from benchmarks.targets import free_port
from numbers_mock import PRIMARY_ACCOUNT, MockSettings, create_app, serve_in_thread
from numbers_proxy.assembly import assemble
from numbers_proxy.server import ServerOptions
from numbers_proxy.server import serve_in_thread as serve_proxy
from tests.served_process import start

SHORT = ServerOptions(idle_timeout=0.3, request_timeout=0.3)


def connect(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=5)
    return sock


def test_a_silent_client_is_closed() -> None:
    app, _ = assemble("http://127.0.0.1:9", True, None)
    with serve_proxy(app, options=SHORT) as url, connect(url) as sock:
        started = time.monotonic()
        assert sock.recv(1024) == b""  # closed by the proxy, not by the 5 s timeout here
        assert time.monotonic() - started < 3


def test_a_request_arriving_too_slowly_gets_408() -> None:
    app, _ = assemble("http://127.0.0.1:9", True, None)
    with serve_proxy(app, options=SHORT) as url, connect(url) as sock:
        sock.sendall(b"GET /account/numbers HTTP/1.1\r\nHost: x\r\n")
        time.sleep(0.2)
        sock.sendall(b"X-Slow: 1\r\n")  # not idle, but the request never ends
        received = b""
        while chunk := sock.recv(1024):
            received += chunk
        assert received.startswith(b"HTTP/1.1 408")


def test_the_command_serves_https_with_the_ca_it_prints() -> None:
    mock = create_app(MockSettings())
    try:
        with serve_in_thread(mock) as upstream:
            port = free_port()
            command = [sys.executable, "-m", "numbers_proxy", "--upstream", upstream, "--tls"]
            proxy = start([*command, "--port", str(port)])
            try:
                assert proxy.stdout is not None
                first = proxy.stdout.readline()
                assert first.startswith("numbers-contract-proxy: CA certificate for clients: ")
                ca_file = first.rsplit(": ", 1)[1].strip()
                context = ssl.create_default_context(cafile=ca_file)
                url = f"https://127.0.0.1:{port}"
                deadline = time.monotonic() + 30
                while True:
                    try:
                        answer = httpx.get(
                            f"{url}/account/numbers", auth=PRIMARY_ACCOUNT.auth, verify=context
                        )
                        break
                    except httpx.TransportError:
                        assert time.monotonic() < deadline and proxy.poll() is None
                        time.sleep(0.1)
                assert answer.status_code == 200
            finally:
                proxy.send_signal(signal.SIGTERM)
                out, err = proxy.communicate(timeout=30)
    finally:
        mock.close()
    assert proxy.returncode == 0, err
    assert "GET /account/numbers 200" in out
    assert "numbers-contract-proxy: 1 exchange in" in out
