"""Fault detection: the contract harness and plain schemathesis against every faulty mock.

    python -m benchmarks detection [--faults a,b] [--clean-runs 5] [--json FILE]

For each fault of `numbers_mock.faults`, each tool runs once against a fresh mock with that fault,
on the same seeded state (`benchmarks.targets`), with the same case budget: the harness's `ci`
profile, and `schemathesis run --max-examples` of the same number. The harness stops at its first
failure (`-x`); its time to first failure is from launch to exit, so it includes start-up and
shrinking. Plain schemathesis runs its whole budget; its time to first failure is from launch to
the request of its first failure that the unfaulted mock never gave it (see
`benchmarks.schemathesis_runs`). Before the faults, both tools run against the unfaulted mock
`--clean-runs` times: the harness must pass each time (no false alarm), and schemathesis' failures
there are what its later failures are compared with.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import settings

from benchmarks.fault_checks import expected_check
from benchmarks.harness_runs import HarnessOutcome, run_harness
from benchmarks.schemathesis_runs import Failure, SchemathesisOutcome, Signature, run_schemathesis
from benchmarks.targets import seeded_database, serve_mock
from contract_tests.profiles import CI_PROFILE, register_profiles
from numbers_mock.faults import CATALOGUE, Fault, lookup

__all__ = ["CleanRun", "Detection", "FaultRun", "ci_max_examples", "detect", "report"]

Progress = Callable[[str], None]


def ci_max_examples() -> int:
    """The harness's `ci` budget per operation, so both tools get the same."""
    register_profiles()
    examples: int = settings.get_profile(CI_PROFILE).max_examples
    return examples


@dataclass(frozen=True)
class CleanRun:
    """Both tools once against the unfaulted mock."""

    harness: HarnessOutcome
    plain: SchemathesisOutcome


@dataclass(frozen=True)
class FaultRun:
    """Both tools once against the mock with one fault."""

    fault: Fault
    harness: HarnessOutcome
    plain: SchemathesisOutcome
    plain_catch: Failure | None

    @property
    def expected_check_caught(self) -> bool:
        return expected_check(self.fault) in self.harness.caught_by


@dataclass
class Detection:
    """A whole detection run."""

    max_examples: int
    clean: list[CleanRun] = field(default_factory=list)
    faults: list[FaultRun] = field(default_factory=list)

    @property
    def baseline(self) -> set[Signature]:
        """Every failure plain schemathesis reported against the unfaulted mock."""
        return {f.signature for run in self.clean for f in run.plain.failures}


def _keep(
    logs: Path | None, name: str, harness: HarnessOutcome, plain: SchemathesisOutcome
) -> None:
    if logs is None:
        return
    logs.mkdir(parents=True, exist_ok=True)
    (logs / f"{name}.harness.txt").write_text(harness.output, encoding="utf-8")
    (logs / f"{name}.schemathesis.txt").write_text(plain.output, encoding="utf-8")


def detect(
    faults: Sequence[Fault],
    clean_runs: int,
    max_examples: int,
    progress: Progress,
    logs: Path | None = None,
) -> Detection:
    """Run both tools on the unfaulted mock `clean_runs` times, then once per fault.

    With `logs`, each run's output is kept there (`NAME.harness.txt`, `NAME.schemathesis.txt`).
    """
    detection = Detection(max_examples)
    with seeded_database() as seeded:
        for number in range(1, clean_runs + 1):
            with serve_mock(seeded) as server:
                harness = run_harness(server.url)
            with serve_mock(seeded) as server:
                plain = run_schemathesis(server.url, max_examples)
            detection.clean.append(CleanRun(harness, plain))
            _keep(logs, f"unfaulted-{number}", harness, plain)
            verdict = "false alarm" if harness.caught or harness.returncode else "passed"
            progress(
                f"unfaulted run {number}: harness {verdict} ({harness.seconds:.1f} s); "
                f"schemathesis exit {plain.returncode}, {len(plain.failures)} failures"
            )
        baseline = detection.baseline
        for fault in faults:
            with serve_mock(seeded, (fault.name,)) as server:
                harness = run_harness(server.url)
            with serve_mock(seeded, (fault.name,)) as server:
                plain = run_schemathesis(server.url, max_examples)
            run = FaultRun(fault, harness, plain, plain.first_new(baseline))
            detection.faults.append(run)
            _keep(logs, fault.name, harness, plain)
            progress(
                f"{fault.name}: harness {_harness_cell(harness)}; schemathesis {_plain_cell(run)}"
            )
    return detection


def _harness_cell(outcome: HarnessOutcome) -> str:
    if not outcome.caught:
        return f"missed ({outcome.seconds:.1f} s)"
    return f"{', '.join(outcome.caught_by)} ({outcome.seconds:.1f} s)"


def _plain_cell(run: FaultRun) -> str:
    if run.plain_catch is None:
        return f"missed ({run.plain.seconds:.1f} s)"
    return f"{run.plain_catch.check} ({run.plain.seconds_until(run.plain_catch):.1f} s)"


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} s" if values else "n/a"


def report(detection: Detection) -> str:
    """The results as Markdown: the unfaulted runs, one row per fault, the totals."""
    lines = ["### Unfaulted mock", ""]
    lines += ["| run | harness | harness time | schemathesis exit | schemathesis failures |"]
    lines += ["| --- | --- | --- | --- | --- |"]
    for number, clean in enumerate(detection.clean, 1):
        verdict = "false alarm" if clean.harness.caught or clean.harness.returncode else "passed"
        lines.append(
            f"| {number} | {verdict} | {clean.harness.seconds:.1f} s | {clean.plain.returncode} | "
            f"{len(clean.plain.failures)} |"
        )
    noise = sorted(detection.baseline)
    lines += ["", f"Plain schemathesis' failures on the unfaulted mock ({len(noise)} kinds):", ""]
    lines += [f"- `{operation}` {check} on {status}" for operation, check, status in noise]
    lines += ["", "### Faulty mocks", ""]
    lines += [
        "| fault | category | expected check | harness: caught by | harness TTFF "
        "| plain schemathesis: caught by | plain TTFF |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for run in detection.faults:
        harness = ", ".join(run.harness.caught_by) if run.harness.caught else "**missed**"
        plain = run.plain_catch.check if run.plain_catch else "missed"
        plain_time = f"{run.plain.seconds_until(run.plain_catch):.1f} s" if run.plain_catch else "-"
        harness_time = f"{run.harness.seconds:.1f} s" if run.harness.caught else "-"
        lines.append(
            f"| `{run.fault.name}` | {run.fault.category} | {expected_check(run.fault)} "
            f"| {harness} | {harness_time} | {plain} | {plain_time} |"
        )
    lines += ["", *summary_lines(detection)]
    return "\n".join(lines)


def summary_lines(detection: Detection) -> list[str]:
    """The totals: catches, expected checks, median times to first failure, false alarms."""
    runs = detection.faults
    harness_times = [run.harness.seconds for run in runs if run.harness.caught]
    plain_times = [
        run.plain.seconds_until(run.plain_catch) for run in runs if run.plain_catch is not None
    ]
    false_alarms = sum(1 for run in detection.clean if run.harness.caught or run.harness.returncode)
    plain_red = sum(1 for run in detection.clean if run.plain.returncode != 0)
    return [
        f"- harness: caught {len(harness_times)}/{len(runs)} "
        f"({sum(run.expected_check_caught for run in runs)} by the expected check), "
        f"median time to first failure {_median(harness_times)}; "
        f"false alarms on the unfaulted mock: {false_alarms}/{len(detection.clean)}",
        f"- plain schemathesis: caught {len(plain_times)}/{len(runs)}, "
        f"median time to first new failure {_median(plain_times)}; "
        f"failed on the unfaulted mock: {plain_red}/{len(detection.clean)}",
        f"- budget: {detection.max_examples} examples per operation for both",
    ]


def selected_faults(names: str | None) -> list[Fault]:
    """The faults a `--faults a,b` option names (every fault without it)."""
    if not names:
        return list(CATALOGUE.values())
    return lookup(name.strip() for name in names.split(",") if name.strip())


def print_progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
