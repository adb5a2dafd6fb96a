"""A pacing token bucket: requests at most `count` per `period`, spaced evenly (no bursts).

With room for one token only, any second holds at most `count + 1` requests for a per-second
rate, and a run of N requests takes at least (N - 1) / rate seconds: what a server's rate limit
sees is what was asked for.

Hand-written rather than pyrate-limiter (which schemathesis pulls in): the harness needs one
bucket, in one process, whose wait is a plain `time.sleep` that Ctrl-C interrupts; that is a dozen
lines, while pyrate-limiter 4's blocking acquire is built for buckets shared between processes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

PERIODS = {"s": 1.0, "m": 60.0, "h": 3600.0}


@dataclass(frozen=True)
class Rate:
    count: int
    period: float

    def __str__(self) -> str:
        unit = next(name for name, seconds in PERIODS.items() if seconds == self.period)
        return f"{self.count}/{unit}"


def parse_rate(text: str) -> Rate | None:
    """`5/s`, `100/m`, `1000/h`; `none` or `0` for no limit. ValueError on anything else."""
    cleaned = text.strip().lower()
    if cleaned in ("none", "0", "off"):
        return None
    count_text, _, unit = cleaned.partition("/")
    if not count_text.isdigit() or int(count_text) < 1 or unit not in PERIODS:
        raise ValueError(f"a rate is COUNT/s, COUNT/m or COUNT/h (or none), got {text!r}")
    return Rate(int(count_text), PERIODS[unit])


class TokenBucket:
    def __init__(
        self,
        rate: Rate,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._capacity = 1.0
        self._per_second = rate.count / rate.period
        self._tokens = self._capacity
        self._clock = clock
        self._sleep = sleep
        self._updated = clock()
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Wait for a token; how long it waited."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                self._tokens = min(
                    self._capacity, self._tokens + (now - self._updated) * self._per_second
                )
                self._updated = now
                # A hair under one token is one: float rounding must not make a wait of nothing.
                if self._tokens >= 1 - 1e-9:
                    self._tokens = max(0.0, self._tokens - 1)
                    return waited
                pause = (1 - self._tokens) / self._per_second
            self._sleep(pause)
            waited += pause
