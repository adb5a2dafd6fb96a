"""Read what a harness run printed: its summary table, a stop at set-up, its seed, its JUnit times.

The summary table at the end says which test failed and by which checks; a failed test without a
named check is the paging walk (its tests assert whole walks) or an error, told by the test's
label. A run can also stop before any test, at a set-up step (the account snapshot of a real
target): pytest then prints the reason on one `_pytest.outcomes.Exit` line, which names the check
broken as the harness's findings do (`[check] detail`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from benchmarks.fault_checks import KNOWN_CHECKS

__all__ = [
    "SetupStop",
    "SummaryRow",
    "parse_first_failure",
    "parse_junit",
    "parse_seed",
    "parse_setup_stop",
    "parse_summary",
]

_HEADER = ("operation", "cases", "xml", "result", "failures by check")
_FAILURES = "Failures (full details above"
_NOTE_LENGTH = 70
# pytest pads the reason of `pytest.exit` with "!" on both sides, to the terminal's width.
_EXIT = re.compile(r"^!+ _pytest\.outcomes\.Exit: (?P<reason>.*?) !+$", re.MULTILINE)
# A finding as the harness words it: "[check] detail", more as "; also [check] detail".
_NAMED_CHECK = re.compile(r"\[(?P<check>[a-z_ ]+)\]")
_SEED = re.compile(r"^contract seed: (?P<seed>\d+) ", re.MULTILINE)
# The summary's line on the first failure (`contract_tests.tally.first_failure`).
_FIRST_FAILURE = re.compile(r"^first failure: after (?P<requests>\d+) requests", re.MULTILINE)


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
        # The result may say what was held back after the outcome: "failed; held back: 3, ...".
        return self.result.split(";", 1)[0] in ("failed", "error")

    @property
    def caught_by(self) -> tuple[str, ...]:
        """The checks that failed, or what stands for them when the test names none."""
        if self.checks:
            return self.checks
        if self.label.startswith("paging"):
            return ("paging walk",)
        return (f"error ({self.note[:_NOTE_LENGTH]})" if self.note else "error",)


@dataclass(frozen=True)
class SetupStop:
    """A run stopped before its tests: the reason printed, and the checks it names (in order)."""

    reason: str
    checks: tuple[str, ...]


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


def parse_setup_stop(output: str) -> SetupStop | None:
    """The run's stop before its tests, if it stopped so (the last such line of `output`).

    Only names the harness reports failures under count as checks, so a bracket in the server's
    answer quoted in the reason is not taken for one.
    """
    stops = _EXIT.findall(output)
    if not stops:
        return None
    reason: str = stops[-1]
    named = (match["check"] for match in _NAMED_CHECK.finditer(reason))
    checks = tuple(dict.fromkeys(check for check in named if check in KNOWN_CHECKS))
    return SetupStop(reason, checks)


def parse_seed(stdout: str) -> int | None:
    """The run's Hypothesis seed, which replays it (`--hypothesis-seed`), from its header."""
    found = _SEED.search(stdout)
    return int(found["seed"]) if found else None


def parse_first_failure(stdout: str) -> int | None:
    """The requests the run had sent at its first failure, from its summary (None: no failure)."""
    found = _FIRST_FAILURE.search(stdout)
    return int(found["requests"]) if found else None


def parse_junit(report: str) -> dict[str, float]:
    """Each test's time in a JUnit report, by its name (`test_operation[GET /number/search]`)."""
    root = ElementTree.fromstring(report)
    return {case.get("name", ""): float(case.get("time", 0.0)) for case in root.iter("testcase")}
