"""The proxy benchmark: request times over one keep-alive socket, and its report's figures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks.mock_throughput import Workload
from benchmarks.proxy_overhead import ProxyOverhead, Side, report_lines, request_times
from benchmarks.speed import SpeedReport, report
from numbers_mock import MockSettings, create_app, serve_in_thread

SEARCH = Workload("search", "/number/search", ("country=GB&size=3", "country=US&size=3"))


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    app = create_app(MockSettings())
    try:
        with serve_in_thread(app) as base_url:
            yield base_url
    finally:
        app.close()


def test_each_request_is_timed(mock_url: str) -> None:
    times = request_times(mock_url, SEARCH, 7)
    assert len(times) == 7 and all(0 < ms < 5000 for ms in times)


def test_a_wrong_answer_is_raised(mock_url: str) -> None:
    with pytest.raises(RuntimeError, match="nowhere"):
        request_times(mock_url, Workload("nowhere", "/number/nowhere", ("size=1",)), 1)


def test_the_figures_and_their_targets() -> None:
    result = ProxyOverhead(
        direct={"search": Side([0.2, 0.3, 0.25], 3000.0, 150.0)},
        proxied={"search": Side([0.9, 0.6, 0.7], 1800.0, 160.0, 140.0)},
        proxy_rss_kib=51200,
    )
    text = "\n".join(report_lines(result))
    assert (
        "| search | 0.25 ms | 0.70 ms | **0.45 ms** | 3000 | 1800 | **0.60** | 150 µs | 140 µs |"
        in text
    )
    assert "Proxy RSS at the end: 51200 KiB" in text
    assert text in report(SpeedReport(proxy=result))
