"""What each operation's run did: cases sent, answers in XML, distinct failures by check, and the
findings (`findings.Finding`) behind them.

Filled per process (each xdist worker has its own) and handed to the reporting side as plain JSON
through pytest's `user_properties`, which xdist carries to the controller.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from contract_tests.tally.findings import Finding

# Enough to act on: a test failing many distinct ways keeps its first few findings (every failure
# is still counted by check).
MAX_FINDINGS_PER_TEST = 5


@dataclass
class OperationStats:
    """One operation's (or one stateful test's) tally."""

    cases: int = 0
    xml_answers: int = 0
    # Why cases were not sent ("purchase cap", ...) -> how many.
    held_back: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    _seen: dict[tuple[str, str, str], int] = field(default_factory=dict)

    @property
    def not_sent(self) -> int:
        return sum(self.held_back.values())

    def hold_back(self, reason: str) -> None:
        self.held_back[reason] += 1

    def record_case(self, *, xml: bool) -> None:
        self.cases += 1
        self.xml_answers += int(xml)

    def record_failure(self, finding: Finding) -> None:
        """Count a failure once per distinct (check, summary, detail).

        Hypothesis replays a failing case while it shrinks it, the last time with the smallest case:
        a repeat replaces the kept finding's exchange, so the finding shows the shrunk request.
        """
        key = finding.same_test_key
        index = self._seen.get(key)
        if index is not None:
            if index >= 0:
                self.findings[index] = finding
            return
        self.failures[finding.check] += 1
        if len(self.findings) < MAX_FINDINGS_PER_TEST:
            self._seen[key] = len(self.findings)
            self.findings.append(finding)
        else:
            self._seen[key] = -1

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "xml_answers": self.xml_answers,
            "held_back": dict(self.held_back),
            "failures": dict(self.failures),
            "findings": [finding.to_json() for finding in self.findings],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OperationStats:
        return cls(
            cases=int(data["cases"]),
            xml_answers=int(data["xml_answers"]),
            held_back=Counter({str(k): int(v) for k, v in data["held_back"].items()}),
            failures=Counter({str(k): int(v) for k, v in data["failures"].items()}),
            findings=[Finding.from_json(finding) for finding in data["findings"]],
        )


class RunStats:
    """Tallies by label ("GET /number/search", ...), safe to fill from several threads."""

    def __init__(self) -> None:
        self._by_label: dict[str, OperationStats] = {}
        self._lock = threading.Lock()

    def for_label(self, label: str) -> OperationStats:
        with self._lock:
            return self._by_label.setdefault(label, OperationStats())

    def take(self, label: str) -> OperationStats | None:
        """Remove and return a label's tally (a test item reports its own, then starts afresh)."""
        with self._lock:
            return self._by_label.pop(label, None)
