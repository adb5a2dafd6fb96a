from __future__ import annotations

import time
from typing import Any

import pytest

from numbers_mock.controls.scripts import Script, ScriptBook, ScriptError

from ..conftest import OTHER, PRIMARY, AppClient, first_available

OPERATIONS = ("getAvailableNumbers", "buyANumber")


def test_a_script_is_used_up_in_order() -> None:
    book = ScriptBook()
    book.add(Script("buyANumber", 2, account="a", status=420))
    book.add(Script("*", 1, status=500))
    assert book.take("buyANumber", "b") == Script("*", 1, None, 500)
    assert book.take("buyANumber", "b") is None
    first = book.take("buyANumber", "a")
    assert first is not None and first.status == 420
    assert book.pending() == [
        {"operation": "buyANumber", "count": 1, "account": "a", "status": 420}
    ]
    book.take("buyANumber", "a")
    assert book.pending() == []


def test_clear_one_account_or_all() -> None:
    book = ScriptBook()
    book.add(Script("buyANumber", 1, account="a", status=420))
    book.add(Script("buyANumber", 1, status=420))
    assert book.clear("a") == 1
    assert len(book.pending()) == 1
    assert book.clear() == 1


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        ([], {"body"}),
        ({"operation": "nope", "status": 420}, {"operation"}),
        ({"operation": "buyANumber"}, {"status"}),
        ({"operation": "buyANumber", "status": 420, "delay_ms": 5}, {"status"}),
        ({"operation": "buyANumber", "status": 404}, {"status"}),
        ({"operation": "buyANumber", "delay_ms": -1}, {"delay_ms"}),
        ({"operation": "buyANumber", "delay_ms": True}, {"delay_ms"}),
        ({"operation": "buyANumber", "status": 420, "count": 0}, {"count"}),
        ({"operation": "buyANumber", "status": 420, "account": ""}, {"account"}),
        ({"operation": "buyANumber", "status": 420, "colour": "red"}, {"colour"}),
    ],
)
def test_bad_scripts_name_their_fields(data: object, fields: set[str]) -> None:
    with pytest.raises(ScriptError) as refused:
        Script.from_json(data, OPERATIONS)
    assert set(refused.value.fields) == fields


def set_script(client: AppClient, **script: Any) -> None:
    response = client.post("/_mock/scripts", json=script)
    assert response.status_code == 201, response.text


def test_scripted_statuses_per_operation_and_account(client: AppClient) -> None:
    number = first_available(client, country="GB")
    form = {"country": "GB", "msisdn": number["msisdn"]}
    set_script(client, operation="buyANumber", account=PRIMARY[0], status=420, count=2)
    set_script(client, operation="getAvailableNumbers", status=429)
    assert client.get("/_mock/scripts").json()["scripts"][0]["count"] == 2
    for _ in range(2):
        refused = client.post("/number/buy", data=form)
        assert (refused.status_code, refused.json()["error-code"]) == (420, "420")
    throttled = client.get("/number/search", params={"country": "GB"})
    assert (throttled.status_code, throttled.headers["retry-after"]) == (429, "1")
    assert client.post("/number/buy", data=form).status_code == 200
    assert client.get("/_mock/scripts").json() == {"scripts": []}


def test_a_script_for_another_account_leaves_this_one_alone(client: AppClient) -> None:
    set_script(client, operation="*", account=OTHER[0], status=500)
    assert client.get("/account/numbers").status_code == 200
    other = AppClient(client_app(client), auth=OTHER)
    try:
        failed = other.get("/account/numbers")
        assert (failed.status_code, failed.json()["error-code"]) == (500, "500")
    finally:
        other.close()


def client_app(client: AppClient) -> Any:
    return client._client._transport.app  # type: ignore[attr-defined]


def test_a_scripted_delay_then_the_real_answer(client: AppClient) -> None:
    set_script(client, operation="getOwnedNumbers", delay_ms=300)
    started = time.monotonic()
    assert client.get("/account/numbers").json() == {}
    assert time.monotonic() - started >= 0.3
    started = time.monotonic()
    client.get("/account/numbers")
    assert time.monotonic() - started < 0.3


def test_bad_scripts_over_http_are_400(client: AppClient) -> None:
    response = client.post("/_mock/scripts", content=b"{not json")
    assert (response.status_code, response.json()) == (400, {"body": "Must be a JSON object."})
    response = client.post("/_mock/scripts", json={"operation": "x", "status": 200})
    assert response.status_code == 400
    assert set(response.json()) == {"operation", "status"}
    assert client.post("/_mock/scripts", content=b" " * 5000).status_code == 413
    assert client.request("DELETE", "/_mock/scripts").json() == {"cleared": 0}
