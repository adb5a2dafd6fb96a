"""The throughput benchmark's load: raw keep-alive requests, counted, and wrong answers raised."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

import pytest

from benchmarks.mock_throughput import Rate, Workload, main, raw_load, run_clients
from numbers_mock import MockSettings, create_app, serve_in_thread

SEARCH = Workload("search", "/number/search", ("country=GB&size=3", "country=US&size=3"))


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    app = create_app(MockSettings())
    try:
        with serve_in_thread(app) as base_url:
            yield base_url.rstrip("/")
    finally:
        app.close()


def test_a_fixed_number_of_requests_is_sent_over_raw_sockets(mock_url: str) -> None:
    # 3 clients share one budget of 25 requests; every answer was a 200, or it would raise.
    rate = raw_load(mock_url, SEARCH, clients=3, total=25)
    assert rate > 0


def test_a_timed_load_stops_when_time_is_up(mock_url: str) -> None:
    assert raw_load(mock_url, SEARCH, clients=2, seconds=0.3) > 0


def test_a_wrong_answer_ends_the_round_with_an_error(mock_url: str) -> None:
    unknown = Workload("nowhere", "/number/nowhere", ("size=1",))
    with pytest.raises(RuntimeError, match=re.escape("nowhere: b'HTTP/1.1 404")):
        raw_load(mock_url, unknown, clients=2, total=4)


def test_run_clients_counts_every_worker_and_raises_the_first_error() -> None:
    def counts(slot: int, stop: threading.Event) -> int:
        return slot + 1

    assert run_clients(3, counts, 0) > 0

    def fails(slot: int, stop: threading.Event) -> int:
        if slot == 1:
            raise RuntimeError("worker 1 saw a 500")
        stop.wait(5)
        return 0

    with pytest.raises(RuntimeError, match="worker 1 saw a 500"):
        run_clients(2, fails, 0)


def test_the_best_round_is_kept() -> None:
    rate = Rate()
    rate.keep_best(100.0, 500.0)
    rate.keep_best(90.0, 450.0)
    rate.keep_best(120.0, None)
    assert (rate.rps, rate.server_cpu_us) == (120.0, 450.0)


@pytest.mark.parametrize(
    "argv", [[], ["run"], ["serve", "mock"], ["serve", "static", "--port", "8000"]]
)
def test_the_child_server_command_refuses_what_it_cannot_serve(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        main(argv)
    assert refused.value.code == 2
