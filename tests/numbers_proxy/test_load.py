"""A long session stays within a stated memory bound: 20,000 exchanges through the proxy (its own
process, in front of the mock's, both on 127.0.0.1), over raw keep-alive sockets.

The traffic mixes what makes state: page walks over many filters, owned lists, and one request in
five refused (a finding on the client's side, so the kept findings reach their cap). The proxy's
resident set size is read from /proc after a warm-up and at the end.
"""

from __future__ import annotations

import base64
import itertools
import json
import socket
import sys
import threading
from pathlib import Path

import pytest

from benchmarks.mock_throughput import read_answer, rss_kib
from benchmarks.targets import PRIMARY, run_server

EXCHANGES = 20_000
WARM_UP = 2_000
CLIENTS = 4
# What 18,000 exchanges may add to the proxy's resident set after the warm-up.
GROWTH_BOUND_KIB = 20 * 1024
COUNTRIES = ("GB", "US", "CA", "DE", "FR", "NL", "ES", "IT", "SE", "AU", "BE", "IE")


def targets() -> list[str]:
    walks = [
        f"/number/search?country={country}&size={size}&index={index}"
        for country in COUNTRIES
        for size in (3, 5)
        for index in (1, 2, 3)
    ]
    lists = [f"/account/numbers?size={size}&index=1" for size in (1, 10, 100)]
    # Refused by the service (an unassigned country): a client-side finding each time.
    refused = ["/number/search?country=QZ"]
    mixed = walks + lists
    # One request in five refused.
    return [target for i in range(0, len(mixed), 4) for target in (*mixed[i : i + 4], *refused)]


def drive(url: str, total: int) -> None:
    host, port = url.removeprefix("http://").split(":")
    token = base64.b64encode(":".join(PRIMARY).encode()).decode()
    budget = itertools.count()
    errors: list[Exception] = []

    def client(slot: int) -> None:
        try:
            cycle = itertools.cycle(targets()[slot:] + targets()[:slot])
            with socket.create_connection((host, int(port)), timeout=30) as sock:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                buffer = b""
                while next(budget) < total:
                    request = (
                        f"GET {next(cycle)} HTTP/1.1\r\nHost: {host}\r\n"
                        f"Authorization: Basic {token}\r\n\r\n"
                    )
                    sock.sendall(request.encode())
                    head, buffer = read_answer(sock, buffer)
                    assert head.startswith((b"HTTP/1.1 200", b"HTTP/1.1 400")), head[:40]
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(slot,)) for slot in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors[0]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_memory_stays_bounded_over_20000_exchanges(tmp_path: Path) -> None:
    mock = [sys.executable, "-m", "numbers_mock", "--log-level", "critical"]
    record_file = tmp_path / "record.json"
    with run_server(mock) as upstream:
        proxy_command = [sys.executable, "-m", "numbers_proxy", "--upstream", upstream.url]
        proxy_command += ["--quiet", "--json", str(record_file)]
        with run_server(proxy_command) as proxy:
            drive(proxy.url, WARM_UP)
            before = rss_kib(proxy.pid)
            drive(proxy.url, EXCHANGES - WARM_UP)
            after = rss_kib(proxy.pid)
    assert before is not None and after is not None
    print(f"proxy RSS: {before} KiB after {WARM_UP} exchanges, {after} KiB after {EXCHANGES}")
    assert after - before <= GROWTH_BOUND_KIB
    # Every exchange was judged (run_server's health checks come on top), the refused ones found,
    # and only the first findings kept in full.
    record = json.loads(record_file.read_text(encoding="utf-8"))
    assert record["safety"]["sent"] >= EXCHANGES
    refused = next(c for c in record["checks"] if c["id"] == "request_service_accepts")
    assert refused["failed"] >= EXCHANGES // 5
    assert len(record["findings"]) == 1000 < refused["failed"]
