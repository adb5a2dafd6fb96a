"""Requests the service refuses, sent through the proxy: each is a finding on the client's side,
and the upstream receives it byte for byte as the application sent it."""

from __future__ import annotations

import base64
import ssl

import httpx
import pytest

from numbers_mock import PRIMARY_ACCOUNT

from .conftest import Proxied, Proxy

FORM = "application/x-www-form-urlencoded"
BASIC = httpx.BasicAuth(*PRIMARY_ACCOUNT.auth)


def send(proxy: Proxied, method: str, target: str, body: bytes = b"") -> httpx.Response:
    assert proxy.ca_file is not None
    verify = ssl.create_default_context(cafile=str(proxy.ca_file))
    with httpx.Client(base_url=proxy.url, verify=verify, auth=BASIC) as client:
        headers = {"content-type": FORM} if body else {}
        return client.request(method, target, content=body, headers=headers)


@pytest.mark.parametrize(
    ("method", "target", "body", "status", "check"),
    [
        pytest.param(
            "GET",
            "/number/search?country=XQ&size=10",
            b"",
            400,
            "request_service_accepts",
            id="unassigned-country",
        ),
        pytest.param(
            "POST", "/number/buy", b"country=GB", 400, "request_conforms", id="missing-msisdn"
        ),
        pytest.param(
            "POST",
            "/number/buy",
            b"country=GB&msisdn=447700900001&msisdn=447700900002",
            400,
            "request_service_accepts",
            id="field-twice",
        ),
        pytest.param(
            "GET",
            "/account/numbers?size=100&size=5",
            b"",
            400,
            "request_service_accepts",
            id="query-field-twice",
        ),
        pytest.param(
            "GET", "/number/search?country=GB&size=500", b"", 400, "request_conforms", id="size"
        ),
    ],
)
def test_a_refused_request_is_the_clients_finding_and_goes_through_unchanged(
    proxied: Proxy, method: str, target: str, body: bytes, status: int, check: str
) -> None:
    with proxied() as proxy:
        answer = send(proxy, method, target, body)
        direct = proxy.recorder.received[-1]
    assert answer.status_code == status, answer.text
    assert [(k.check, k.side.value) for k in proxy.session.kept] == [(check, "client")]
    path, _, query = target.partition("?")
    assert (direct.method, direct.raw_path, direct.query_string, direct.body) == (
        method,
        path.encode(),
        query.encode(),
        body,
    )
    token = base64.b64encode(":".join(PRIMARY_ACCOUNT.auth).encode())
    assert (b"authorization", b"Basic " + token) in direct.headers


def test_the_legacy_query_string_post_is_a_note_not_a_finding(proxied: Proxy) -> None:
    with proxied(tls=False) as proxy, httpx.Client(base_url=proxy.url) as client:
        found = client.get("/number/search", params={"country": "GB"}, auth=BASIC).json()
        msisdn = found["numbers"][0]["msisdn"]
        key, secret = PRIMARY_ACCOUNT.auth
        target = f"/number/buy?api_key={key}&api_secret={secret}&country=GB&msisdn={msisdn}"
        answer = client.post(target, headers={"content-type": FORM})
        direct = proxy.recorder.received[-1]
    assert answer.status_code == 200, answer.text
    assert direct.query_string == target.partition("?")[2].encode()
    assert direct.body == b""
    assert not proxy.session.kept
    assert set(proxy.session.notes) == {"legacy_credentials", "legacy_query_fields"}


def test_a_request_without_credentials_is_the_clients_finding(proxied: Proxy) -> None:
    with proxied(tls=False) as proxy, httpx.Client(base_url=proxy.url) as client:
        answer = client.get("/account/numbers")
    assert answer.status_code == 401
    assert proxy.found() == ["request_authenticated"]


def test_an_unknown_operation_is_the_clients_finding(proxied: Proxy) -> None:
    with proxied(tls=False) as proxy, httpx.Client(base_url=proxy.url, auth=BASIC) as client:
        client.get("/number/lookup")
    assert proxy.found() == ["request_documented"]
