"""Run the contract harness against a URL, as a user would, and read what it found.

The run is `pytest contract_tests --target-url URL --allow-purchases` in a child process, with the
mock's primary credentials in the environment. The summary table the harness prints at the end says
which test failed and by which checks; a failed test without a named check is the paging walk (its
tests assert whole walks) or an error, told by the test's label.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from benchmarks.targets import OTHER, PRIMARY

__all__ = [
    "HarnessOutcome",
    "SummaryRow",
    "harness_command",
    "parse_junit",
    "parse_summary",
    "run_harness",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
# The mock has no money to lose: let the lifecycle and fuzzing buy as much as they like.
MAX_PURCHASES = 100_000
RUN_TIMEOUT = 600.0
_HEADER = ("operation", "cases", "xml", "result", "failures by check")
_FAILURES = "Failures (full details above"
_NOTE_LENGTH = 70


@dataclass(frozen=True)
class SummaryRow:
    """One line of the harness's summary table."""

    label: str
    cases: int | None
    result: str
    checks: tuple[str, ...]
    note: str = ""

    @property
    def failed(self) -> bool:
        return self.result in ("failed", "error")

    @property
    def caught_by(self) -> tuple[str, ...]:
        """The checks that failed, or what stands for them when the test names none."""
        if self.checks:
            return self.checks
        if self.label.startswith("paging"):
            return ("paging walk",)
        return (f"error ({self.note[:_NOTE_LENGTH]})" if self.note else "error",)


@dataclass(frozen=True)
class HarnessOutcome:
    """What one harness run did: its exit code, its wall time and its summary."""

    returncode: int
    seconds: float
    rows: tuple[SummaryRow, ...] = field(default_factory=tuple)
    output: str = ""
    # Seconds per test, from the JUnit report: pytest's node name -> time.
    test_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def caught(self) -> bool:
        return self.returncode != 0 and any(row.failed for row in self.rows)

    @property
    def caught_by(self) -> tuple[str, ...]:
        """The checks of the first failed test (with `-x`, the only one)."""
        for row in self.rows:
            if row.failed:
                return row.caught_by
        return ()

    @property
    def operation_cases(self) -> int:
        """Test cases the fuzzing tests sent (the rows schemathesis drives)."""
        return sum(row.cases or 0 for row in self.rows if row.label.split(" ", 1)[0].isupper())

    @property
    def operation_seconds(self) -> float:
        """Time the fuzzing tests took (`test_operation[...]`), set-up and tear-down included."""
        return sum(t for name, t in self.test_seconds.items() if name.startswith("test_operation"))


def harness_command(
    url: str, profile: str, stop_at_first_failure: bool, junit: Path | None = None
) -> list[str]:
    """The pytest command line of one run against `url`."""
    command = [sys.executable, "-m", "pytest", "contract_tests", "--target-url", url]
    if junit is not None:
        command.append(f"--junitxml={junit}")
    command += ["--allow-purchases", f"--max-purchases={MAX_PURCHASES}"]
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
    url: str, profile: str = "ci", stop_at_first_failure: bool = True
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
        started = time.perf_counter()
        completed = subprocess.run(
            harness_command(url, profile, stop_at_first_failure, junit),
            cwd=REPO_ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            check=False,
        )
        seconds = time.perf_counter() - started
        test_seconds = parse_junit(junit.read_text(encoding="utf-8")) if junit.exists() else {}
    return HarnessOutcome(
        completed.returncode,
        seconds,
        parse_summary(completed.stdout),
        completed.stdout + completed.stderr,
        test_seconds,
    )


def parse_junit(report: str) -> dict[str, float]:
    """Each test's time in a JUnit report, by its name (`test_operation[GET /number/search]`)."""
    root = ElementTree.fromstring(report)
    return {case.get("name", ""): float(case.get("time", 0.0)) for case in root.iter("testcase")}


def parse_summary(stdout: str) -> tuple[SummaryRow, ...]:
    """The rows of the last contract summary table in `stdout` (none when there is no table)."""
    summary = stdout.rpartition("contract summary")[2]
    notes = _failure_notes(summary)
    lines = summary.splitlines()
    header = next((i for i, line in enumerate(lines) if line.startswith(_HEADER[0])), None)
    if header is None:
        return ()
    starts = [lines[header].index(name) for name in _HEADER]
    rows = []
    # The table ends at the first blank line (or at pytest's own closing lines).
    for line in lines[header + 2 :]:
        if not line.strip() or line.startswith("="):
            break
        cells = [
            line[start:end].strip()
            for start, end in zip(starts, [*starts[1:], len(line)], strict=True)
        ]
        label, cases, _, result, failures = cells
        checks = (
            ()
            if failures == "-"
            else tuple(part.rsplit(":", 1)[0].strip() for part in failures.split(", "))
        )
        count = int(cases) if cases.isdigit() else None
        rows.append(SummaryRow(label, count, result, checks, notes.get(label, "")))
    return tuple(rows)


def _failure_notes(summary: str) -> dict[str, str]:
    """The first line under each failed test in the summary's failures section."""
    notes: dict[str, str] = {}
    label = None
    for line in summary.partition(_FAILURES)[2].splitlines():
        if line.startswith("  ") and not line.startswith("    ") and line.endswith(":"):
            label = line.strip()[:-1]
        elif label is not None and line.startswith("    ") and label not in notes:
            notes[label] = line.strip()
    return notes
