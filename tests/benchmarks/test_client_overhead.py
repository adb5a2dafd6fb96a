"""The client benchmark answers both sides with the mock's own bytes (no timing asserted)."""

from __future__ import annotations

import json

import httpx
from httpx_retries import RetryTransport
from numbers_api_client.retries import Retries

from benchmarks.client_overhead import (
    canned_transport,
    capture_answers,
    measure_client_overhead,
    measured_client,
)


def test_the_canned_answers_are_the_mocks() -> None:
    answers = capture_answers()
    status, body = answers["/number/search"]
    assert status == 200 and len(json.loads(body)["numbers"]) == 10
    assert answers["/number/buy"][0] == 420
    with httpx.Client(transport=canned_transport(answers), base_url="http://x") as http:
        assert http.post("/number/buy").status_code == 420


def test_a_tiny_measurement_runs_both_calls() -> None:
    costs = measure_client_overhead(calls=3, rounds=1)
    assert [cost.call for cost in costs] == ["search (10 numbers)", "buy (refused, 420)"]
    assert all(cost.client_us > 0 and cost.raw_us > 0 for cost in costs)


def test_the_client_side_is_measured_with_retries_on() -> None:
    client = measured_client(canned_transport({}))

    assert client.retries == Retries()
    with client:
        assert isinstance(client.get_httpx_client()._transport, RetryTransport)
