"""The speed report: every figure as a ratio, from the numbers measured."""

from __future__ import annotations

from benchmarks.client_overhead import CallCost
from benchmarks.mock_throughput import Rate as Throughput
from benchmarks.mock_throughput import Result
from benchmarks.regeneration import Regeneration
from benchmarks.speed import FuzzingRun, Rate, SpeedReport, report


def test_every_figure_is_reported_as_a_ratio() -> None:
    speed = SpeedReport(
        fuzzing=[
            FuzzingRun(Rate(600, 10.0, 18.0), True, Rate(40, 2.0, 4.0), Rate(600, 12.0, 14.0))
        ],
        throughput=Result(
            mock={"search": Throughput(1000.0, 800.0)},
            static={"search": Throughput(4000.0, 200.0)},
            memory_requests=10,
            memory_seconds=1.0,
            rss_kib=[100, 101],
        ),
        client=[CallCost("search", 300.0, 250.0)],
        regeneration=Regeneration(2.0, 1.6, 5),
    )
    text = report(speed)
    assert "| contract harness (`ci`), fuzzing tests | 600 | 10.0 s | 60 | 18.0 s |" in text
    assert "Ratio harness / schemathesis with the same budget: **1.20**" in text
    assert "harness / plain defaults: 3.00 (harness runs passed: 1/1)" in text
    assert "| search | 1000 | 4000 | **0.25** | 800 µs | 200 µs |" in text
    assert "| search | 300 µs | 250 µs | **1.20** |" in text
    assert "Ratio ours / bare: **1.25**" in text


def test_a_partial_report_shows_what_was_measured() -> None:
    assert report(SpeedReport()) == ""
