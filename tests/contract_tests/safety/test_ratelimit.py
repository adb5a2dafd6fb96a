"""Rates as the option spells them, and the bucket that paces requests to them."""

from __future__ import annotations

import itertools

import pytest

from contract_tests.safety.ratelimit import Rate, TokenBucket, parse_rate


@pytest.mark.parametrize(
    ("text", "rate"),
    [("5/s", Rate(5, 1.0)), ("100/m", Rate(100, 60.0)), ("7/H", Rate(7, 3600.0)), ("none", None)],
)
def test_parse_rate(text: str, rate: Rate | None) -> None:
    assert parse_rate(text) == rate
    if rate is not None:
        assert str(rate) == text.lower()


@pytest.mark.parametrize("text", ["5", "5/d", "x/s", "0/s", "-1/s", ""])
def test_parse_rate_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValueError, match="COUNT/s"):
        parse_rate(text)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_the_bucket_spaces_requests_evenly() -> None:
    clock = FakeClock()
    bucket = TokenBucket(Rate(5, 1.0), clock=clock, sleep=clock.sleep)
    times = []
    for _ in range(11):
        bucket.acquire()
        times.append(clock.now)
    # The first at once, then one every 0.2 s: 11 requests in 2 s, never a burst.
    assert times[0] == 0.0
    assert times[-1] == pytest.approx(2.0)
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert all(gap == pytest.approx(0.2) for gap in gaps)


def test_an_idle_bucket_does_not_save_up_a_burst() -> None:
    clock = FakeClock()
    bucket = TokenBucket(Rate(5, 1.0), clock=clock, sleep=clock.sleep)
    bucket.acquire()
    clock.now = 10.0
    assert bucket.acquire() == 0.0
    assert bucket.acquire() == pytest.approx(0.2)
