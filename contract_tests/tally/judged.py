"""Which answers could be judged at all: a test whose answers were all refusals of the run's own
credentials, 5xx or 429 (or whose cases were all held back) judged nothing, and must not pass.

The safety layer records every final answer here (after its 429 retries); the plugin compares the
tally before and after each test (`since`).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

UNAUTHORIZED = 401
THROTTLED = 429
SERVER_ERROR = 500
JUDGED = "judged"
# Answers to requests sent without the run's credentials (schemathesis' `ignored_auth` probes, the
# harness's own): they judge the refusal of credentials, not what the test is about.
OTHER_CREDENTIALS = "without the run's credentials"


def kind_of(status: int, *, own_credentials: bool) -> str:
    """`JUDGED`, or what kept the answer from being judged: "401", "5xx", "429", or a request
    sent without the run's credentials."""
    if not own_credentials:
        return OTHER_CREDENTIALS
    if status == UNAUTHORIZED:
        return "401"
    if status == THROTTLED:
        return "429"
    if status >= SERVER_ERROR:
        return "5xx"
    return JUDGED


@dataclass
class AnswerKinds:
    counts: Counter[str] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def record(self, status: int, *, own_credentials: bool) -> None:
        with self._lock:
            self.counts[kind_of(status, own_credentials=own_credentials)] += 1

    def snapshot(self) -> Counter[str]:
        with self._lock:
            return Counter(self.counts)

    def since(self, before: Counter[str]) -> Counter[str]:
        """What was recorded after `before` (a `snapshot`)."""
        now = self.snapshot()
        now.subtract(before)
        return +now


def nothing_judged(answers: Counter[str], held_back: int) -> str | None:
    """Why a test that got these answers (and held back `held_back` cases) judged nothing, or None
    when it judged something or sent and held back nothing at all."""
    if answers[JUDGED] or not (sum(answers.values()) or held_back):
        return None
    parts = [f"{kind} x{count}" for kind, count in sorted(answers.items())]
    if held_back:
        parts.append(f"{held_back} case(s) held back")
    meanings = {
        "401": "the run's credentials refused",
        "5xx": "server errors",
        "429": "throttled",
    }
    said = "; ".join(meanings[kind] for kind in sorted(answers) if kind in meanings)
    return (
        f"nothing was judged: {', '.join(parts)}"
        + (f" ({said})" if said else "")
        + "; a test with no judged answer does not pass"
    )
