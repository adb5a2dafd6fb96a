"""The run record: one JSON document a program reads (`--json-report PATH`), from which the HTML
report is built too.

Its shape is published as a JSON Schema beside this module (`run-record.schema.json`, installed
with the package); `record_version` changes whenever a field changes meaning or goes away. Every
text in it is masked by the caller (`Redactor.redact` over the serialized document) before it is
written.

Under xdist each worker sends what its safety gate saw (`worker_part`) to the controller, which
adds them up (`merge_worker_part`) before building the record.
"""

from __future__ import annotations

import json
import platform
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from contract_tests.judging.registry import REGISTRY
from contract_tests.reporting.coverage import coverage, merge_exercised
from contract_tests.reporting.text import Row
from contract_tests.tally.findings import Finding

RECORD_VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "run-record.schema.json"
# The test label under which a stop before any test (the account's snapshot) is filed.
SET_UP = "set-up"


def tool_versions() -> dict[str, str]:
    """The versions that judged the run."""

    def version(distribution: str) -> str:
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            return "unknown"

    return {
        "toolkit": version("numbers-toolkit"),
        "schemathesis": version("schemathesis"),
        "hypothesis": version("hypothesis"),
        "python": platform.python_version(),
    }


@dataclass
class GateTotals:
    """What the safety gates of a run saw, added up over processes."""

    exercised: dict[str, dict[str, Any]] = field(default_factory=dict)
    checks_judged: dict[str, int] = field(default_factory=dict)
    checks_failed: dict[str, int] = field(default_factory=dict)
    counters: dict[str, float] = field(default_factory=dict)
    purchases: int = 0

    def add(self, part: dict[str, Any]) -> None:
        """Add one process's `worker_part`."""
        merge_exercised(self.exercised, part.get("exercised", {}))
        for total, more in (
            (self.checks_judged, part.get("checks", {}).get("judged", {})),
            (self.checks_failed, part.get("checks", {}).get("failed", {})),
        ):
            for check, count in more.items():
                total[check] = total.get(check, 0) + int(count)
        for name, value in part.get("counters", {}).items():
            self.counters[name] = self.counters.get(name, 0) + value
        self.purchases += int(part.get("purchases", 0))


def worker_part(
    exercised: dict[str, dict[str, Any]],
    checks: dict[str, Any],
    counters: dict[str, float],
    purchases: int,
) -> dict[str, Any]:
    """What one process's gate saw, as plain JSON (xdist carries it to the controller)."""
    return {
        "exercised": exercised,
        "checks": checks,
        "counters": counters,
        "purchases": purchases,
    }


def verdict(rows: list[Row], findings: list[Finding], failed: bool) -> dict[str, Any]:
    """The run in one line: passed or failed, on how many tests, cases and findings."""
    tests = len(rows)
    cases = sum(row.stats.cases for row in rows if row.stats is not None)
    bad = [row for row in rows if row.outcome in ("failed", "error")]
    if failed or bad or findings:
        line = (
            f"FAILED: {len(findings)} finding{'s' if len(findings) != 1 else ''}, "
            f"{len(bad)} of {tests} tests failed ({cases} cases)"
        )
        return {"passed": False, "line": line}
    skipped = sum(1 for row in rows if row.outcome == "skipped")
    return {
        "passed": True,
        "line": f"PASSED: {tests - skipped} of {tests} tests passed ({cases} cases), no finding",
    }


def checks_table(totals: GateTotals, findings: list[Finding]) -> list[dict[str, Any]]:
    """Every declared check: answers it judged (None where it judges sequences, not answers),
    answers it failed, and the findings filed under it."""
    filed: dict[str, int] = {}
    for finding in findings:
        for check_id in (finding.check, *finding.also):
            filed[check_id] = filed.get(check_id, 0) + 1
    table = []
    for check in REGISTRY.values():
        judged = totals.checks_judged.get(check.id)
        table.append(
            {
                "id": check.id,
                "rule": check.rule,
                "source": check.source,
                "origin": check.origin.value,
                "judged": judged,
                "failed": totals.checks_failed.get(check.id, 0),
                "findings": filed.get(check.id, 0),
            }
        )
    return table


def test_entry(row: Row, findings: list[Finding]) -> dict[str, Any]:
    stats = row.stats
    return {
        "label": row.label,
        "outcome": row.outcome,
        "result": row.result,
        "duration_seconds": round(row.duration, 3),
        "cases": stats.cases if stats is not None else None,
        "xml_answers": stats.xml_answers if stats is not None else None,
        "held_back": dict(stats.held_back) if stats is not None else {},
        "failures": dict(stats.failures) if stats is not None else {},
        "note": row.note,
        "findings": [finding.number for finding in findings if row.label in finding.tests],
    }


@dataclass(frozen=True)
class RunHeader:
    """What the run was: its command, target, profile and seed, when and how long."""

    command: list[str]
    replay: str
    target: str
    embedded: bool
    profile: str
    seed: int
    started: str
    duration_seconds: float
    exit_status: int


def build_record(
    header: RunHeader,
    rows: list[Row],
    findings: list[Finding],
    totals: GateTotals | None,
    safety_lines: list[str],
    clean_up: list[str] | None,
    first_failure_after: int | None = None,
) -> dict[str, Any]:
    """The whole record (`totals` None: nothing was counted, the matrix claims nothing seen)."""
    counters = totals.counters if totals is not None else {}
    return {
        "record_version": RECORD_VERSION,
        "command": header.command,
        "replay": header.replay,
        "target": header.target,
        "embedded": header.embedded,
        "versions": tool_versions(),
        "profile": header.profile,
        "seed": header.seed,
        "started": header.started,
        "duration_seconds": round(header.duration_seconds, 3),
        "exit_status": header.exit_status,
        "verdict": verdict(rows, findings, header.exit_status != 0),
        "tests": [test_entry(row, findings) for row in rows],
        "findings": [finding.to_json() for finding in findings],
        "coverage": coverage(totals.exercised if totals is not None else None, findings),
        "checks": checks_table(totals or GateTotals(), findings),
        "safety": {
            "sent": int(counters.get("sent", 0)),
            "answered": int(counters.get("answers", 0)),
            "without_answer": int(counters.get("dead", 0)),
            "throttled": int(counters.get("throttled", 0)),
            "throttle_wait_seconds": round(float(counters.get("throttle_wait", 0.0)), 3),
            "rate_wait_seconds": round(float(counters.get("rate_wait", 0.0)), 3),
            "purchases": totals.purchases if totals is not None else 0,
            "clean_up": clean_up,
            "lines": [line for line in safety_lines if line],
            "first_failure_after": first_failure_after,
        },
    }


def write_record(record: dict[str, Any], path: Path, mask: Callable[[str], str]) -> None:
    """Write `record` as JSON to `path`, every text masked by `mask` (the run's redactor)."""
    text = mask(json.dumps(record, indent=2, ensure_ascii=False))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema
