"""Which generated cases are sent, and what a sent case bought or cancelled."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from schemathesis import Response

from contract_tests.harness import Harness, parse_form
from contract_tests.loading import load_schema
from contract_tests.options import HarnessOptions
from contract_tests.purchases import PurchaseGuard
from contract_tests.schemathesis_types import AnyCase
from contract_tests.stats import RunStats
from contract_tests.target import Target

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
    guard = PurchaseGuard(
        embedded=embedded, allow_purchases=allow, max_purchases=1, protected=protected
    )
    target = Target("http://t", "key", "secret", embedded=embedded)
    return Harness(options=options, target=target, guard=guard, stats=RunStats())


def post(path: str, **form: str) -> AnyCase:
    body: Any = dict(form)
    return SCHEMA[path]["POST"].Case(body=body, media_type="application/x-www-form-urlencoded")


def sent(status: int, path: str, body: str) -> Response:
    request = httpx.Request("POST", f"http://t{path}", content=body.encode())
    raw = httpx.Response(status, content=b"{}", request=request)
    raw.elapsed = timedelta(0)
    return Response.from_httpx(raw, verify=True)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("country=GB&msisdn=447700900000", {"country": ["GB"], "msisdn": ["447700900000"]}),
        (b"msisdn=1&msisdn=2", {"msisdn": ["1", "2"]}),
        ({"msisdn": 44}, {"msisdn": ["44"]}),
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
    run.observe(buy, sent(200, "/number/buy", "country=GB&msisdn=447700900001"))
    assert not run.admit(buy)
    assert run.stats.for_label("POST /number/buy").not_sent == 1
    assert [p.msisdn for p in run.guard.outstanding()] == ["447700900001"]


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


def test_a_successful_cancel_settles_a_purchase() -> None:
    run = harness(embedded=False)
    run.guard.record_purchase("GB", "447700900001")
    cancel = post("/number/cancel", country="GB", msisdn="447700900001")
    run.observe(cancel, sent(420, "/number/cancel", "country=GB&msisdn=447700900001"))
    assert run.guard.outstanding()
    run.observe(cancel, sent(200, "/number/cancel", "country=GB&msisdn=447700900001"))
    assert run.guard.outstanding() == []


def test_the_mock_needs_no_settling() -> None:
    run = harness(embedded=True)
    run.guard.record_purchase("GB", "1")
    assert run.settle() == []
