"""The traffic's state rules over made-up exchanges (no server), and their bounds."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from contract_tests.judging.document import judged_document
from numbers_proxy.exchange import Request
from numbers_proxy.judge import ExchangeJudge
from numbers_proxy.traffic import Limits

FORM = "application/x-www-form-urlencoded"


def auth(key: str = "key01234") -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"{key}:secret0123".encode()).decode()}


class Wire:
    """Exchanges one after the other, each answered before the next is sent."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.judge = ExchangeJudge(judged_document(), limits)

    def send(
        self, method: str, target: str, body: str, status: int, answer: Any, key: str = "key01234"
    ) -> list[str]:
        path, _, query = target.partition("?")
        headers = {**auth(key), **({"content-type": FORM} if body else {})}
        request, verdict = self.judge.arrived(Request(method, path, query, headers, body.encode()))
        exchange = self.judge.answered(
            request, verdict, status, "application/json", json.dumps(answer).encode(), 1.0
        )
        return [f.check for f in exchange.findings]


OK = {"error-code": "200", "error-code-label": "success"}


def number(msisdn: str, **fields: Any) -> dict[str, Any]:
    return {"country": "GB", "msisdn": msisdn, "type": "mobile-lvn", "features": ["SMS"], **fields}


def page(*numbers: dict[str, Any], count: int | None = None) -> dict[str, Any]:
    return {"count": len(numbers) if count is None else count, "numbers": list(numbers)}


def test_a_purchase_must_show_up() -> None:
    wire = Wire()
    assert wire.send("POST", "/number/buy", "country=GB&msisdn=447700900001", 200, OK) == []
    assert wire.send("GET", "/account/numbers", "", 200, page()) == ["purchase_shows_up"]
    # Said once.
    assert wire.send("GET", "/account/numbers", "", 200, page()) == []


def test_a_purchase_of_another_country_is_not_expected_in_a_filtered_list() -> None:
    wire = Wire()
    wire.send("POST", "/number/buy", "country=GB&msisdn=447700900001", 200, OK)
    assert wire.send("GET", "/account/numbers?country=US", "", 200, page()) == []
    assert wire.send("GET", "/account/numbers?pattern=999", "", 200, page()) == []


def test_a_cancel_must_remove() -> None:
    wire = Wire()
    wire.send("POST", "/number/cancel", "country=GB&msisdn=447700900001", 200, OK)
    assert wire.send("GET", "/account/numbers", "", 200, page(number("447700900001"))) == [
        "cancel_removes"
    ]


def test_an_update_must_show_and_keep_the_rest() -> None:
    wire = Wire()
    url = "https://example.com/in"
    wire.send("GET", "/account/numbers", "", 200, page(number("447700900001", moHttpUrl=url)))
    wire.send("POST", "/number/update", "country=GB&msisdn=447700900001&app_id=app1", 200, OK)
    shown = number("447700900001", moHttpUrl=url, app_id="app1")
    assert wire.send("GET", "/account/numbers", "", 200, page(shown)) == []
    wire.send("POST", "/number/update", "country=GB&msisdn=447700900001&app_id=app2", 200, OK)
    clobbered = number("447700900001", app_id="app2")
    assert wire.send("GET", "/account/numbers", "", 200, page(clobbered)) == ["owned_fields_kept"]
    wire.send("POST", "/number/update", "country=GB&msisdn=447700900001&app_id=app3", 200, OK)
    ignored = number("447700900001", app_id="app2")
    assert wire.send("GET", "/account/numbers", "", 200, page(ignored)) == ["update_shows"]


def test_an_empty_webhook_removes_it() -> None:
    wire = Wire()
    url = "https://example.com/in"
    wire.send("GET", "/account/numbers", "", 200, page(number("447700900001", moHttpUrl=url)))
    wire.send("POST", "/number/update", "country=GB&msisdn=447700900001&moHttpUrl=", 200, OK)
    assert wire.send("GET", "/account/numbers", "", 200, page(number("447700900001"))) == []


def test_accounts_are_apart() -> None:
    wire = Wire()
    wire.send("POST", "/number/buy", "country=GB&msisdn=447700900001", 200, OK)
    assert wire.send("GET", "/account/numbers", "", 200, page(), key="other0123") == []


def test_a_search_must_not_offer_what_the_account_owns() -> None:
    wire = Wire()
    wire.send("POST", "/number/buy", "country=GB&msisdn=447700900001", 200, OK)
    found = wire.send("GET", "/number/search?country=GB", "", 200, page(number("447700900001")))
    assert found == ["search_excludes_owned"]


def test_a_page_walk_holds_each_number_once() -> None:
    wire = Wire()
    first = page(number("447700900001"), number("447700900002"), count=3)
    again = page(number("447700900002"), count=3)
    assert wire.send("GET", "/number/search?country=GB&size=2&index=1", "", 200, first) == []
    found = wire.send("GET", "/number/search?country=GB&size=2&index=2", "", 200, again)
    assert found == ["pages_hold_each_number_once"]


def test_a_refused_or_failed_change_changes_nothing() -> None:
    wire = Wire()
    refused = {"error-code": "420", "error-code-label": "method failed"}
    wire.send("POST", "/number/buy", "country=GB&msisdn=447700900001", 420, refused)
    assert wire.send("GET", "/account/numbers", "", 200, page()) == []


@pytest.mark.parametrize("accounts", [50])
def test_the_state_stays_within_its_limits(accounts: int) -> None:
    limits = Limits(accounts=10, numbers=20, walks=2)
    wire = Wire(limits)
    for a in range(accounts):
        for n in range(40):
            wire.send(
                "POST", "/number/buy", f"country=GB&msisdn=4477009{n:05d}", 200, OK, f"key{a:05d}"
            )
        # Five walks begun, each with another filter the listed number matches.
        for digit in "47091":
            wire.send(
                "GET",
                f"/account/numbers?pattern={digit}&search_pattern=1&size=1&index=1",
                "",
                200,
                page(number("447700900001"), count=9),
                f"key{a:05d}",
            )
    assert wire.judge.traffic.held() == {"accounts": 10, "numbers": 20, "walks": 2}
