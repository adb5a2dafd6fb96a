"""One probe per fault: the requests that reveal it, and what they show.

A probe runs against a fresh mock (faulty or not) and returns a value; the fault is observable when
the value differs between the faulty and the unfaulted mock. Probes reuse no state between runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from numbers_mock import MockApp, MockSettings, create_app
from numbers_mock.faults import fault_variant

from ..conftest import OTHER, PRIMARY, AppClient

XML = {"Accept": "text/xml"}
UNKNOWN_NUMBER = {"country": "GB", "msisdn": "440000000000"}


def faulty_client(app: MockApp) -> AppClient:
    """An in-process client of `app` whose errors become 500 answers, as under a server."""
    return AppClient(app, raise_app_exceptions=False)


@contextmanager
def faulty_mock(names: Iterable[str]) -> Iterator[AppClient]:
    """A `faulty_client` of a fresh mock with the named faults; both closed afterwards."""
    app = create_app(MockSettings(), fault_variant(names))
    client = faulty_client(app)
    try:
        yield client
    finally:
        client.close()
        app.close()


Probe = Callable[[AppClient], object]


def search(
    client: AppClient, headers: dict[str, str] | None = None, **params: Any
) -> httpx.Response:
    return client.get("/number/search", params={"country": "GB", **params}, headers=headers)


def search_json(client: AppClient, **params: Any) -> dict[str, Any]:
    response = search(client, **params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def owned_msisdns(client: AppClient, auth: tuple[str, str] = PRIMARY, **params: Any) -> list[str]:
    response = client.get("/account/numbers", params={"size": 100, **params}, auth=auth)
    assert response.status_code == 200, response.text
    return [str(number["msisdn"]) for number in response.json().get("numbers", [])]


def first_available(client: AppClient, index: int = 0, country: str = "GB") -> dict[str, str]:
    number = search_json(client, size=index + 1, country=country)["numbers"][index]
    return {"country": str(number["country"]), "msisdn": str(number["msisdn"])}


def buy(client: AppClient, number: dict[str, str], auth: tuple[str, str] = PRIMARY) -> int:
    return client.post("/number/buy", data=number, auth=auth).status_code


def bought(client: AppClient, index: int = 0, country: str = "GB") -> dict[str, str]:
    number = first_available(client, index, country)
    assert buy(client, number) == 200
    return number


def json_field(client: AppClient) -> object:
    return search_json(client)["count"]


def limitations(client: AppClient) -> object:
    return [number["limitations"] for number in search_json(client, size=100)["numbers"]]


def owned_with_application(client: AppClient) -> object:
    linked, _ = bought(client), bought(client)
    update = {**linked, "app_id": "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"}
    assert client.post("/number/update", data=update).status_code == 200
    return owned_msisdns(client, has_application="true")


def owned_in_one_country(client: AppClient) -> object:
    bought(client, country="GB"), bought(client, country="US")
    return owned_msisdns(client, country="US")


def webhook_after_linking(client: AppClient) -> object:
    number = bought(client)
    webhook = {**number, "moHttpUrl": "https://example.com/webhooks/inbound-sms"}
    assert client.post("/number/update", data=webhook).status_code == 200
    link = {**number, "app_id": "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"}
    assert client.post("/number/update", data=link).status_code == 200
    return [n.get("moHttpUrl") for n in client.get("/account/numbers").json()["numbers"]]


def pattern_at_the_end(client: AppClient) -> object:
    ending = str(search_json(client)["numbers"][0]["msisdn"])[-4:]
    return [n["msisdn"] for n in search_json(client, pattern=ending, search_pattern=2)["numbers"]]


def buy_then_list(client: AppClient) -> object:
    buy(client, first_available(client))
    return owned_msisdns(client)


def buy_cancel_then_list(client: AppClient) -> object:
    number = bought(client)
    client.post("/number/cancel", data=number)
    return owned_msisdns(client)


def list_twice_after_buying(client: AppClient) -> object:
    bought(client)
    return owned_msisdns(client), owned_msisdns(client)


def update_then_list(client: AppClient) -> object:
    number = bought(client)
    client.post("/number/update", data={**number, "app_id": "app-1"})
    response = client.get("/account/numbers")
    return [n.get("app_id") for n in response.json()["numbers"]]


def buy_twice(client: AppClient) -> object:
    return buy(client, bought(client))


def search_after_buying(client: AppClient) -> object:
    number = bought(client)
    return number["msisdn"] in {n["msisdn"] for n in search_json(client, size=100)["numbers"]}


def others_number_on_my_list(client: AppClient) -> object:
    buy(client, first_available(client), auth=OTHER)
    return owned_msisdns(client)


def buy_others_number(client: AppClient) -> object:
    number = first_available(client)
    buy(client, number, auth=OTHER)
    return buy(client, number), owned_msisdns(client, auth=OTHER)


PROBES: dict[str, Probe] = {
    "json-count-as-string": json_field,
    "json-features-as-string": lambda c: search_json(c)["numbers"][0]["features"],
    "json-limitation-without-reach": limitations,
    "json-error-code-as-number": lambda c: c.post("/number/buy", data=UNKNOWN_NUMBER).json(),
    "success-error-code-as-number": lambda c: c.post("/number/buy", data=first_available(c)).json(),
    "owned-mohttpurl-not-a-url": lambda c: [bought(c), c.get("/account/numbers").json()][1],
    "xml-requests-answered-json": lambda c: search(c, headers=XML).headers["content-type"],
    "xml-json-disagree": lambda c: search(c, headers=XML).text,
    "search-refuses-sms-voice": lambda c: search(c, features="SMS,VOICE").status_code,
    "answers-400-to-everything": lambda c: search(c).status_code,
    "xml-count-as-words": lambda c: search(c, headers=XML).text,
    "xml-wrong-root": lambda c: search(c, headers=XML).text,
    "xml-limitations-as-elements": lambda c: search(c, size=100, headers=XML).text,
    "xml-errors-as-json": lambda c: c.post("/number/buy", data=UNKNOWN_NUMBER, headers=XML).text,
    "refusal-as-404": lambda c: c.post("/number/cancel", data=UNKNOWN_NUMBER).status_code,
    "search-empty-as-404": lambda c: search(c, pattern="999999999").status_code,
    "field-errors-as-200": lambda c: c.get("/number/search").status_code,
    "json-as-text-plain": lambda c: search(c).headers["content-type"],
    "xml-as-application-xml": lambda c: search(c, headers=XML).headers["content-type"],
    "auth-ignored": lambda c: c.get("/account/numbers", auth=None).status_code,
    "auth-any-credentials": lambda c: c.get("/account/numbers", auth=("who", "ever")).status_code,
    "crash-on-odd-pattern": lambda c: search(c, pattern="44x").status_code,
    "crash-on-invalid-pattern": lambda c: search(c, pattern="").status_code,
    "crash-past-last-page": lambda c: search(c, index=50).status_code,
    "crash-on-non-ascii-update": lambda c: (
        c.post("/number/update", data={**UNKNOWN_NUMBER, "app_id": "caf\u00e9"}).status_code
    ),
    "search-ignores-type": lambda c: {
        n["type"] for n in search_json(c, type="landline")["numbers"]
    },
    "search-ignores-features": lambda c: [
        n["features"] for n in search_json(c, features="MMS")["numbers"]
    ],
    "search-pattern-always-starts-with": pattern_at_the_end,
    "owned-ignores-has-application": owned_with_application,
    "owned-ignores-country": owned_in_one_country,
    "page-larger-than-size": lambda c: len(search_json(c, size=2)["numbers"]),
    "pages-overlap": lambda c: search_json(c, size=5, index=2)["numbers"],
    "index-from-zero": lambda c: search_json(c, size=5, index=1)["numbers"],
    "count-is-page-length": lambda c: search_json(c, size=5)["count"],
    "count-one-short": json_field,
    "buy-does-nothing": buy_then_list,
    "cancel-does-nothing": buy_cancel_then_list,
    "update-does-nothing": update_then_list,
    "update-drops-mohttpurl": webhook_after_linking,
    "owned-list-stateless": list_twice_after_buying,
    "cancel-unowned-succeeds": lambda c: (
        c.post("/number/cancel", data=first_available(c)).status_code
    ),
    "buy-owned-again-succeeds": buy_twice,
    "search-offers-owned": search_after_buying,
    "owned-list-shows-every-account": others_number_on_my_list,
    "buy-takes-others-numbers": buy_others_number,
}
