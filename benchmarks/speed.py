"""Speed figures, each a ratio measured within one run against its usual alternative.

    python -m benchmarks speed [--runs 3] [--seconds 2] [--rounds 5] [--clients 4]
                               [--memory-requests 100000] [--calls 2000] [--json FILE]

- fuzzing: test cases per second of the harness against plain `schemathesis run`, both against a
  fresh unfaulted mock on the same seeded state, same budget (the `ci` profile's examples);
- the mock's requests per second against a static-answer app on the same stack
  (`benchmarks.mock_throughput`);
- the generated client's cost per call against raw httpx on the same transport
  (`benchmarks.client_overhead`);
- regenerating the client: ours against a bare `openapi-python-client generate`
  (`benchmarks.regeneration`);
- the harness's proxy: the mock directly against the mock through `numbers-contract-proxy`, judging
  on (`benchmarks.proxy_overhead`).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.client_overhead import CallCost, measure_client_overhead
from benchmarks.detection import ci_max_examples
from benchmarks.harness_runs import run_harness
from benchmarks.mock_throughput import Result
from benchmarks.mock_throughput import run as measure_throughput
from benchmarks.proxy_overhead import ProxyOverhead, measure_proxy_overhead
from benchmarks.proxy_overhead import report_lines as proxy_lines
from benchmarks.regeneration import Regeneration, measure_regeneration
from benchmarks.schemathesis_runs import run_schemathesis
from benchmarks.targets import seeded_database, serve_mock

__all__ = ["FuzzingRun", "Rate", "SpeedReport", "fuzzing_runs", "measure_speed", "report"]

Progress = Callable[[str], None]


# Plain schemathesis stops an operation at its first failure, and on this API it fails even on a
# correct server (statuses the document does not list): with this it spends the harness's budget.
FULL_BUDGET = ("--continue-on-failure",)
# Requests timed one after the other, directly and through the proxy, for the medians.
PROXY_REQUESTS = 2000


@dataclass(frozen=True)
class Rate:
    """One tool's run: test cases, the time spent running them, the whole wall time."""

    cases: int
    seconds: float
    wall_seconds: float

    @property
    def per_second(self) -> float:
        return self.cases / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class FuzzingRun:
    """One run of each tool against the unfaulted mock."""

    harness: Rate
    harness_passed: bool
    plain: Rate
    plain_full: Rate


@dataclass
class SpeedReport:
    """Every speed figure of one `speed` run."""

    fuzzing: list[FuzzingRun] = field(default_factory=list)
    throughput: Result | None = None
    client: list[CallCost] = field(default_factory=list)
    regeneration: Regeneration | None = None
    proxy: ProxyOverhead | None = None


def fuzzing_runs(runs: int, progress: Progress) -> list[FuzzingRun]:
    """`runs` runs of the harness (`ci`) and of schemathesis (plain, and with the same budget)."""
    examples = ci_max_examples()
    results = []
    with seeded_database() as seeded:
        for number in range(1, runs + 1):
            with serve_mock(seeded) as server:
                harness = run_harness(server.url, stop_at_first_failure=False)
            with serve_mock(seeded) as server:
                plain = run_schemathesis(server.url, examples)
            with serve_mock(seeded) as server:
                full = run_schemathesis(server.url, examples, FULL_BUDGET)
            run = FuzzingRun(
                Rate(harness.operation_cases, harness.operation_seconds, harness.seconds),
                harness.returncode == 0,
                Rate(plain.cases, plain.engine_seconds, plain.seconds),
                Rate(full.cases, full.engine_seconds, full.seconds),
            )
            results.append(run)
            progress(
                f"fuzzing run {number}: harness {run.harness.per_second:.0f} cases/s, "
                f"schemathesis {run.plain.per_second:.0f} cases/s, "
                f"with --continue-on-failure {run.plain_full.per_second:.0f} cases/s"
            )
    return results


def _median(values: list[float]) -> float:
    return statistics.median(values)


def fuzzing_lines(runs: list[FuzzingRun]) -> list[str]:
    """The fuzzing table and its ratios."""
    tools = (
        ("contract harness (`ci`), fuzzing tests", [run.harness for run in runs]),
        ("plain `schemathesis run`", [run.plain for run in runs]),
        ("plain `schemathesis run --continue-on-failure`", [run.plain_full for run in runs]),
    )
    harness, plain, full = (_median([rate.per_second for rate in rates]) for _, rates in tools)
    lines = [
        f"### Fuzzing: test cases per second (median of {len(runs)} runs each, unfaulted mock)",
        "",
        "| tool | cases per run | time running them | cases/s | wall time per run |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| {name} | {_median([r.cases for r in rates]):.0f} | "
        f"{_median([r.seconds for r in rates]):.1f} s | "
        f"{_median([r.per_second for r in rates]):.0f} | "
        f"{_median([r.wall_seconds for r in rates]):.1f} s |"
        for name, rates in tools
    ]
    passed = sum(run.harness_passed for run in runs)
    return [
        *lines,
        "",
        f"Ratio harness / schemathesis with the same budget: **{harness / full:.2f}**; "
        f"harness / plain defaults: {harness / plain:.2f} "
        f"(harness runs passed: {passed}/{len(runs)})",
        "",
    ]


def report(speed: SpeedReport) -> str:
    """The figures as Markdown tables."""
    lines: list[str] = fuzzing_lines(speed.fuzzing) if speed.fuzzing else []
    if speed.throughput is not None:
        result = speed.throughput
        lines += [
            "### Mock throughput: requests per second against a static app, same stack",
            "",
            "| workload | mock req/s | static req/s | ratio | mock CPU/req | static CPU/req |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for name, mock in result.mock.items():
            static = result.static[name]
            lines.append(
                f"| {name} | {mock.rps:.0f} | {static.rps:.0f} | **{mock.rps / static.rps:.2f}** "
                f"| {_micros(mock.server_cpu_us)} | {_micros(static.server_cpu_us)} |"
            )
        samples = " → ".join(f"{kib} KiB" for kib in result.rss_kib) or "n/a"
        lines += [
            "",
            f"Mock RSS over {result.memory_requests} more requests "
            f"({result.memory_seconds:.0f} s): {samples}",
            "",
        ]
    if speed.client:
        lines += [
            "### Generated client against raw httpx, same transport (`httpx.MockTransport`)",
            "",
            "| call | generated client | raw httpx | ratio |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {cost.call} | {cost.client_us:.0f} µs | {cost.raw_us:.0f} µs | "
            f"**{cost.ratio:.2f}** |"
            for cost in speed.client
        ]
        lines.append("")
    if speed.regeneration is not None:
        regeneration = speed.regeneration
        lines += [
            f"### Regenerating the client (median of {regeneration.runs} runs)",
            "",
            "| generation | seconds |",
            "| --- | --- |",
            f"| `python -m generator` (config, templates, pins, ruff) | "
            f"{regeneration.ours_seconds:.2f} |",
            f"| bare `openapi-python-client generate` | {regeneration.bare_seconds:.2f} |",
            "",
            f"Ratio ours / bare: **{regeneration.ratio:.2f}**",
            "",
        ]
    if speed.proxy is not None:
        lines += proxy_lines(speed.proxy)
    return "\n".join(lines)


def _micros(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} µs"


def measure_speed(
    runs: int,
    seconds: float,
    rounds: int,
    clients: int,
    memory_requests: int,
    calls: int,
    progress: Progress,
) -> SpeedReport:
    """Every speed figure, one after the other (so they do not compete for the cores)."""
    speed = SpeedReport()
    speed.fuzzing = fuzzing_runs(runs, progress)
    progress("mock throughput (about two minutes) ...")
    speed.throughput = measure_throughput(seconds, rounds, clients, memory_requests)
    progress("generated client against raw httpx ...")
    speed.client = measure_client_overhead(calls)
    progress("regeneration ...")
    speed.regeneration = measure_regeneration()
    progress("the mock directly and through the proxy ...")
    speed.proxy = measure_proxy_overhead(seconds, rounds, clients, PROXY_REQUESTS)
    return speed
