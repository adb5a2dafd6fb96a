"""Run the contract harness against a URL, as a user would, and read what it found.

The run is `pytest contract_tests --target-url URL --allow-purchases` in a child process, with the
mock's primary credentials in the environment, and a purchase cap: the harness's default one (what
a user of a paid service gets) or one set high for a mock with nothing to lose. What it printed is
read from its JSON run record by `benchmarks.harness_output`; the terminal output is kept for the
logs only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.harness_output import (
    SetupStop,
    SummaryRow,
    load_record,
    parse_junit,
    record_first_failure,
    record_rows,
    record_seed,
    record_setup_stop,
)
from benchmarks.targets import OTHER, PRIMARY

__all__ = ["MAX_PURCHASES", "HarnessOutcome", "harness_command", "run_harness"]

REPO_ROOT = Path(__file__).resolve().parent.parent
# The mock has no money to lose: let the lifecycle and fuzzing buy as much as they like.
MAX_PURCHASES = 100_000
RUN_TIMEOUT = 600.0
# Where a run that stopped before its tests was caught, in place of a test's label.
SET_UP = "set-up"


@dataclass(frozen=True)
class HarnessOutcome:
    """What one harness run did: its exit code, its wall time and its summary."""

    returncode: int
    seconds: float
    rows: tuple[SummaryRow, ...] = field(default_factory=tuple)
    output: str = ""
    # Seconds per test, from the JUnit report: pytest's node name -> time.
    test_seconds: dict[str, float] = field(default_factory=dict)
    # The stop before any test, when the run made one.
    stopped: SetupStop | None = None
    # The Hypothesis seed the run printed: `--hypothesis-seed` replays it.
    seed: int | None = None
    # Requests the run had sent (the safety layer's count) when its first failure came.
    requests_to_first_failure: int | None = None

    @property
    def caught(self) -> bool:
        """The run failed, and a failed test or the set-up step it stopped at says by what."""
        return self.returncode != 0 and bool(self.caught_by)

    @property
    def caught_by(self) -> tuple[str, ...]:
        """The checks of the first failed test (with `-x`, the only one), or of the stop."""
        for row in self.rows:
            if row.failed:
                return row.caught_by
        if self.stopped is not None:
            return self.stopped.checks
        return ()

    @property
    def caught_in(self) -> str:
        """The label of the first failed test, `set-up` for a stop before the tests, or ""."""
        for row in self.rows:
            if row.failed:
                return row.label
        return SET_UP if self.stopped is not None and self.stopped.checks else ""

    @property
    def false_alarm(self) -> bool:
        """On a correct server: any failure at all, named or not."""
        return self.caught or self.returncode != 0

    @property
    def operation_cases(self) -> int:
        """Test cases the fuzzing tests sent (the rows schemathesis drives)."""
        return sum(row.cases or 0 for row in self.rows if row.label.split(" ", 1)[0].isupper())

    @property
    def operation_seconds(self) -> float:
        """Time the fuzzing tests took (`test_operation[...]`), set-up and tear-down included."""
        return sum(t for name, t in self.test_seconds.items() if name.startswith("test_operation"))


def harness_command(
    url: str,
    profile: str,
    stop_at_first_failure: bool,
    junit: Path | None = None,
    max_purchases: int | None = MAX_PURCHASES,
    record: Path | None = None,
) -> list[str]:
    """The pytest command line of one run against `url`; `max_purchases=None` keeps the default
    purchase cap."""
    command = [sys.executable, "-m", "pytest", "contract_tests", "--target-url", url]
    if junit is not None:
        command.append(f"--junitxml={junit}")
    if record is not None:
        command.append(f"--json-report={record}")
    command.append("--allow-purchases")
    if max_purchases is not None:
        command.append(f"--max-purchases={max_purchases}")
    # The targets are local mocks: the default rate limit, meant for a real service, would only
    # measure the limit.
    command.append("--rate-limit=none")
    command += [f"--hypothesis-profile={profile}", "-p", "no:cacheprovider"]
    # Plain asserts: rewriting (and, without bytecode caching, recompiling) every assert of
    # schemathesis costs seconds per run and gives the harness nothing.
    command.append("--assert=plain")
    if stop_at_first_failure:
        command.append("-x")
    return command


def run_harness(
    url: str,
    profile: str = "ci",
    stop_at_first_failure: bool = True,
    max_purchases: int | None = MAX_PURCHASES,
) -> HarnessOutcome:
    """Run the harness against `url`; the wall time counts from launch to exit."""
    # Nothing from the caller's shell may pick another profile or other credentials.
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("HYPOTHESIS_PROFILE", "CI") and not key.startswith("NUMBERS_")
    }
    environment.update(NUMBERS_API_KEY=PRIMARY[0], NUMBERS_API_SECRET=PRIMARY[1])
    # The second account lets the harness check that accounts are kept apart.
    environment.update(NUMBERS_OTHER_API_KEY=OTHER[0], NUMBERS_OTHER_API_SECRET=OTHER[1])
    with tempfile.TemporaryDirectory(prefix="harness-run-") as folder:
        junit = Path(folder) / "junit.xml"
        record_path = Path(folder) / "run.json"
        started = time.perf_counter()
        completed = subprocess.run(
            harness_command(url, profile, stop_at_first_failure, junit, max_purchases, record_path),
            cwd=REPO_ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            check=False,
        )
        seconds = time.perf_counter() - started
        test_seconds = parse_junit(junit.read_text(encoding="utf-8")) if junit.exists() else {}
        record = load_record(record_path)
    return HarnessOutcome(
        completed.returncode,
        seconds,
        record_rows(record),
        completed.stdout + completed.stderr,
        test_seconds,
        record_setup_stop(record),
        record_seed(record),
        record_first_failure(record),
    )
