"""numbers_api_client.client: credentials, default headers and a repr that keeps the secret."""

from __future__ import annotations

import base64

import httpx
from numbers_api_client import AuthenticatedClient, Client
from numbers_api_client.api.default import get_owned_numbers

from .support import API_KEY, API_SECRET, BASE_URL, OPERATIONS, FakeNumbersApi, await_


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def test_basic_auth_header_is_key_colon_secret(fake_api: FakeNumbersApi, use_async: bool) -> None:
    client = fake_api.client(api_key="key-1", api_secret="pa:ss word")

    OPERATIONS[0].detailed(client, use_async=use_async)

    header = fake_api.last.headers["Authorization"]
    assert header == basic("key-1", "pa:ss word")
    assert base64.b64decode(header.removeprefix("Basic ")) == b"key-1:pa:ss word"


def test_anonymous_client_sends_no_credentials(fake_api: FakeNumbersApi, use_async: bool) -> None:
    OPERATIONS[0].detailed(fake_api.anonymous_client(), use_async=use_async)

    assert "Authorization" not in fake_api.last.headers
    assert fake_api.last.headers["Accept"] == "application/json"


def test_custom_headers_are_sent_alongside_accept(fake_api: FakeNumbersApi) -> None:
    client = AuthenticatedClient(
        base_url=BASE_URL,
        api_key=API_KEY,
        api_secret=API_SECRET,
        headers={"X-Trace": "t-1"},
        httpx_args={"transport": httpx.MockTransport(fake_api.handle)},
    )

    get_owned_numbers.sync_detailed(client=client)

    assert fake_api.last.headers["X-Trace"] == "t-1"
    assert fake_api.last.headers["Accept"] == "application/json"
    assert fake_api.last.headers["Authorization"] == basic(API_KEY, API_SECRET)


def test_with_headers_keeps_the_credentials(fake_api: FakeNumbersApi, use_async: bool) -> None:
    client = fake_api.client().with_headers({"X-Trace": "t-2"})

    OPERATIONS[0].detailed(client, use_async=use_async)

    assert fake_api.last.headers["X-Trace"] == "t-2"
    assert fake_api.last.headers["Authorization"] == basic(API_KEY, API_SECRET)


def test_unexpected_statuses_are_not_raised_by_default() -> None:
    assert Client(base_url=BASE_URL).raise_on_unexpected_status is False
    client = AuthenticatedClient(base_url=BASE_URL, api_key=API_KEY, api_secret=API_SECRET)
    assert client.raise_on_unexpected_status is False


def test_repr_never_shows_the_secret(fake_api: FakeNumbersApi) -> None:
    client = fake_api.client()
    shown = [repr(client), str(client)]

    get_owned_numbers.sync_detailed(client=client)
    shown.append(repr(client))
    await_(get_owned_numbers.asyncio_detailed(client=client))
    shown.append(repr(client))
    shown.append(repr(client.with_headers({"X-Trace": "t-3"})))
    shown.append(repr(client.with_cookies({"session": "c"})))
    shown.append(repr(client.with_timeout(httpx.Timeout(5.0))))

    for text in shown:
        assert API_SECRET not in text
        assert "api_secret" not in text
        # The repr is still useful: it names the account.
        assert f"api_key='{API_KEY}'" in text
    assert len(fake_api.requests) == 2


def test_context_manager_closes_the_underlying_client(fake_api: FakeNumbersApi) -> None:
    with fake_api.client() as client:
        response = get_owned_numbers.sync_detailed(client=client)
        assert response.status_code == 200
    assert client.get_httpx_client().is_closed


def test_async_context_manager_closes_the_underlying_client(fake_api: FakeNumbersApi) -> None:
    async def scenario() -> AuthenticatedClient:
        async with fake_api.client() as client:
            response = await get_owned_numbers.asyncio_detailed(client=client)
            assert response.status_code == 200
        return client

    client = await_(scenario())
    assert client.get_async_httpx_client().is_closed


def test_an_explicit_accept_header_replaces_the_default(fake_api: FakeNumbersApi) -> None:
    client = fake_api.client().with_headers({"Accept": "text/xml"})

    get_owned_numbers.sync_detailed(client=client)

    assert fake_api.last.headers.get_list("Accept") == ["text/xml"]
