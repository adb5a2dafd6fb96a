"""Throughput and memory of the mock server against a static-answer app on the same stack.

Part of `nox -s bench -- speed` (`benchmarks.speed`), which takes the same options (`--seconds 2
--rounds 5 --clients 4 --memory-requests 100000`).

Both servers are the same stack (uvicorn, one worker, Starlette), each started by this script in
its own process on 127.0.0.1 and stopped at the end. The static app answers the exact bytes the
mock answered for the same requests, so the difference is what the mock itself costs (credentials,
validation, SQLite, rendering).

Throughput: client threads send requests over raw keep-alive sockets, which costs the client a
small part of what it costs the server, so the server is what limits the rate (an httpx client
needs more CPU per request than the static app does: on two cores it would measure itself). The
two servers are measured in alternating rounds and each keeps its best round, so load from other
processes on the machine hurts both alike. Each server's CPU time per request is read from /proc
as well: it is what the mock costs regardless of the client. Memory: the mock then serves
`--memory-requests` more requests the same way, and its resident set size is read from /proc
along the way. Linux only for the /proc figures.
"""

from __future__ import annotations

import argparse
import base64
import itertools
import json
import os
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from benchmarks.targets import PRIMARY, run_server

COUNTRIES = ("GB", "US", "CA", "DE", "FR", "NL", "ES", "IT", "SE", "AU", "BE", "IE")
OWNED = 20
MOCK_RATE_LIMIT = 1_000_000.0  # requests a second per account: checked on every request, never hit
RSS_SAMPLES = 5


@dataclass(frozen=True)
class Workload:
    """One kind of request: a path and the query strings it cycles through."""

    name: str
    path: str
    queries: tuple[str, ...]

    def targets(self, offset: int = 0) -> Iterator[str]:
        """Endless request targets, each client starting at a different query."""
        start = offset % len(self.queries)
        return itertools.cycle(self.queries[start:] + self.queries[:start])


WORKLOADS = (
    Workload("search", "/number/search", tuple(f"country={c}&size=10" for c in COUNTRIES)),
    Workload("list", "/account/numbers", ("size=10",)),
)


@dataclass
class Rate:
    """The best round: requests per second seen by the clients, server CPU time per request."""

    rps: float = 0.0
    server_cpu_us: float | None = None

    def keep_best(self, rps: float, cpu_us: float | None) -> None:
        """Keep the highest rate and the lowest CPU cost seen over the rounds."""
        self.rps = max(self.rps, rps)
        if cpu_us is not None:
            self.server_cpu_us = min(cpu_us, self.server_cpu_us or cpu_us)


@dataclass
class Result:
    """What one run measured."""

    mock: dict[str, Rate] = field(default_factory=dict)
    static: dict[str, Rate] = field(default_factory=dict)
    memory_requests: int = 0
    memory_seconds: float = 0.0
    rss_kib: list[int] = field(default_factory=list)


@contextmanager
def server(kind: str, answers: Path | None = None) -> Iterator[tuple[str, int]]:
    """Run `python -m benchmarks.mock_throughput serve KIND [ANSWERS] --port PORT`; URL and pid."""
    command = [sys.executable, "-m", "benchmarks.mock_throughput", "serve", kind]
    command += [str(answers)] if answers is not None else []
    with run_server(command) as running:
        yield running.url, running.pid


def run_clients(
    clients: int, worker: Callable[[int, threading.Event], int], seconds: float
) -> float:
    """Run `worker(slot, stop)` in threads (for `seconds`, or until they return); requests/s."""
    stop = threading.Event()
    done = [0] * clients
    errors: list[Exception] = []

    def body(slot: int) -> None:
        try:
            done[slot] = worker(slot, stop)
        except Exception as exc:  # a wrong answer ends the round, and is raised below
            errors.append(exc)
            stop.set()

    threads = [threading.Thread(target=body, args=(slot,)) for slot in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    if seconds:
        stop.wait(seconds)
        stop.set()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return sum(done) / (time.perf_counter() - started)


def raw_load(
    url: str, workload: Workload, clients: int, total: int | None = None, seconds: float = 0.0
) -> float:
    """Requests over raw keep-alive sockets: `total` of them, or as many as `seconds` allow.

    Requests per second; every answer must be a 200.
    """
    host, port = url.removeprefix("http://").split(":")
    token = base64.b64encode(":".join(PRIMARY).encode()).decode()
    budget = itertools.count()

    def worker(slot: int, stop: threading.Event) -> int:
        count = 0
        targets = workload.targets(slot)
        with socket.create_connection((host, int(port))) as sock:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            buffer = b""
            while not stop.is_set() and (total is None or next(budget) < total):
                request = (
                    f"GET {workload.path}?{next(targets)} HTTP/1.1\r\nHost: {host}\r\n"
                    f"Authorization: Basic {token}\r\n\r\n"
                )
                sock.sendall(request.encode())
                head, buffer = read_answer(sock, buffer)
                if not head.startswith(b"HTTP/1.1 200"):
                    raise RuntimeError(f"{workload.name}: {head.splitlines()[0]!r}")
                count += 1
        return count

    return run_clients(clients, worker, seconds)


def _receive(sock: socket.socket) -> bytes:
    chunk = sock.recv(65536)
    if not chunk:
        raise RuntimeError("the server closed the connection")
    return chunk


def read_answer(sock: socket.socket, buffer: bytes) -> tuple[bytes, bytes]:
    """One keep-alive HTTP/1.1 answer read off `sock` (`buffer` holds what was read before): its
    head, and what was read past its body (the start of the next answer, if any)."""
    while b"\r\n\r\n" not in buffer:
        buffer += _receive(sock)
    head, _, buffer = buffer.partition(b"\r\n\r\n")
    lengths = [
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    ]
    if not lengths:
        raise RuntimeError(f"an answer without Content-Length: {head.splitlines()[0]!r}")
    length = lengths[0]
    while len(buffer) < length:
        buffer += _receive(sock)
    return head, buffer[length:]


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process so far (Linux /proc), None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid: int) -> int | None:
    """Resident set size of a process (Linux /proc), None elsewhere."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def measure(
    url: str, pid: int, workload: Workload, clients: int, seconds: float
) -> tuple[float, float | None]:
    """One round: requests per second and server CPU microseconds per request."""
    raw_load(url, workload, clients, seconds=0.5)  # warm-up: connections, caches
    before = cpu_seconds(pid)
    started = time.perf_counter()
    rps = raw_load(url, workload, clients, seconds=seconds)
    after = cpu_seconds(pid)
    requests = rps * (time.perf_counter() - started)
    return rps, None if before is None or after is None else (after - before) / requests * 1e6


def prepare_mock(url: str) -> dict[str, str]:
    """Buy some numbers (so the list has a full page) and record the mock's answers."""
    with httpx.Client(base_url=url, auth=PRIMARY) as client:
        found = client.get("/number/search", params={"country": "ES", "size": OWNED}).json()
        for number in found["numbers"]:
            client.post("/number/buy", data={"country": "ES", "msisdn": number["msisdn"]})
        return {w.path: client.get(f"{w.path}?{w.queries[0]}").text for w in WORKLOADS}


def run(seconds: float, rounds: int, clients: int, memory_requests: int) -> Result:
    """Measure the mock and the static app in alternating rounds, then the mock's memory."""
    result = Result(memory_requests=memory_requests)
    with server("mock") as (mock_url, mock_pid), tempfile.TemporaryDirectory() as folder:
        answers = Path(folder) / "answers.json"
        answers.write_text(json.dumps(prepare_mock(mock_url)), encoding="utf-8")
        with server("static", answers) as (static_url, static_pid):
            for _ in range(rounds):
                for workload in WORKLOADS:
                    for url, pid, rates in (
                        (mock_url, mock_pid, result.mock),
                        (static_url, static_pid, result.static),
                    ):
                        rate = rates.setdefault(workload.name, Rate())
                        rate.keep_best(*measure(url, pid, workload, clients, seconds))
        started = time.perf_counter()
        step = max(1, memory_requests // RSS_SAMPLES)
        for sample in range(RSS_SAMPLES + 1):
            rss = rss_kib(mock_pid)
            if rss is not None:
                result.rss_kib.append(rss)
            if sample < RSS_SAMPLES:
                share = step if sample < RSS_SAMPLES - 1 else memory_requests - step * sample
                raw_load(mock_url, WORKLOADS[sample % len(WORKLOADS)], clients, share)
        result.memory_seconds = time.perf_counter() - started
    return result


def serve(kind: str, port: int, answers: str | None) -> None:
    """The server side, in a child process: the mock as `numbers-mock` runs it, or a static app."""
    if kind == "mock":
        from numbers_mock import MockSettings, create_app
        from numbers_mock.controls.throttle import RateLimit
        from numbers_mock.server.serving import run_server as run_mock

        # The journal (on by default) and a rate limit, far above what the load reaches, are on:
        # the figure is what an application test's mock costs, not a stripped-down one's.
        settings = MockSettings(rate_limit=RateLimit(MOCK_RATE_LIMIT))
        run_mock(create_app(settings), "127.0.0.1", port, log_level="warning")
        return

    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    def static(path: str, body: bytes) -> Route:
        async def answer(request: Request) -> Response:
            return Response(body, headers={"content-type": "application/json;charset=UTF-8"})

        return Route(path, answer)

    bodies = json.loads(Path(answers or "").read_text(encoding="utf-8"))
    bodies["/_mock/health"] = '{"status":"ok"}'
    app = Starlette(routes=[static(path, body.encode()) for path, body in bodies.items()])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def main(argv: Sequence[str] | None = None) -> int:
    """`serve KIND [ANSWERS] --port PORT`: one of the benchmark's servers, in its own process."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.mock_throughput",
        description="Serves the speed benchmark's servers; run `nox -s bench -- speed` instead.",
    )
    parser.add_argument("command", choices=["serve"])
    parser.add_argument("kind", choices=["mock", "static"])
    parser.add_argument("answers", nargs="?", help="the static app's answers (JSON file)")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    if args.kind == "static" and args.answers is None:
        parser.error("the static app needs its answers file")
    serve(args.kind, args.port, args.answers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
