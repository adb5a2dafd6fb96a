"""Fault detection: the contract harness and plain schemathesis against every faulty mock.

    python -m benchmarks detection [--mode seeded|real-target|both] [--faults a,b]
        [--clean-runs 5] [--no-faults] [--json FILE]

In each mode (`benchmarks.detection_modes`: how the account starts, how much the harness may
buy), for each fault of `numbers_mock.faults`, each tool runs once against a fresh mock with that
fault, on the mode's state (`benchmarks.targets`), with the same case budget: the harness's `ci`
profile, and `schemathesis run --max-examples` of the same number. The harness stops at its first
failure (`-x`); its time to first failure is from launch to exit, so it includes start-up and
shrinking. Plain schemathesis runs its whole budget; its time to first failure is from launch to
the request of its first failure that the unfaulted mock never gave it (see
`benchmarks.schemathesis_runs`). Before the faults, both tools run against the unfaulted mock
`--clean-runs` times: the harness must pass each time (no false alarm), and schemathesis' failures
there are what its later failures in that mode are compared with. The report is
`benchmarks.detection_report`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import settings

from benchmarks.detection_modes import Mode
from benchmarks.fault_checks import expected_check
from benchmarks.harness_runs import HarnessOutcome, run_harness
from benchmarks.schemathesis_runs import Failure, SchemathesisOutcome, Signature, run_schemathesis
from benchmarks.targets import seeded_database, serve_mock
from contract_tests.run.profiles import CI_PROFILE, register_profiles
from numbers_mock.faults import CATALOGUE, Fault, lookup

__all__ = [
    "CleanRun",
    "Detection",
    "Detections",
    "FaultRun",
    "ci_max_examples",
    "detect",
    "false_alarm_text",
    "selected_faults",
]

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

    @property
    def both_caught(self) -> bool:
        return self.harness.caught and self.plain_catch is not None

    @property
    def plain_seconds(self) -> float | None:
        """Plain schemathesis' time to its first new failure (None: it caught nothing)."""
        if self.plain_catch is None:
            return None
        return self.plain.seconds_until(self.plain_catch)


@dataclass
class Detection:
    """A whole detection run in one mode."""

    mode: Mode
    max_examples: int
    clean: list[CleanRun] = field(default_factory=list)
    faults: list[FaultRun] = field(default_factory=list)

    @property
    def baseline(self) -> set[Signature]:
        """Every failure plain schemathesis reported against the unfaulted mock."""
        return {f.signature for run in self.clean for f in run.plain.failures}

    @property
    def false_alarms(self) -> list[CleanRun]:
        return [run for run in self.clean if run.harness.false_alarm]


@dataclass
class Detections:
    """The detection runs of every mode asked for, in order."""

    modes: list[Detection] = field(default_factory=list)


def _keep(
    logs: Path | None, name: str, harness: HarnessOutcome, plain: SchemathesisOutcome
) -> None:
    if logs is None:
        return
    logs.mkdir(parents=True, exist_ok=True)
    (logs / f"{name}.harness.txt").write_text(harness.output, encoding="utf-8")
    (logs / f"{name}.schemathesis.txt").write_text(plain.output, encoding="utf-8")


def detect(
    modes: Sequence[Mode],
    faults: Sequence[Fault],
    clean_runs: int,
    max_examples: int,
    progress: Progress,
    logs: Path | None = None,
) -> Detections:
    """In each mode, run both tools on the unfaulted mock `clean_runs` times, then once per fault.

    With `logs`, each run's output is kept there (`MODE/NAME.harness.txt`,
    `MODE/NAME.schemathesis.txt`).
    """
    detections = Detections()
    for mode in modes:
        folder = logs / mode.name if logs is not None else None
        detections.modes.append(
            _detect_in(mode, faults, clean_runs, max_examples, progress, folder)
        )
    return detections


def _detect_in(
    mode: Mode,
    faults: Sequence[Fault],
    clean_runs: int,
    max_examples: int,
    progress: Progress,
    logs: Path | None,
) -> Detection:
    detection = Detection(mode, max_examples)
    with seeded_database(mode.owned_before) as seeded:
        for number in range(1, clean_runs + 1):
            with serve_mock(seeded) as server:
                harness = run_harness(server.url, max_purchases=mode.max_purchases)
            with serve_mock(seeded) as server:
                plain = run_schemathesis(server.url, max_examples)
            detection.clean.append(CleanRun(harness, plain))
            _keep(logs, f"unfaulted-{number}", harness, plain)
            verdict = false_alarm_text(harness) if harness.false_alarm else "passed"
            progress(
                f"[{mode.name}] unfaulted run {number}: harness {verdict} "
                f"({harness.seconds:.1f} s); "
                f"schemathesis exit {plain.returncode}, {len(plain.failures)} failures"
            )
        baseline = detection.baseline
        for fault in faults:
            with serve_mock(seeded, (fault.name,)) as server:
                harness = run_harness(server.url, max_purchases=mode.max_purchases)
            with serve_mock(seeded, (fault.name,)) as server:
                plain = run_schemathesis(server.url, max_examples)
            run = FaultRun(fault, harness, plain, plain.first_new(baseline))
            detection.faults.append(run)
            _keep(logs, fault.name, harness, plain)
            progress(
                f"[{mode.name}] {fault.name}: harness {_harness_progress(harness)}; "
                f"schemathesis {_plain_progress(run)}"
            )
    return detection


def false_alarm_text(outcome: HarnessOutcome) -> str:
    """What fired on the unfaulted mock, where, and the seed that replays it."""
    fired = ", ".join(outcome.caught_by) or f"exit {outcome.returncode}, no check named"
    where = f" in {outcome.caught_in}" if outcome.caught_in else ""
    seed = f", seed {outcome.seed}" if outcome.seed is not None else ", seed unknown"
    return f"false alarm: {fired}{where}{seed}"


def _harness_progress(outcome: HarnessOutcome) -> str:
    if not outcome.caught:
        return f"missed ({outcome.seconds:.1f} s)"
    sent = outcome.requests_to_first_failure
    requests = f", after {sent} requests" if sent is not None else ""
    return (
        f"{', '.join(outcome.caught_by)} in {outcome.caught_in} ({outcome.seconds:.1f} s{requests})"
    )


def _plain_progress(run: FaultRun) -> str:
    if run.plain_catch is None:
        return f"missed ({run.plain.seconds:.1f} s)"
    return f"{run.plain_catch.check} ({run.plain_seconds:.1f} s)"


def selected_faults(names: str | None) -> list[Fault]:
    """The faults a `--faults a,b` option names (every fault without it)."""
    if not names:
        return list(CATALOGUE.values())
    return lookup(name.strip() for name in names.split(",") if name.strip())


def print_progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
