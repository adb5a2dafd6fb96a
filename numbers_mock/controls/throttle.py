"""Rate limiting like the real service's: each account may send so many requests a period.

A token bucket per account: it holds `count` tokens (at least one: a burst of that many requests
is fine), refills evenly at `count` tokens per period, and a request that finds it empty is
answered 429 with `Retry-After`, the whole seconds until a token is back. The service's exact
limit and 429 body are not published; the body here has the service's `error-code` style.

Rates are written as the contract harness writes them (`5/s`, `100/m`, `1000/h`, or `none`):
one syntax for both tools, though they share no code (the harness is the mock's tester).
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from numbers_mock.core.replies import Reply, status_reply

__all__ = ["PERIODS", "RateLimit", "Throttle", "parse_rate", "too_many_requests"]

PERIODS = {"s": 1.0, "m": 60.0, "h": 3600.0}
_RATE = re.compile(r"(?P<count>[0-9]+)/(?P<unit>[smh])")
_NO_LIMIT = ("none", "0", "off")


@dataclass(frozen=True)
class RateLimit:
    """`count` requests per `period` seconds per account."""

    count: float
    period: float = 1.0

    def __post_init__(self) -> None:
        if not (self.count > 0 and math.isfinite(self.count)):
            raise ValueError("a rate limit must allow a positive number of requests")
        if not (self.period > 0 and math.isfinite(self.period)):
            raise ValueError("a rate limit's period must be a positive number of seconds")

    @property
    def per_second(self) -> float:
        """How fast the bucket refills."""
        return self.count / self.period

    @property
    def burst(self) -> float:
        """How many requests a full bucket lets through at once."""
        return max(1.0, self.count)


def parse_rate(text: str) -> RateLimit | None:
    """`5/s`, `100/m`, `1000/h`; None for `none`, `0` or `off`. ValueError on anything else."""
    cleaned = text.strip().lower()
    if cleaned in _NO_LIMIT:
        return None
    match = _RATE.fullmatch(cleaned)
    if match is None or int(match["count"]) < 1:
        raise ValueError(f"a rate is COUNT/s, COUNT/m or COUNT/h (or none), not {text!r}")
    return RateLimit(int(match["count"]), PERIODS[match["unit"]])


def too_many_requests(retry_after: float) -> Reply:
    """The 429 answer, with `Retry-After` in whole seconds (at least 1)."""
    seconds = max(1, math.ceil(retry_after))
    reply = status_reply(429, "too many requests")
    return Reply(reply.status, reply.body, {"retry-after": str(seconds)})


class Throttle:
    """One token bucket per account key."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._lock = threading.Lock()
        # key -> (tokens left, when they were counted)
        self._buckets: dict[str, tuple[float, float]] = {}

    def wait_for(self, api_key: str) -> float:
        """0 when `api_key` may send a request now (a token is taken), else seconds to wait."""
        rate = self.limit.per_second
        capacity = self.limit.burst
        now = self._clock()
        with self._lock:
            tokens, counted = self._buckets.get(api_key, (capacity, now))
            tokens = min(capacity, tokens + (now - counted) * rate)
            if tokens >= 1.0:
                self._buckets[api_key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[api_key] = (tokens, now)
            return (1.0 - tokens) / rate

    def reset(self) -> None:
        """Every bucket full again."""
        with self._lock:
            self._buckets.clear()
