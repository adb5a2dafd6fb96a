"""Account changes that lie and an owned list without state: what they do, and what they keep."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from ..conftest import AppClient
from .probes import bought, faulty_mock, owned_msisdns, search_json

WEBHOOK = "https://example.com/webhooks/inbound-sms"
APPLICATION = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"

Faulty = Callable[[str], AppClient]


@pytest.fixture
def faulty() -> Iterator[Faulty]:
    """Clients of fresh mocks, each with one fault; all closed at the end."""
    with ExitStack() as opened:
        yield lambda name: opened.enter_context(faulty_mock([name]))


def listed(client: AppClient) -> dict[str, dict[str, Any]]:
    numbers = client.get("/account/numbers").json()["numbers"]
    return {str(number["msisdn"]): number for number in numbers}


def test_an_update_without_mohttpurl_removes_it(faulty: Faulty) -> None:
    client = faulty("update-drops-mohttpurl")
    number = bought(client)
    assert client.post("/number/update", data={**number, "moHttpUrl": WEBHOOK}).status_code == 200
    assert listed(client)[number["msisdn"]]["moHttpUrl"] == WEBHOOK
    assert client.post("/number/update", data={**number, "app_id": APPLICATION}).status_code == 200
    shown = listed(client)[number["msisdn"]]
    # What was sent is stored; what was not is gone.
    assert shown["app_id"] == APPLICATION
    assert "moHttpUrl" not in shown


def test_an_update_sending_mohttpurl_stores_it(faulty: Faulty) -> None:
    client = faulty("update-drops-mohttpurl")
    number = bought(client)
    update = {**number, "app_id": APPLICATION, "moHttpUrl": WEBHOOK}
    assert client.post("/number/update", data=update).status_code == 200
    shown = listed(client)[number["msisdn"]]
    assert (shown["app_id"], shown["moHttpUrl"]) == (APPLICATION, WEBHOOK)
    # Numbers the account does not own are still refused.
    unknown = {"country": "GB", "msisdn": "440000000000", "app_id": APPLICATION}
    assert client.post("/number/update", data=unknown).status_code == 420


def test_the_stateless_owned_list_makes_up_another_number_each_time(faulty: Faulty) -> None:
    client = faulty("owned-list-stateless")
    number = bought(client)
    first, second = owned_msisdns(client), owned_msisdns(client)
    assert len(first) == len(second) == 1
    assert first != second
    assert number["msisdn"] not in first + second
    # The made-up numbers are nobody's: search never offers them.
    pool = {str(n["msisdn"]) for n in search_json(client, size=100)["numbers"]}
    assert not pool & {*first, *second}


def test_the_stateless_owned_list_ignores_cancels_and_keeps_no_module_state(
    faulty: Faulty,
) -> None:
    client = faulty("owned-list-stateless")
    number = bought(client)
    assert client.post("/number/cancel", data=number).status_code == 200
    assert len(owned_msisdns(client)) == 1
    # A second app starts its own count: what one app served does not leak into another.
    assert owned_msisdns(faulty("owned-list-stateless")) == owned_msisdns(
        faulty("owned-list-stateless")
    )
