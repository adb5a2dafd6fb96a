"""How many answers each check judged, and how many it failed: the reports' table of checks.

Counted where a check is applied: schemathesis' results for every fuzzed answer (`run/loading.py`)
and the judgement under the tests' own clients (`safety/answer_judge.py`). The harness's own rules
(the lifecycle, the paging walk) judge whole sequences, not answers: they count only their
failures, from the findings.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any


class CheckCounts:
    """Per check id: answers judged and answers failed; safe to fill from several threads."""

    def __init__(self) -> None:
        self.judged: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()
        self._lock = threading.Lock()

    def record(self, check: str, *, failed: bool) -> None:
        with self._lock:
            self.judged[check] += 1
            if failed:
                self.failed[check] += 1

    def merge(self, other: dict[str, Any]) -> None:
        """Add the counts of another process (an xdist worker's `to_json`)."""
        with self._lock:
            self.judged.update({str(k): int(v) for k, v in other.get("judged", {}).items()})
            self.failed.update({str(k): int(v) for k, v in other.get("failed", {}).items()})

    def to_json(self) -> dict[str, Any]:
        with self._lock:
            return {"judged": dict(self.judged), "failed": dict(self.failed)}
