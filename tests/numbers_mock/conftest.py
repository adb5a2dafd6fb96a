"""Fixtures for the mock server's tests: an app per test and a synchronous in-process client."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from functools import partial
from typing import Any

import anyio.from_thread
import httpx
import pytest

from numbers_mock import OTHER_ACCOUNT, PRIMARY_ACCOUNT, MockApp, MockSettings, create_app
from numbers_mock import SUBACCOUNT as SUBACCOUNT_ACCOUNT

PRIMARY = PRIMARY_ACCOUNT.auth
SUBACCOUNT = SUBACCOUNT_ACCOUNT.auth
OTHER = OTHER_ACCOUNT.auth
FORM = "application/x-www-form-urlencoded"


class AppClient:
    """An httpx client calling an ASGI app in-process, usable from synchronous tests.

    The app runs on an event loop in a helper thread (an anyio blocking portal), as it would under
    a server. App exceptions are raised in the test; with `raise_app_exceptions=False` they become
    500 answers, as under a server.
    """

    def __init__(
        self,
        app: Any,
        auth: tuple[str, str] | None = PRIMARY,
        raise_app_exceptions: bool = True,
    ) -> None:
        self._stack = ExitStack()
        self._portal = self._stack.enter_context(anyio.from_thread.start_blocking_portal())
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=raise_app_exceptions)
        self._client = httpx.AsyncClient(
            transport=transport, base_url="http://mock.test", auth=auth
        )
        self._stack.callback(self._portal.call, self._client.aclose)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send one request and wait for the response."""
        response: httpx.Response = self._portal.call(
            partial(self._client.request, method, url, **kwargs)
        )
        return response

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        """GET `url`."""
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        """POST to `url`."""
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        """Close the client and stop the portal's event loop."""
        self._stack.close()


@pytest.fixture
def app() -> Iterator[MockApp]:
    """A fresh mock with the default settings (in-memory state, seed 0)."""
    mock = create_app(MockSettings())
    yield mock
    mock.close()


@pytest.fixture
def client(app: MockApp) -> Iterator[AppClient]:
    """A client of `app` authenticated as the primary account."""
    app_client = AppClient(app)
    yield app_client
    app_client.close()


@pytest.fixture
def anonymous(app: MockApp) -> Iterator[AppClient]:
    """A client of `app` sending no credentials of its own."""
    client = AppClient(app, auth=None)
    yield client
    client.close()


def search(client: AppClient, **params: Any) -> dict[str, Any]:
    """The JSON answer of a successful search."""
    response = client.get("/number/search", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def owned(client: AppClient, **params: Any) -> dict[str, Any]:
    """The JSON answer of a successful owned-number list."""
    response = client.get("/account/numbers", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def first_available(client: AppClient, country: str = "GB", **params: Any) -> dict[str, Any]:
    """The first available number matching the filters."""
    numbers: list[dict[str, Any]] = search(client, country=country, **params)["numbers"]
    assert numbers, f"no available number in {country} for {params}"
    return numbers[0]


def buy(client: AppClient, number: dict[str, Any], **extra: str) -> httpx.Response:
    """POST /number/buy for `number` (a search result)."""
    form = {"country": number["country"], "msisdn": number["msisdn"], **extra}
    return client.post("/number/buy", data=form)
