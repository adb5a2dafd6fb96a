"""numbers_api_client.authentication: each credential put where its `Sent` says."""

from __future__ import annotations

import base64

import httpx
from numbers_api_client.authentication import Credentials, Sent


def sent_through(credentials: Credentials, request: httpx.Request) -> httpx.Request:
    """The request as httpx sends it after `credentials` authenticated it."""
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with httpx.Client(transport=httpx.MockTransport(handle), auth=credentials) as client:
        client.send(request)
    assert len(seen) == 1
    return seen[0]


def test_basic_user_and_password_make_one_authorization_header() -> None:
    credentials = Credentials(((Sent("basic-user"), "ké"), (Sent("basic-password"), "a:b")))
    request = sent_through(credentials, httpx.Request("GET", "https://x.invalid/a"))
    assert request.headers["Authorization"] == "Basic " + base64.b64encode(
        "ké:a:b".encode()
    ).decode("ascii")


def test_query_keys_replace_a_parameter_of_the_same_name() -> None:
    credentials = Credentials(((Sent("query", "api_key"), "k&1"), (Sent("query", "b"), "2")))
    request = sent_through(
        credentials, httpx.Request("GET", "https://x.invalid/a?api_key=old&size=5")
    )
    assert request.url.params.multi_items() == [("api_key", "k&1"), ("size", "5"), ("b", "2")]
    assert "Authorization" not in request.headers


def test_a_header_key_replaces_the_header() -> None:
    credentials = Credentials(((Sent("header", "X-Key"), "k"),))
    request = httpx.Request("GET", "https://x.invalid/a", headers={"X-Key": "old"})
    assert sent_through(credentials, request).headers.get_list("X-Key") == ["k"]


def test_a_cookie_key_joins_the_other_cookies() -> None:
    credentials = Credentials(((Sent("cookie", "session"), "k"),))
    request = httpx.Request("GET", "https://x.invalid/a", headers={"Cookie": "a=1; session=old"})
    assert sent_through(credentials, request).headers["Cookie"] == "a=1; session=k"


def test_the_repr_names_the_places_never_the_values() -> None:
    credentials = Credentials(((Sent("basic-user"), "key-9"), (Sent("query", "api_secret"), "s-9")))
    assert repr(credentials) == "Credentials(basic-user, query api_secret)"
