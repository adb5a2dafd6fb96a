"""What the harness's proxy (`numbers-contract-proxy`) costs: the mock directly against the mock
through the proxy, judging on, in one run on this machine.

Part of `nox -s bench -- speed` (`benchmarks.speed`); alone: `python -m benchmarks.proxy_overhead
[--seconds 2] [--rounds 3] [--clients 4] [--requests 2000]`.

Both are measured as `benchmarks.mock_throughput` measures the mock, over raw keep-alive sockets
(cheap for the client), each server in its own process on 127.0.0.1:

- latency: one client sends `--requests` requests one after the other, directly and through the
  proxy in alternating rounds; the median of each, and what the proxy adds to it;
- throughput: `--clients` client threads for `--seconds`, directly and through the proxy in
  alternating rounds, the best round of each; the ratio is the proxy's share of the direct rate;
- CPU per request, read from /proc as the mock's benchmark reads it: the mock's (directly) and the
  proxy's (through it), the lowest of the rounds. On a machine other work keeps busy the rates
  move from round to round; what each server costs a request moves much less.

The proxy prints its line per exchange (to a log file) and judges every exchange, as it runs for
a user. The targets: at most 2 ms added to the median, at least half the direct throughput.
"""

from __future__ import annotations

import argparse
import base64
import socket
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.mock_throughput import (
    WORKLOADS,
    Workload,
    cpu_seconds,
    prepare_mock,
    raw_load,
    read_answer,
    rss_kib,
    server,
)
from benchmarks.targets import PRIMARY, run_server

__all__ = ["ProxyOverhead", "measure_proxy_overhead", "report_lines"]


@dataclass
class Side:
    """One way of reaching the mock: its request times (ms) and its best rate."""

    milliseconds: list[float] = field(default_factory=list)
    rps: float = 0.0
    # CPU microseconds per request of the mock and of the proxy (0 directly), lowest of the rounds.
    mock_cpu_us: float | None = None
    proxy_cpu_us: float | None = None

    def keep(self, rps: float, mock_us: float | None, proxy_us: float | None) -> None:
        self.rps = max(self.rps, rps)
        if mock_us is not None:
            self.mock_cpu_us = min(mock_us, self.mock_cpu_us or mock_us)
        if proxy_us is not None:
            self.proxy_cpu_us = min(proxy_us, self.proxy_cpu_us or proxy_us)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.milliseconds) if self.milliseconds else 0.0


@dataclass
class ProxyOverhead:
    """The figures of one run, per workload (`search`, `list`)."""

    direct: dict[str, Side] = field(default_factory=dict)
    proxied: dict[str, Side] = field(default_factory=dict)
    proxy_rss_kib: int | None = None
    exchanges: int = 0

    def added_ms(self, workload: str) -> float:
        return self.proxied[workload].median_ms - self.direct[workload].median_ms

    def ratio(self, workload: str) -> float:
        direct = self.direct[workload].rps
        return self.proxied[workload].rps / direct if direct else 0.0


def request_times(url: str, workload: Workload, requests: int) -> list[float]:
    """Milliseconds of each of `requests` requests sent one after the other on one connection."""
    host, port = url.removeprefix("http://").split(":")
    token = base64.b64encode(":".join(PRIMARY).encode()).decode()
    targets = workload.targets()
    times: list[float] = []
    with socket.create_connection((host, int(port))) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buffer = b""
        for _ in range(requests):
            request = (
                f"GET {workload.path}?{next(targets)} HTTP/1.1\r\nHost: {host}\r\n"
                f"Authorization: Basic {token}\r\n\r\n"
            ).encode()
            started = time.perf_counter()
            sock.sendall(request)
            head, buffer = read_answer(sock, buffer)
            if not head.startswith(b"HTTP/1.1 200"):
                raise RuntimeError(f"{workload.name}: {head.splitlines()[0]!r}")
            times.append((time.perf_counter() - started) * 1000)
    return times


def measure_proxy_overhead(
    seconds: float, rounds: int, clients: int, requests: int
) -> ProxyOverhead:
    """The mock directly and through the proxy, in alternating rounds (see the module docstring)."""
    result = ProxyOverhead()
    with server("mock") as (mock_url, mock_pid):
        # The owned list holds a full page, as in the mock's own throughput figures.
        prepare_mock(mock_url)
        proxy_command = [sys.executable, "-m", "numbers_proxy", "--upstream", mock_url]
        with run_server(proxy_command) as proxy:
            for url in (mock_url, proxy.url):  # warm-up: connections, caches, the judge
                for workload in WORKLOADS:
                    raw_load(url, workload, clients, seconds=0.5)
            for _ in range(rounds):
                for workload in WORKLOADS:
                    for url, sides in ((mock_url, result.direct), (proxy.url, result.proxied)):
                        side = sides.setdefault(workload.name, Side())
                        side.milliseconds += request_times(url, workload, requests // rounds)
                        side.keep(
                            *_timed_load(url, workload, clients, seconds, mock_pid, proxy.pid)
                        )
            result.proxy_rss_kib = rss_kib(proxy.pid)
    return result


def _timed_load(
    url: str, workload: Workload, clients: int, seconds: float, mock_pid: int, proxy_pid: int
) -> tuple[float, float | None, float | None]:
    """One round: requests per second, and the CPU microseconds per request of each server."""
    before = (cpu_seconds(mock_pid), cpu_seconds(proxy_pid))
    started = time.perf_counter()
    rps = raw_load(url, workload, clients, seconds=seconds)
    requests = rps * (time.perf_counter() - started)
    after = (cpu_seconds(mock_pid), cpu_seconds(proxy_pid))
    costs = [
        None if start is None or end is None else (end - start) / requests * 1e6
        for start, end in zip(before, after, strict=True)
    ]
    return rps, costs[0], costs[1]


def report_lines(result: ProxyOverhead) -> list[str]:
    """The figures as a Markdown table, with the targets."""
    lines = [
        "### The harness's proxy: the mock directly and through `numbers-contract-proxy`",
        "",
        "| workload | direct median | proxied median | added | direct req/s | proxied req/s "
        "| ratio | mock CPU/req | proxy CPU/req |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, direct in result.direct.items():
        proxied = result.proxied[name]
        lines.append(
            f"| {name} | {direct.median_ms:.2f} ms | {proxied.median_ms:.2f} ms | "
            f"**{result.added_ms(name):.2f} ms** | {direct.rps:.0f} | {proxied.rps:.0f} | "
            f"**{result.ratio(name):.2f}** | {_micros(direct.mock_cpu_us)} | "
            f"{_micros(proxied.proxy_cpu_us)} |"
        )
    rss = "n/a" if result.proxy_rss_kib is None else f"{result.proxy_rss_kib} KiB"
    lines += [
        "",
        f"Targets: at most 2 ms added to the median, at least 0.50 of the direct rate. "
        f"Proxy RSS at the end: {rss}.",
        "",
    ]
    return lines


def _micros(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} µs"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.proxy_overhead",
        description="The proxy's cost alone (part of `nox -s bench -- speed`).",
    )
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = measure_proxy_overhead(args.seconds, args.rounds, args.clients, args.requests)
    print("\n".join(report_lines(result)))
    print(f"Whole run: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
