from __future__ import annotations

import pytest

from numbers_mock import MockSettings, create_app
from numbers_mock.throttle import RateLimit, Throttle, parse_rate, too_many_requests

from .conftest import OTHER, AppClient


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_of_the_rate_then_one_token_per_interval() -> None:
    clock = Clock()
    throttle = Throttle(RateLimit(2), clock)
    assert [throttle.wait_for("a") for _ in range(2)] == [0.0, 0.0]
    assert throttle.wait_for("a") == pytest.approx(0.5)
    assert throttle.wait_for("b") == 0.0  # another account has its own bucket
    clock.now += 0.5
    assert throttle.wait_for("a") == 0.0
    assert throttle.wait_for("a") > 0
    throttle.reset()
    assert throttle.wait_for("a") == 0.0


@pytest.mark.parametrize(("text", "rate"), [("10/s", 10.0), ("0.5/s", 0.5), (" 3/s ", 3.0)])
def test_parse_rate(text: str, rate: float) -> None:
    assert parse_rate(text) == RateLimit(rate)


@pytest.mark.parametrize("text", ["10", "10/m", "-1/s", "0/s", "x/s", "1e3/s"])
def test_bad_rates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rate(text)


def test_retry_after_is_whole_seconds_at_least_one() -> None:
    assert too_many_requests(0.01).headers == {"retry-after": "1"}
    assert too_many_requests(2.2).headers == {"retry-after": "3"}
    assert too_many_requests(1).body == {
        "error-code": "429",
        "error-code-label": "too many requests",
    }


def test_the_mock_answers_429_with_retry_after_per_account() -> None:
    app = create_app(MockSettings(rate_limit=RateLimit(0.5)))
    client, other = AppClient(app), AppClient(app, auth=OTHER)
    try:
        assert client.get("/number/search", params={"country": "GB"}).status_code == 200
        throttled = client.get("/number/search", params={"country": "GB"})
        assert throttled.status_code == 429
        assert throttled.headers["retry-after"] == "2"
        assert throttled.json() == {"error-code": "429", "error-code-label": "too many requests"}
        # Every operation counts for the account; other accounts are not slowed down.
        assert client.get("/account/numbers").status_code == 429
        assert other.get("/account/numbers").status_code == 200
        # Health and admin routes are never throttled.
        assert client.get("/_mock/health").status_code == 200
        client.post("/_mock/reset")
        assert client.get("/account/numbers").status_code == 200
    finally:
        client.close()
        other.close()
        app.close()
