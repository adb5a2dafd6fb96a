"""What each operation's run did: cases sent, answers in XML, distinct failures by check.

Filled per process (each xdist worker has its own) and handed to the reporting side as plain JSON
through pytest's `user_properties`, which xdist carries to the controller.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# Enough to act on; the rest is in the per-test failure output and the JUnit report.
MAX_EXAMPLES_PER_OPERATION = 3


@dataclass(frozen=True)
class FailureExample:
    check: str
    title: str
    message: str
    reproduction: str

    def to_json(self) -> dict[str, str]:
        return {
            "check": self.check,
            "title": self.title,
            "message": self.message,
            "reproduction": self.reproduction,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FailureExample:
        return cls(
            check=str(data["check"]),
            title=str(data["title"]),
            message=str(data["message"]),
            reproduction=str(data["reproduction"]),
        )


@dataclass
class OperationStats:
    """One operation's (or one stateful test's) tally."""

    cases: int = 0
    xml_answers: int = 0
    # Why cases were not sent ("purchase cap", ...) -> how many.
    held_back: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    examples: list[FailureExample] = field(default_factory=list)
    _seen: set[tuple[str, str, str]] = field(default_factory=set)

    @property
    def not_sent(self) -> int:
        return sum(self.held_back.values())

    def hold_back(self, reason: str) -> None:
        self.held_back[reason] += 1

    def record_case(self, *, xml: bool) -> None:
        self.cases += 1
        self.xml_answers += int(xml)

    def record_failure(self, check: str, title: str, message: str, reproduction: str) -> None:
        # Hypothesis replays a failing case while shrinking; count each distinct failure once.
        key = (check, title, message)
        if key in self._seen:
            return
        self._seen.add(key)
        self.failures[check] += 1
        if len(self.examples) < MAX_EXAMPLES_PER_OPERATION:
            self.examples.append(FailureExample(check, title, message, reproduction))

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "xml_answers": self.xml_answers,
            "held_back": dict(self.held_back),
            "failures": dict(self.failures),
            "examples": [example.to_json() for example in self.examples],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OperationStats:
        return cls(
            cases=int(data["cases"]),
            xml_answers=int(data["xml_answers"]),
            held_back=Counter({str(k): int(v) for k, v in data["held_back"].items()}),
            failures=Counter({str(k): int(v) for k, v in data["failures"].items()}),
            examples=[FailureExample.from_json(example) for example in data["examples"]],
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
