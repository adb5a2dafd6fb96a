"""Throwaway hostile servers on 127.0.0.1, for running the harness against as a user would.

Each answers `GET /` at once (so the harness's reachability check passes, as it would against a real
server that breaks later) and misbehaves on every API request in its own way. Every wait is bounded
and ends when the server is closed, so a test never leaves a thread behind for long.
"""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

# The longest any handler waits; the harness's deadlines in the tests are far shorter.
MAX_WAIT_SECONDS = 60.0

Behaviour = Callable[[BaseHTTPRequestHandler, threading.Event], None]


def _api(handler: BaseHTTPRequestHandler) -> bool:
    return handler.path.split("?", 1)[0] not in ("", "/")


def echo(handler: BaseHTTPRequestHandler, closing: threading.Event) -> None:
    """A 500 whose body repeats the credentials in every form a careless server might.

    The basic token appears whole, decoded, URL-encoded, and again where a cut at 200 or 512
    characters (the harness's and schemathesis' excerpt lengths) splits it.
    """
    header = handler.headers.get("Authorization", "")
    token = header.removeprefix("Basic ").strip()
    try:
        decoded = base64.b64decode(token).decode()
    except ValueError:
        decoded = ""
    parts = [
        f"you sent Authorization: {header}",
        f"which is {decoded}",
        f"url-encoded {quote(decoded, safe='')} and {quote(token, safe='')}",
    ]
    text = "; ".join(parts)
    for cut in (200, 512):
        # Place the token so that a cut at `cut` characters falls in its middle.
        pad = max(0, cut - len(text) - 12)
        text += " " + "x" * pad + token
    body = text.encode()
    handler.send_response(500)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def silent(handler: BaseHTTPRequestHandler, closing: threading.Event) -> None:
    """Reads the request and never answers (until the server closes)."""
    closing.wait(MAX_WAIT_SECONDS)


def dripping(handler: BaseHTTPRequestHandler, closing: threading.Event) -> None:
    """Headers at once, then one byte of a 100 kB body every 0.2 s."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    deadline = time.monotonic() + MAX_WAIT_SECONDS
    try:
        while not closing.wait(0.2) and time.monotonic() < deadline:
            handler.wfile.write(b" ")
            handler.wfile.flush()
    except OSError:
        return


def huge(handler: BaseHTTPRequestHandler, closing: threading.Event) -> None:
    """A 50 MB JSON answer, without Content-Length (so only reading it tells its size)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Connection", "close")
    handler.end_headers()
    chunk = b"[" + b"0," * 32767 + b"0"
    sent = 0
    try:
        handler.wfile.write(b'{"count": 1, "numbers": ')
        while sent < 50 * 1024 * 1024 and not closing.is_set():
            handler.wfile.write(chunk)
            sent += len(chunk)
    except OSError:
        return
    handler.close_connection = True


def always_throttled(handler: BaseHTTPRequestHandler, closing: threading.Event) -> None:
    """429 with `Retry-After: 0` to everything."""
    handler.send_response(429)
    handler.send_header("Retry-After", "0")
    handler.send_header("Content-Type", "application/json")
    body = b'{"error-code": "429", "error-code-label": "throttled"}'
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def refuses_credentials(handler: BaseHTTPRequestHandler, closing: threading.Event) -> None:
    """401 with the service's body to everything: the credentials are never accepted."""
    body = b'{"error-code":"401","error-code-label":"authentication failed"}'
    handler.send_response(401)
    handler.send_header("Content-Type", "application/json;charset=UTF-8")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def file_server(handler: BaseHTTPRequestHandler, closing: threading.Event) -> None:
    """What a plain HTTP file server (`python -m http.server`) answers for a path it has no file
    for: its HTML 404 page."""
    handler.send_error(404, "File not found")


class HostileServer:
    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.closing = threading.Event()
        self.requests: list[tuple[float, str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                server.requests.append((time.monotonic(), self.command, self.path))
                if not _api(self):
                    self.send_response(200)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"{}")
                    return
                server.behaviour(self, server.closing)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def api_requests(self) -> list[tuple[float, str, str]]:
        return [r for r in self.requests if r[2].split("?", 1)[0] not in ("", "/")]


@contextmanager
def hostile_server(behaviour: Behaviour) -> Iterator[HostileServer]:
    server = HostileServer(behaviour)
    thread = threading.Thread(target=server._server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.closing.set()
        server._server.shutdown()
        server._server.server_close()
        thread.join(timeout=10)
