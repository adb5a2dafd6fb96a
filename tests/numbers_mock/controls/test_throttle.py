from __future__ import annotations

import pytest

from numbers_mock import MockSettings, create_app
from numbers_mock.controls.throttle import RateLimit, Throttle, parse_rate, too_many_requests

from ..conftest import OTHER, AppClient


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


def test_a_rate_per_minute_is_a_burst_of_its_count_then_an_even_refill() -> None:
    clock = Clock()
    throttle = Throttle(RateLimit(3, 60.0), clock)
    assert [throttle.wait_for("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert throttle.wait_for("a") == pytest.approx(20.0)
    clock.now += 20.0
    assert throttle.wait_for("a") == 0.0
    assert throttle.wait_for("a") == pytest.approx(20.0)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("10/s", RateLimit(10, 1.0)),
        ("100/m", RateLimit(100, 60.0)),
        ("1000/h", RateLimit(1000, 3600.0)),
        (" 3/S ", RateLimit(3, 1.0)),
        ("none", None),
        ("None", None),
        ("0", None),
        ("off", None),
    ],
)
def test_parse_rate_takes_the_harness_syntax(text: str, rate: RateLimit | None) -> None:
    assert parse_rate(text) == rate


@pytest.mark.parametrize(
    "text", ["10", "-1/s", "0/s", "x/s", "1e3/s", "0.5/s", "5/d", "5/", "/s", "\u0661\u0660/s", ""]
)
def test_bad_rates(text: str) -> None:
    with pytest.raises(ValueError, match="a rate is COUNT/s, COUNT/m or COUNT/h"):
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
