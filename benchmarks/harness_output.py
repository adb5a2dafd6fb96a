"""Read what a harness run did from its JSON run record (`--json-report`), and its JUnit times.

The record (`contract_tests/reporting/record.py`, schema `run-record.schema.json`) lists every
test with its outcome and its distinct failures by check id, and every finding; a run that
stopped before any test (the account snapshot of a real target refused) files that stop as a
finding met by the test `set-up`. Check ids are the registry's (`contract_tests.judging.registry`),
the names the benchmarks' expectations use too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from contract_tests.reporting.record import RECORD_VERSION, SET_UP

__all__ = [
    "SetupStop",
    "SummaryRow",
    "load_record",
    "parse_junit",
    "record_first_failure",
    "record_rows",
    "record_seed",
    "record_setup_stop",
]

_NOTE_LENGTH = 70


@dataclass(frozen=True)
class SummaryRow:
    """One test of a run: its label, cases, result and the checks it failed (in order met)."""

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
        """The checks that failed, or the error that stands for them when the test names none."""
        if self.checks:
            return self.checks
        return (f"error ({self.note[:_NOTE_LENGTH]})" if self.note else "error",)


@dataclass(frozen=True)
class SetupStop:
    """A run stopped before its tests: what it said, and the checks it names (in order)."""

    reason: str
    checks: tuple[str, ...]


def load_record(path: Path) -> dict[str, Any] | None:
    """The run record at `path`; None when the run wrote none (it ended before its summary)."""
    if not path.exists():
        return None
    record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if record.get("record_version") != RECORD_VERSION:
        raise ValueError(
            f"{path}: run record version {record.get('record_version')!r}, "
            f"this benchmark reads version {RECORD_VERSION}"
        )
    return record


def record_rows(record: dict[str, Any] | None) -> tuple[SummaryRow, ...]:
    """The record's tests, in the order they ran."""
    if record is None:
        return ()
    return tuple(
        SummaryRow(
            label=str(test["label"]),
            cases=test["cases"],
            result=str(test["result"]),
            checks=tuple(test["failures"]),
            note=str(test["note"] or ""),
        )
        for test in record["tests"]
    )


def record_setup_stop(record: dict[str, Any] | None) -> SetupStop | None:
    """The stop before any test, when the run made one."""
    for finding in (record or {}).get("findings", []):
        if SET_UP in finding["tests"]:
            reason = f"{finding['summary']}: {finding['detail']}"
            return SetupStop(reason, (finding["check"], *finding["also"]))
    return None


def record_seed(record: dict[str, Any] | None) -> int | None:
    """The run's Hypothesis seed (`--hypothesis-seed` replays it)."""
    return int(record["seed"]) if record is not None else None


def record_first_failure(record: dict[str, Any] | None) -> int | None:
    """The requests the run had sent at its first failure (None: no failure, or no record)."""
    if record is None:
        return None
    value = record.get("safety", {}).get("first_failure_after")
    return int(value) if isinstance(value, int) else None


def parse_junit(report: str) -> dict[str, float]:
    """Each test's time in a JUnit report, by its name (`test_operation[GET /number/search]`)."""
    root = ElementTree.fromstring(report)
    return {case.get("name", ""): float(case.get("time", 0.0)) for case in root.iter("testcase")}
