"""Hypothesis against the whole app: no request gives a 5xx, and a refused one changes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from numbers_mock import PRIMARY_ACCOUNT, SUBACCOUNT, MockApp, MockSettings, create_app

from .conftest import AppClient
from .strategies import content_types, form_bodies, query_strings

FUZZ = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ACCEPTS = st.sampled_from([None, "text/xml", "application/json", "*/*", "text/*;q=0.5, bogus"])
AUTH_CHOICES = (
    None,
    PRIMARY_ACCOUNT.auth,
    SUBACCOUNT.auth,
    (PRIMARY_ACCOUNT.api_key, "x"),
)
AUTHS = st.sampled_from(AUTH_CHOICES)


@pytest.fixture(scope="module")
def fuzz_app() -> Iterator[MockApp]:
    app = create_app(MockSettings(max_body_bytes=64))
    yield app
    app.close()


@pytest.fixture(scope="module")
def clients(fuzz_app: MockApp) -> Iterator[dict[object, AppClient]]:
    built: dict[object, AppClient] = {auth: AppClient(fuzz_app, auth=auth) for auth in AUTH_CHOICES}
    yield built
    for client in built.values():
        client.close()


def check(app: MockApp, client: AppClient, method: str, path: str, **kwargs: object) -> None:
    before = app.store.snapshot()
    response = client.request(method, path, **kwargs)
    assert response.status_code < 500, response.text
    assert response.status_code in (200, 400, 401, 404, 405, 413, 415, 420)
    if response.status_code != 200:
        assert app.store.snapshot() == before, (response.status_code, response.text)
    if response.headers.get("content-type", "").startswith("application/json"):
        response.json()


PRIMARY = AUTH_CHOICES[1]


@FUZZ
# Edges worth keeping whatever hypothesis draws: SQLite integer overflow, odd booleans, escapes.
@example(path="/number/search", query="country=GB&index=" + "9" * 25, accept=None, auth=PRIMARY)
@example(path="/account/numbers", query="size=100&index=" + "9" * 30, accept=None, auth=PRIMARY)
@example(path="/account/numbers", query="has_application=%zz&x=%", accept="text/xml", auth=PRIMARY)
@example(path="/number/search", query="country=%C3%85B", accept=None, auth=PRIMARY)
@given(
    path=st.sampled_from(["/number/search", "/account/numbers"]),
    query=query_strings,
    accept=ACCEPTS,
    auth=AUTHS,
)
def test_random_queries(
    fuzz_app: MockApp,
    clients: dict[object, AppClient],
    path: str,
    query: str,
    accept: str | None,
    auth: object,
) -> None:
    headers = {"accept": accept} if accept else {}
    check(fuzz_app, clients[auth], "GET", f"{path}?{query}", headers=headers)


@FUZZ
@example(
    path="/number/buy",
    query="",
    body=b"country=GB&msisdn=441212340010&country=ZZ",
    content_type="application/x-www-form-urlencoded; charset",
    auth=PRIMARY,
)
@example(
    path="/number/update",
    query=f"api_key={PRIMARY_ACCOUNT.api_key}&api_secret={PRIMARY_ACCOUNT.api_secret}",
    body=b"country=GB&msisdn=441212340010&app_id=%00%ff",
    content_type="application/x-www-form-urlencoded",
    auth=None,
)
@example(path="/number/cancel", query="", body=b"\xff" * 65, content_type=None, auth=PRIMARY)
@given(
    path=st.sampled_from(["/number/buy", "/number/cancel", "/number/update"]),
    query=query_strings,
    body=form_bodies,
    content_type=content_types,
    auth=AUTHS,
)
def test_random_form_posts(
    fuzz_app: MockApp,
    clients: dict[object, AppClient],
    path: str,
    query: str,
    body: bytes,
    content_type: str | None,
    auth: object,
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    check(fuzz_app, clients[auth], "POST", f"{path}?{query}", content=body, headers=headers)
