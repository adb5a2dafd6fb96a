"""The request steps: body limit, credentials, validation order."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator

import pytest

from numbers_mock import PRIMARY_ACCOUNT, MockApp, MockSettings, create_app

from ..conftest import FORM, AppClient, first_available

LEGACY = {"api_key": PRIMARY_ACCOUNT.api_key, "api_secret": PRIMARY_ACCOUNT.api_secret}
UNAUTHORIZED = {"error-code": "401", "error-code-label": "authentication failed"}
PATHS = [
    ("GET", "/account/numbers"),
    ("GET", "/number/search"),
    ("POST", "/number/buy"),
    ("POST", "/number/cancel"),
    ("POST", "/number/update"),
]


def _basic(key: str, secret: str) -> str:
    return base64.b64encode(f"{key}:{secret}".encode()).decode()


@pytest.mark.parametrize(("method", "path"), PATHS)
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"authorization": "Basic " + _basic(PRIMARY_ACCOUNT.api_key, "wrong")},
        {"authorization": "Basic " + _basic("nobody", PRIMARY_ACCOUNT.api_secret)},
        {"authorization": "Bearer " + PRIMARY_ACCOUNT.api_secret},
    ],
)
def test_missing_or_wrong_credentials_get_401(
    anonymous: AppClient, method: str, path: str, headers: dict[str, str]
) -> None:
    response = anonymous.request(method, path, headers=headers, params={"country": "GB"})
    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED
    assert response.headers["content-type"] == "application/json;charset=UTF-8"


def test_credentials_are_checked_before_the_request_shape(anonymous: AppClient) -> None:
    assert anonymous.get("/number/search", params={"size": "abc"}).status_code == 401
    assert anonymous.post("/number/buy", json={"x": 1}).status_code == 401


def test_legacy_query_credentials_on_get_and_post(anonymous: AppClient) -> None:
    assert anonymous.get("/account/numbers", params=LEGACY).status_code == 200
    number = first_available(anonymous, "GB", **LEGACY)
    form = {"country": "GB", "msisdn": number["msisdn"]}
    assert anonymous.post("/number/buy", params=LEGACY, data=form).status_code == 200
    wrong = {"api_key": PRIMARY_ACCOUNT.api_key, "api_secret": "nope"}
    assert anonymous.post("/number/cancel", params=wrong, data=form).status_code == 401


def test_legacy_form_credentials(anonymous: AppClient) -> None:
    number = first_available(anonymous, "GB", **LEGACY)
    form = {"country": "GB", "msisdn": number["msisdn"], **LEGACY}
    assert anonymous.post("/number/buy", data=form).status_code == 200
    assert anonymous.post("/number/cancel", data={**form, "api_secret": "x"}).status_code == 401


def test_body_over_the_limit_is_413_without_reading_it_all(client: AppClient) -> None:
    response = client.post("/number/buy", content=b"x" * 20_000, headers={"content-type": FORM})
    assert response.status_code == 413
    assert response.json()["error-code"] == "413"


def test_streamed_body_over_the_limit_is_413() -> None:
    app = create_app(MockSettings(max_body_bytes=100))
    client = AppClient(app)

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(10):
            yield b"country=GB&" * 2

    try:
        response = client.post("/number/buy", content=chunks(), headers={"content-type": FORM})
        assert response.status_code == 413
        small = client.post("/number/buy", data={"country": "GB", "msisdn": "1"})
        assert small.status_code == 420
    finally:
        client.close()
        app.close()


@pytest.mark.parametrize("content_length", ["²".encode("latin-1"), b"-5", b"abc", b"1" * 50])
def test_odd_content_length_headers_are_not_trusted(
    client: AppClient, content_length: bytes
) -> None:
    response = client.post(
        "/number/buy",
        content=b"country=GB&msisdn=1",
        headers={"content-type": FORM, "content-length": content_length},
    )
    assert response.status_code in (413, 420)


def test_json_body_is_415(client: AppClient) -> None:
    response = client.post("/number/buy", json={"country": "GB", "msisdn": "1"})
    assert response.status_code == 415
    assert response.json()["error-code"] == "415"


def test_missing_fields_are_400_field_errors(client: AppClient) -> None:
    response = client.post("/number/buy", data={"msisdn": "1"})
    assert (response.status_code, response.json()) == (400, {"country": "Is required."})
    response = client.get("/number/search")
    assert (response.status_code, response.json()) == (400, {"country": "Is required."})


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"country": "GB", "size": "ten"}, "size"),
        ({"country": "GB", "size": "101"}, "size"),
        ({"country": "GB", "size": "0"}, "size"),
        ({"country": "GB", "index": "0"}, "index"),
        ({"country": "GB", "index": "1.5"}, "index"),
        ({"country": "GB", "search_pattern": "3"}, "search_pattern"),
        ({"country": "GB", "type": "fax"}, "type"),
        ({"country": "GB", "features": "VOICE,SMS"}, "features"),
        ({"country": "ZZ"}, "country"),
        ({"country": "GBR"}, "country"),
    ],
)
def test_bad_search_parameters_are_400(
    client: AppClient, params: dict[str, str], field: str
) -> None:
    response = client.get("/number/search", params=params)
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_bad_has_application_is_400(client: AppClient) -> None:
    response = client.get("/account/numbers", params={"has_application": "maybe"})
    assert (response.status_code, response.json()) == (
        400,
        {"has_application": "Must be a boolean."},
    )


def test_lower_case_country_is_accepted(client: AppClient) -> None:
    assert client.get("/number/search", params={"country": "gb"}).json()["count"] == 24


def test_bad_update_values_are_400(client: AppClient) -> None:
    number = first_available(client, "GB")
    form = {"country": "GB", "msisdn": number["msisdn"], "voiceCallbackType": "fax"}
    response = client.post("/number/update", data=form)
    assert response.status_code == 400
    assert response.json() == {"voiceCallbackType": "Must be one of: sip, tel, app."}


def test_checked_queries_are_kept_but_answers_are_not(client: AppClient) -> None:
    query = {"country": "GB", "size": "3"}
    first = client.get("/number/search", params=query).json()
    number = first["numbers"][0]
    assert client.post("/number/buy", data={"country": "GB", "msisdn": number["msisdn"]}).is_success
    # The same query string again: its parameters come from the endpoint's cache, the answer
    # from the state as it is now.
    second = client.get("/number/search", params=query).json()
    assert second["count"] == first["count"] - 1
    assert number["msisdn"] not in [n["msisdn"] for n in second["numbers"]]
    for _ in range(2):  # a refused query is refused every time
        refused = client.get("/number/search", params={"country": "GB", "size": "0"})
        assert refused.status_code == 400


def test_the_checked_query_cache_is_bounded(app: MockApp, client: AppClient) -> None:
    from numbers_mock.http.pipeline import _CHECKED_QUERIES, OperationEndpoint

    for index in range(_CHECKED_QUERIES + 5):
        client.get("/account/numbers", params={"index": str(index + 1)})
    bound = [getattr(getattr(route, "endpoint", None), "__self__", None) for route in app.routes]
    endpoints = [owner for owner in bound if isinstance(owner, OperationEndpoint)]
    assert endpoints
    assert all(len(endpoint._checked) <= _CHECKED_QUERIES for endpoint in endpoints)
