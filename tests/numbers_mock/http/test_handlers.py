"""The operations' behaviour, driven through the app in-process."""

from __future__ import annotations

from typing import Any

import pytest

from numbers_mock import OTHER_ACCOUNT, PRIMARY_ACCOUNT, TEST_APPLICATION_IDS, MockApp
from numbers_mock import SUBACCOUNT as SUBACCOUNT_ACCOUNT
from numbers_mock.state.inventory import generate_inventory

from ..conftest import OTHER, SUBACCOUNT, AppClient, buy, first_available, owned, search

INVENTORY = generate_inventory(0)
SUCCESS = {"error-code": "200", "error-code-label": "success"}
FAILED = {"error-code": "420", "error-code-label": "method failed"}


def msisdns(body: dict[str, Any]) -> list[str]:
    return [number["msisdn"] for number in body.get("numbers", [])]


def expected(**filters: Any) -> list[str]:
    wanted = set(filters.pop("features", "").split(",")) - {""}
    return [
        n.msisdn
        for n in INVENTORY
        if all(getattr(n, key) == value for key, value in filters.items())
        and wanted <= set(n.features)
    ]


def test_search_defaults_to_ten_and_counts_every_match(client: AppClient) -> None:
    body = search(client, country="FR")
    assert body["count"] == len(expected(country="FR")) == 24
    assert msisdns(body) == expected(country="FR")[:10]


@pytest.mark.parametrize(
    "filters",
    [
        {"type": "landline-toll-free"},
        {"type": "mobile-lvn", "features": "SMS,MMS"},
        {"features": "VOICE"},
        {"features": "SMS,MMS,VOICE"},
    ],
)
def test_search_filters(client: AppClient, filters: dict[str, str]) -> None:
    body = search(client, country="US", size=100, **filters)
    assert msisdns(body) == expected(country="US", **filters)
    assert body["count"] == len(msisdns(body)) > 0


def test_search_paging_is_one_based(client: AppClient) -> None:
    everything = expected(country="DE")
    assert msisdns(search(client, country="DE", size=5, index=1)) == everything[:5]
    assert msisdns(search(client, country="DE", size=5, index=2)) == everything[5:10]
    assert msisdns(search(client, country="DE", size=100)) == everything
    beyond = search(client, country="DE", size=5, index=99)
    # As the real service answers a page past the end (shared/reference: `{}`).
    assert beyond == {}


@pytest.mark.parametrize(
    ("mode", "pattern", "keep"),
    [
        ("0", "4474", str.startswith),
        ("1", "65", str.__contains__),
        ("2", "9", str.endswith),
    ],
)
def test_search_pattern_modes(client: AppClient, mode: str, pattern: str, keep: Any) -> None:
    body = search(client, country="GB", pattern=pattern, search_pattern=mode, size=100)
    wanted = [msisdn for msisdn in expected(country="GB") if keep(msisdn, pattern)]
    assert 0 < len(wanted) < len(expected(country="GB"))
    assert msisdns(body) == wanted and body["count"] == len(wanted)


def test_search_pattern_defaults_to_starts_with(client: AppClient) -> None:
    body = search(client, country="US", pattern="1201")
    assert body["count"] == len([m for m in expected(country="US") if m.startswith("1201")]) > 0
    assert search(client, country="US", pattern="201")["count"] == 0


def test_empty_search_and_empty_list(client: AppClient) -> None:
    assert search(client, country="GB", pattern="999999") == {"count": 0, "numbers": []}
    # The owned list answers an empty result with {} (the real service has been seen giving both).
    assert owned(client) == {}


def test_lifecycle_buy_update_list_cancel(client: AppClient) -> None:
    number = first_available(client, "GB", type="mobile-lvn")
    assert buy(client, number).json() == SUCCESS
    assert number["msisdn"] not in msisdns(search(client, country="GB", size=100))

    app_id = TEST_APPLICATION_IDS[0]
    update = {
        "country": "GB",
        "msisdn": number["msisdn"],
        "app_id": app_id,
        "moHttpUrl": "https://example.com/inbound",
        "moSmppSysType": "inbound",
        "voiceCallbackType": "sip",
        "voiceCallbackValue": "sip:a@example.com",
        "voiceStatusCallback": "https://example.com/status",
        "messagesCallbackType": "app",
        "messagesCallbackValue": app_id,
    }
    assert client.post("/number/update", data=update).json() == SUCCESS
    (listed,) = owned(client)["numbers"]
    assert listed == {
        "country": "GB",
        "msisdn": number["msisdn"],
        "moHttpUrl": "https://example.com/inbound",
        "type": "mobile-lvn",
        "features": number["features"],
        "limitations": number["limitations"],
        "messagesCallbackType": "app",
        "messagesCallbackValue": app_id,
        "voiceCallbackType": "sip",
        "voiceCallbackValue": "sip:a@example.com",
        "app_id": app_id,
    }

    # An empty moHttpUrl removes it; fields not sent stay as they were.
    removal = {"country": "GB", "msisdn": number["msisdn"], "moHttpUrl": ""}
    assert client.post("/number/update", data=removal).json() == SUCCESS
    (listed,) = owned(client)["numbers"]
    assert "moHttpUrl" not in listed and listed["voiceCallbackType"] == "sip"

    cancel = {"country": "GB", "msisdn": number["msisdn"]}
    assert client.post("/number/cancel", data=cancel).json() == SUCCESS
    assert owned(client) == {}
    assert number["msisdn"] in msisdns(search(client, country="GB", size=100))


def test_list_filters(client: AppClient) -> None:
    numbers = search(client, country="NL", size=3)["numbers"]
    for number in numbers:
        assert buy(client, number).status_code == 200
    first, second, third = (n["msisdn"] for n in numbers)
    client.post("/number/update", data={"country": "NL", "msisdn": first, "app_id": "app-1"})
    client.post("/number/update", data={"country": "NL", "msisdn": second, "app_id": "app-2"})

    assert owned(client)["count"] == 3
    assert msisdns(owned(client, application_id="app-2")) == [second]
    assert msisdns(owned(client, has_application="true")) == [first, second]
    assert msisdns(owned(client, has_application="false")) == [third]
    assert msisdns(owned(client, country="NL", pattern=third[-3:], search_pattern=2)) == [third]
    assert owned(client, country="GB") == {}
    page = owned(client, size=2, index=2)
    assert page["count"] == 3 and msisdns(page) == [third]


@pytest.mark.parametrize(
    "form",
    [
        {"country": "GB", "msisdn": "447000000000"},  # not in the inventory
        {"country": "DE", "msisdn": "<gb>"},  # a GB number with another country
        {"country": "GB", "msisdn": "+<gb>"},  # not E.164 without '+'
    ],
)
def test_refused_purchases_answer_420(client: AppClient, form: dict[str, str]) -> None:
    number = first_available(client, "GB")
    form = {key: value.replace("<gb>", number["msisdn"]) for key, value in form.items()}
    response = client.post("/number/buy", data=form)
    assert (response.status_code, response.json()) == (420, FAILED)
    assert number["msisdn"] in msisdns(search(client, country="GB", size=100))


def test_owned_numbers_cannot_be_bought_again(app: MockApp, client: AppClient) -> None:
    number = first_available(client, "GB")
    assert buy(client, number).status_code == 200
    assert buy(client, number).status_code == 420
    other = AppClient(app, auth=OTHER)
    try:
        assert buy(other, number).status_code == 420
    finally:
        other.close()


def test_accounts_never_see_or_change_each_others_numbers(app: MockApp, client: AppClient) -> None:
    number = first_available(client, "IE")
    buy(client, number)
    other = AppClient(app, auth=OTHER)
    try:
        assert owned(other) == {}
        form = {"country": "IE", "msisdn": number["msisdn"]}
        assert other.post("/number/update", data={**form, "app_id": "x"}).status_code == 420
        assert other.post("/number/cancel", data=form).status_code == 420
    finally:
        other.close()
    (listed,) = owned(client)["numbers"]
    assert "app_id" not in listed
    assert app.store.owner_of(number["msisdn"]) == PRIMARY_ACCOUNT.api_key


def test_subaccount_purchases_through_target_api_key(app: MockApp, client: AppClient) -> None:
    number = first_available(client, "SE")
    assert buy(client, number, target_api_key=SUBACCOUNT_ACCOUNT.api_key).json() == SUCCESS
    assert owned(client) == {}
    sub = AppClient(app, auth=SUBACCOUNT)
    try:
        assert msisdns(owned(sub)) == [number["msisdn"]]
        # The subaccount may not act on its parent, nor on an unrelated account.
        another = first_available(sub, "SE")
        assert buy(sub, another, target_api_key=PRIMARY_ACCOUNT.api_key).status_code == 420
        assert buy(sub, another, target_api_key=OTHER_ACCOUNT.api_key).status_code == 420
    finally:
        sub.close()
    cancel = {
        "country": "SE",
        "msisdn": number["msisdn"],
        "target_api_key": SUBACCOUNT_ACCOUNT.api_key,
    }
    assert client.post("/number/cancel", data=cancel).json() == SUCCESS
    assert app.store.owner_of(number["msisdn"]) is None


def test_target_api_key_of_an_unrelated_account_is_refused(client: AppClient) -> None:
    number = first_available(client, "BE")
    response = buy(client, number, target_api_key=OTHER_ACCOUNT.api_key)
    assert (response.status_code, response.json()) == (420, FAILED)
    assert buy(client, number, target_api_key="nobody").status_code == 420
    assert search(client, country="BE", pattern=number["msisdn"])["count"] == 1
