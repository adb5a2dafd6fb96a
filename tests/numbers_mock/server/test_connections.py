"""Slow and idle clients against a real server: timeouts, the connection limit, eviction."""

from __future__ import annotations

import resource
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx

from benchmarks.targets import free_port
from numbers_mock import MockApp, serve_in_thread
from numbers_mock.server.connections import fit_to_descriptors
from numbers_mock.server.limits import ConnectionLimits
from numbers_mock.server.serving import ServerOptions
from tests.served_process import wait_until_healthy


@contextmanager
def served(app: MockApp, limits: ConnectionLimits) -> Iterator[tuple[str, int]]:
    with serve_in_thread(app, options=ServerOptions(limits=limits)) as url:
        port = url.rsplit(":", 1)[1]
        yield url, int(port)


def connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    return sock


def read_until_closed(sock: socket.socket, limit: float) -> tuple[bytes, float]:
    """Everything the server sends until it closes, and how long that took."""
    started = time.monotonic()
    sock.settimeout(limit)
    received = b""
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            return received, time.monotonic() - started
        received += chunk


def test_300_idle_connections_do_not_stop_a_health_check(app: MockApp) -> None:
    # The default limits, as `numbers-mock` and the harness's embedded mock run.
    with served(app, ConnectionLimits()) as (url, port), ExitStack() as idle:
        for _ in range(300):
            idle.enter_context(connect(port))
        time.sleep(0.2)  # let the server accept them all
        started = time.monotonic()
        response = httpx.get(f"{url}/_mock/health", timeout=5)
        elapsed = time.monotonic() - started
        assert response.json() == {"status": "ok"}
        assert elapsed < 1.0, f"health check took {elapsed:.2f} s"


def test_a_silent_connection_is_closed_after_the_idle_timeout(app: MockApp) -> None:
    limits = ConnectionLimits(idle_timeout=0.3, request_timeout=5)
    with served(app, limits) as (_, port), connect(port) as sock:
        received, seconds = read_until_closed(sock, limit=5)
    assert received == b""
    assert 0.2 < seconds < 2.0


def test_a_slow_request_is_cut_off_with_408(app: MockApp) -> None:
    limits = ConnectionLimits(idle_timeout=5, request_timeout=0.4)
    with served(app, limits) as (_, port), connect(port) as sock:
        sock.sendall(b"GET /_mock/health HTTP/1.1\r\nHost: x\r\n")
        time.sleep(0.1)
        sock.sendall(b"X-Slow: 1\r\n")  # still coming, a byte at a time, never finished
        received, seconds = read_until_closed(sock, limit=5)
    assert received.startswith(b"HTTP/1.1 408 ")
    assert received.endswith(b'{"error-code":"408","error-code-label":"request timeout"}')
    assert seconds < 2.0


def test_keep_alive_requests_are_not_cut_off(app: MockApp) -> None:
    limits = ConnectionLimits(idle_timeout=5, request_timeout=0.3)
    with served(app, limits) as (url, _), httpx.Client(base_url=url) as http:
        for _ in range(3):
            assert http.get("/_mock/health").status_code == 200
            time.sleep(0.4)  # longer than the request timeout, shorter than the idle one


def test_the_longest_idle_connection_makes_room(app: MockApp) -> None:
    limits = ConnectionLimits(max_connections=3)
    with served(app, limits) as (url, port), connect(port) as oldest, connect(port) as newer:
        time.sleep(0.1)
        newer.sendall(b"GET /_mock/health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert newer.recv(4096).startswith(b"HTTP/1.1 200 ")
        # A third connection fills the limit; the health check's is one more: the oldest goes.
        with connect(port):
            time.sleep(0.1)
            assert httpx.get(f"{url}/_mock/health", timeout=2).status_code == 200
            assert read_until_closed(oldest, limit=2)[0] == b""


def test_beyond_the_limit_with_none_idle_a_connection_gets_503(app: MockApp) -> None:
    limits = ConnectionLimits(max_connections=2)
    with served(app, limits) as (_, port), ExitStack() as busy:
        for _ in range(2):
            sock = busy.enter_context(connect(port))
            sock.sendall(b"GET /_mock/health HTTP/1.1\r\n")  # a request under way
        time.sleep(0.1)
        with connect(port) as refused:
            received, _ = read_until_closed(refused, limit=5)
    assert received.startswith(b"HTTP/1.1 503 ")
    assert received.endswith(b'{"error-code":"503","error-code-label":"too many connections"}')


def few_descriptors() -> None:
    # In the child, before exec: a soft limit of 200 open files, like the 256 of some systems.
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (200, hard))


def test_300_idle_connections_against_a_server_started_with_200_descriptors(
    tmp_path: Path,
) -> None:
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "numbers_mock", "--port", str(port), "--log-level", "warning"],
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=few_descriptors,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, process)
        with ExitStack() as idle:
            for _ in range(300):
                idle.enter_context(connect(port))
            time.sleep(0.5)
            started = time.monotonic()
            response = httpx.get(f"{url}/_mock/health", timeout=5)
            elapsed = time.monotonic() - started
            assert response.json() == {"status": "ok"}
            assert elapsed < 1.0, f"health check took {elapsed:.2f} s"
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)
    # Room was made by closing idle connections, not by failing accept() in a loop.
    assert log.stat().st_size < 10_000, log.read_text()[:2000]


def test_limits_fit_the_descriptors_the_process_may_open() -> None:
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    fitted = fit_to_descriptors(ConnectionLimits(max_connections=10**9))
    assert fitted.max_connections < max(soft, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
    assert fit_to_descriptors(ConnectionLimits(max_connections=5)).max_connections == 5
