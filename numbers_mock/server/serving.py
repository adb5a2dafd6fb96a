"""Run ASGI apps under uvicorn: in a background thread (tests) or in the foreground (CLI)."""

from __future__ import annotations

import contextlib
import gc
import logging
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.types import ASGIApp

from numbers_mock.app import MockApp
from numbers_mock.core.redaction import install_credential_filter
from numbers_mock.server.connections import fit_to_descriptors, guarded_protocol
from numbers_mock.server.limits import ConnectionLimits
from numbers_mock.server.tls import TlsFiles

__all__ = ["ServerOptions", "listening_socket", "run_server", "serve_in_thread"]


@dataclass(frozen=True)
class ServerOptions:
    """How the app is served: TLS or plain HTTP, and the limits on slow and idle clients."""

    tls: TlsFiles | None = None
    limits: ConnectionLimits = field(default_factory=ConnectionLimits)

    @property
    def scheme(self) -> str:
        """`https` with TLS, `http` without."""
        return "http" if self.tls is None else "https"

    def uvicorn_options(self) -> dict[str, Any]:
        """Keyword arguments for `uvicorn.Config`."""
        options: dict[str, Any] = {
            "http": guarded_protocol(fit_to_descriptors(self.limits)),
            "timeout_keep_alive": self.limits.idle_timeout,
            # The mock never upgrades connections; no WebSocket library needs to be installed.
            "ws": "none",
        }
        if self.tls is not None:
            options["ssl_certfile"] = str(self.tls.certfile)
            options["ssl_keyfile"] = str(self.tls.keyfile)
        return options


_STARTUP_TIMEOUT = 10.0
_SHUTDOWN_TIMEOUT = 10.0


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket listening on `host`:`port` (0: a free port), for uvicorn to serve on.

    Made here rather than by uvicorn so that an address that cannot be had (a port in use, a host
    that is not this machine's) is an OSError for the caller, where uvicorn would log it and exit
    the process with a code of its own. Connections that arrive before uvicorn serves wait in the
    backlog.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must be explicit: asyncio sets TCP_NODELAY on accepted connections only when the
    # listening socket says IPPROTO_TCP, and without it every answer waits ~40 ms for delayed ACKs.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen()
    except OSError:
        sock.close()
        raise
    return sock


def _base_url(scheme: str, host: str, sock: socket.socket) -> str:
    url_host = f"[{host}]" if sock.family == socket.AF_INET6 else host
    return f"{scheme}://{url_host}:{sock.getsockname()[1]}"


@contextlib.contextmanager
def serve_in_thread(
    app: ASGIApp, host: str = "127.0.0.1", port: int = 0, options: ServerOptions | None = None
) -> Iterator[str]:
    """Serve any ASGI app under uvicorn in a background thread; yield its base URL.

    `options` chooses TLS (the URL is then `https://`) and the connection limits.
    `port=0` picks a free port. The socket is bound here, before the thread starts, so the URL is
    known at once and a port in use fails in the caller's thread. On exit the server stops (open
    keep-alive connections are closed) and the thread is joined.
    """
    options = options or ServerOptions()
    sock = listening_socket(host, port)
    try:
        bound_port = sock.getsockname()[1]
        # log_config=None leaves the host process's logging alone; no access log for tests.
        config = uvicorn.Config(
            app,
            host=host,
            port=bound_port,
            log_config=None,
            access_log=False,
            lifespan="auto",
            timeout_graceful_shutdown=2,
            **options.uvicorn_options(),
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="uvicorn-in-thread", daemon=True
        )
        thread.start()
        try:
            _wait_started(server, thread)
            yield _base_url(options.scheme, host, sock)
        finally:
            server.should_exit = True
            thread.join(_SHUTDOWN_TIMEOUT)
            if thread.is_alive():
                server.force_exit = True
                thread.join(_SHUTDOWN_TIMEOUT)
    finally:
        sock.close()


def _wait_started(server: uvicorn.Server, thread: threading.Thread) -> None:
    deadline = time.monotonic() + _STARTUP_TIMEOUT
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the server thread stopped before it started serving")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server did not start within {_STARTUP_TIMEOUT} seconds")
        time.sleep(0.01)


class _AnnouncedServer(uvicorn.Server):
    """uvicorn's server, saying where it serves once it does (given a socket, uvicorn does not)."""

    def __init__(self, config: uvicorn.Config, url: str) -> None:
        super().__init__(config)
        self._url = url

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            logging.getLogger("uvicorn.error").info("Serving on %s (Ctrl-C to stop)", self._url)


def run_server(
    app: MockApp,
    host: str,
    port: int,
    log_level: str = "info",
    options: ServerOptions | None = None,
    *,
    listener: socket.socket | None = None,
) -> None:
    """Serve the mock in the foreground until interrupted (Ctrl-C); the app is closed at the end.

    `listener` is a socket from `listening_socket(host, port)` bound beforehand; without it one
    is bound here. OSError when the address cannot be had.
    """
    options = options or ServerOptions()
    try:
        sock = listener if listener is not None else listening_socket(host, port)
    except OSError:
        app.close()
        raise
    # The document, validators and libraries loaded so far live as long as the process: frozen,
    # the cyclic garbage collector stops walking them again and again as requests allocate.
    gc.collect()
    gc.freeze()
    try:
        config = uvicorn.Config(
            app,
            host=host,
            port=sock.getsockname()[1],
            log_level=log_level,
            lifespan="off",
            **options.uvicorn_options(),
        )
        # After Config: it (re)configures logging, which would drop a filter added earlier.
        install_credential_filter()
        _AnnouncedServer(config, _base_url(options.scheme, host, sock)).run(sockets=[sock])
    finally:
        sock.close()
        app.close()
