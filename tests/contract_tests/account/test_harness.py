"""Which generated cases are sent; the settlement at the end of a run."""

from __future__ import annotations

from typing import Any

import pytest

from contract_tests.account.harness import Harness, parse_form
from contract_tests.run.loading import load_schema
from contract_tests.run.options import HarnessOptions
from contract_tests.run.run_state import RunState
from contract_tests.run.schemathesis_types import AnyCase
from contract_tests.run.target import Target

SCHEMA = load_schema(auth=("key", "secret"))


def harness(
    *, embedded: bool, allow: bool = True, protected: frozenset[str] = frozenset()
) -> Harness:
    options = HarnessOptions(
        target_url=None if embedded else "http://t",
        api_key="key",
        api_secret="secret",
        allow_purchases=allow,
        max_purchases=1,
        seed=1,
    )
    state = RunState.for_options(options)
    state.ledger.protected = protected
    target = Target("http://t", "key", "secret", embedded=embedded, gate=state.gate)
    return Harness(state=state, target=target)


def post(path: str, **form: str) -> AnyCase:
    body: Any = dict(form)
    return SCHEMA[path]["POST"].Case(body=body, media_type="application/x-www-form-urlencoded")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("country=GB&msisdn=447700900000", {"country": ["GB"], "msisdn": ["447700900000"]}),
        (b"msisdn=1&msisdn=2", {"msisdn": ["1", "2"]}),
        ({"msisdn": 44}, {"msisdn": ["44"]}),
        ({"msisdn": [1, 2]}, {"msisdn": ["1", "2"]}),
        (None, {}),
        ("", {}),
    ],
)
def test_parse_form(body: object, expected: dict[str, list[str]]) -> None:
    assert parse_form(body) == expected


def test_buys_stop_at_the_cap_on_a_real_target() -> None:
    run = harness(embedded=False)
    buy = post("/number/buy", country="GB", msisdn="447700900001")
    assert run.admit(buy)
    # The gate takes the slot when the buy is sent, answered or not.
    assert run.ledger.reserve("GB", "447700900001")
    assert not run.admit(buy)
    assert run.stats.for_label("POST /number/buy").not_sent == 1


def test_protected_numbers_are_not_cancelled_or_updated() -> None:
    run = harness(embedded=False, protected=frozenset({"447700900000"}))
    assert not run.admit(post("/number/cancel", country="GB", msisdn="447700900000"))
    assert not run.admit(post("/number/update", country="GB", msisdn="447700900000"))
    assert run.admit(post("/number/cancel", country="GB", msisdn="447700900009"))


def test_nothing_is_held_back_on_the_mock() -> None:
    run = harness(embedded=True, allow=False)
    for _ in range(3):
        assert run.admit(post("/number/buy", country="GB", msisdn="1"))
    assert run.admit(post("/number/cancel", country="GB", msisdn="1"))


def test_the_mock_needs_no_settling() -> None:
    run = harness(embedded=True)
    run.ledger.reserve("GB", "1")
    settlement = run.settle()
    assert settlement.cancelled == [] and settlement.problems == []


def test_a_read_only_run_needs_no_settling() -> None:
    # Nothing was bought (the gate refuses buys without --allow-purchases): no request is sent.
    run = harness(embedded=False, allow=False)
    assert run.settle().lines() == ["cancelled: nothing"]
    assert run.state.gate.counters.sent == 0


def test_the_harness_prints_as_its_target_only() -> None:
    assert repr(harness(embedded=False)) == "Harness(http://t)"
