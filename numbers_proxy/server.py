"""Serving the proxy under uvicorn: in a thread (tests), or in the foreground (the command).

Slow and idle clients are bounded as the mock bounds them: a connection that sends nothing for
`idle_timeout` seconds, before its first request or between two, is closed; a request (headers and
body) must arrive within `request_timeout` seconds of its first byte, or the connection is closed
with 408; past `max_connections` open connections a new one gets 503 (uvicorn's own limit).
uvicorn adds no `server` or `date` header: the answers are the upstream's, unchanged.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from numbers_proxy.tls import TlsFiles

__all__ = ["ServerOptions", "run_foreground", "serve_in_thread"]

_TOO_SLOW = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
    b'content-length: 51\r\n\r\n{"error-code":"408","error-code-label":"too slow"}\n'
)


@dataclass(frozen=True)
class ServerOptions:
    tls: TlsFiles | None = None
    idle_timeout: float = 5.0
    request_timeout: float = 10.0
    max_connections: int = 256

    @property
    def scheme(self) -> str:
        return "http" if self.tls is None else "https"

    def uvicorn_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {
            "http": _guarded(self.idle_timeout, self.request_timeout),
            "timeout_keep_alive": self.idle_timeout,
            "limit_concurrency": self.max_connections,
            "ws": "none",
            "server_header": False,
            "date_header": False,
            "lifespan": "on",
        }
        if self.tls is not None:
            options["ssl_certfile"] = str(self.tls.certfile)
            options["ssl_keyfile"] = str(self.tls.keyfile)
        return options


class _Corked:
    """A transport that gathers what is written in one turn of the event loop into one write.

    uvicorn writes an answer's head as soon as it starts and its body apart; on loopback each write
    is a system call that costs as much as judging the exchange. Gathered, an answer the proxy
    has whole goes out in one.
    """

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: list[bytes] = []

    def write(self, data: bytes) -> None:
        if not data:
            return
        if not self._held:
            self._loop.call_soon(self.flush)
        self._held.append(data)

    def flush(self) -> None:
        if self._held:
            data = b"".join(self._held)
            self._held.clear()
            if not self._transport.is_closing():
                self._transport.write(data)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


def _protocol() -> type[Any]:
    """uvicorn's httptools protocol (the `[proxy]` extra pins httptools: it parses requests in C,
    a third of what the proxy spent per exchange), or its h11 one where httptools is missing."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:
        return H11Protocol
    return HttpToolsProtocol


def _guarded(idle_timeout: float, request_timeout: float) -> type[Any]:
    base: type[Any] = _protocol()

    class Guarded(base):  # type: ignore[misc]  # one of two uvicorn protocols
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:
            super().connection_made(_Corked(transport, self.loop))
            # Answers go out as a head and a body: without this each body would wait for the
            # client's delayed ACK of the head.
            sock = transport.get_extra_info("socket")
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            # uvicorn arms its idle timer only after an answer: arm it before the first request.
            self.timeout_keep_alive_task = self.loop.call_later(
                idle_timeout, self.timeout_keep_alive_handler
            )

        def data_received(self, data: bytes) -> None:
            if self._deadline is None and (self.cycle is None or self.cycle.response_complete):
                self._deadline = self.loop.call_later(request_timeout, self._too_slow)
            super().data_received(data)
            if self.cycle is not None and not self.cycle.more_body:
                self._cancel()

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel()
            super().connection_lost(exc)

        def _too_slow(self) -> None:
            self._deadline = None
            if not self.transport.is_closing():
                if self.cycle is None or not self.cycle.response_started:
                    self.transport.write(_TOO_SLOW)
                self.transport.close()

        def _cancel(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

    return Guarded


@contextlib.contextmanager
def serve_in_thread(
    app: Any, host: str = "127.0.0.1", port: int = 0, options: ServerOptions | None = None
) -> Iterator[str]:
    """Serve `app` in a background thread; yield its base URL (the port bound before start)."""
    options = options or ServerOptions()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        bound = sock.getsockname()[1]
        config = uvicorn.Config(
            app,
            host=host,
            port=bound,
            log_config=None,
            access_log=False,
            timeout_graceful_shutdown=2,
            **options.uvicorn_options(),
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="proxy-in-thread", daemon=True
        )
        thread.start()
        try:
            deadline = time.monotonic() + 10
            while not server.started:
                if not thread.is_alive() or time.monotonic() > deadline:
                    raise RuntimeError("the proxy did not start")
                time.sleep(0.01)
            yield f"{options.scheme}://{host}:{bound}"
        finally:
            server.should_exit = True
            thread.join(10)
            if thread.is_alive():
                server.force_exit = True
                thread.join(10)
    finally:
        sock.close()


class _Stopped(Exception):
    """SIGTERM, raised again by uvicorn once it has stopped serving."""


def _stop(signum: int, frame: object) -> None:
    raise _Stopped


def run_foreground(app: Any, host: str, port: int, options: ServerOptions) -> None:
    """Serve until Ctrl-C or SIGTERM, then return (so the session's reports can be written).

    uvicorn stops gracefully on both and then raises the signal again for the handler that was
    there before it: for SIGTERM that would end the process, so a handler of ours is put there.
    """
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        **options.uvicorn_options(),
    )
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        uvicorn.Server(config).run()
    except (KeyboardInterrupt, _Stopped):
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
