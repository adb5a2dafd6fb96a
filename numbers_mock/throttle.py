"""Rate limiting like the real service's: each account may send so many requests a second.

A token bucket per account: it holds at most `per_second` tokens, and at least one (a burst of
that many requests is fine), refills at `per_second` tokens a second, and a request that finds it
empty is answered 429 with `Retry-After`, the whole seconds until a token is back. The service's
exact limit and 429 body are not published; the body here has the service's `error-code` style.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from numbers_mock.replies import Reply, status_reply

__all__ = ["RateLimit", "Throttle", "parse_rate", "too_many_requests"]

_RATE = re.compile(r"(?P<count>[0-9]+(?:\.[0-9]+)?)/s")


@dataclass(frozen=True)
class RateLimit:
    """`per_second` requests a second per account."""

    per_second: float

    def __post_init__(self) -> None:
        if not (self.per_second > 0 and math.isfinite(self.per_second)):
            raise ValueError("a rate limit must be a positive number of requests per second")


def parse_rate(text: str) -> RateLimit:
    """`RateLimit` from "N/s" (N may have decimals: "0.5/s" is one request every 2 s)."""
    match = _RATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"expected N/s, like 10/s, not {text!r}")
    return RateLimit(float(match["count"]))


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
        capacity = max(1.0, rate)
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
