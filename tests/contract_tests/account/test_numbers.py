"""Account bookkeeping through the generated client: listing every page, buying, cancelling."""

from __future__ import annotations

import json

import httpx
import pytest
from numbers_api_client import AuthenticatedClient

from contract_tests.account import numbers as account
from contract_tests.judging.redaction import Redactor
from contract_tests.judging.violations import OWNED_LIST_ANSWERS

REDACTOR = Redactor.for_credentials("k", "s")


def client_for(handler: httpx.MockTransport) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url="http://t", api_key="k", api_secret="s", httpx_args={"transport": handler}
    )


def paged(total: int, page: int) -> httpx.MockTransport:
    owned = [f"4477009{i:05d}" for i in range(total)]

    def handle(request: httpx.Request) -> httpx.Response:
        index = int(request.url.params["index"])
        chunk = owned[(index - 1) * page : index * page]
        body = {"count": total, "numbers": [{"country": "GB", "msisdn": m} for m in chunk]}
        return httpx.Response(200, content=json.dumps(body))

    return httpx.MockTransport(handle)


def test_owned_numbers_reads_every_page() -> None:
    # The server pages by 3 whatever is asked: the walk still ends with all 7.
    numbers = account.owned_numbers(client_for(paged(7, 3)), REDACTOR)
    assert [n.msisdn for n in numbers] == [f"4477009{i:05d}" for i in range(7)]


def test_an_empty_account_reads_as_nothing() -> None:
    empty = httpx.MockTransport(lambda request: httpx.Response(200, content=b"{}"))
    assert account.owned_numbers(client_for(empty), REDACTOR) == []


def test_a_refused_listing_is_an_error() -> None:
    refused = httpx.MockTransport(
        lambda request: httpx.Response(401, content=b'{"error-code":"401"}')
    )
    with pytest.raises(account.AccountError, match="answered 401") as raised:
        account.owned_numbers(client_for(refused), REDACTOR)
    assert raised.value.check == OWNED_LIST_ANSWERS


@pytest.mark.parametrize(
    ("body", "error"),
    [
        # A limitation without its required `reach`.
        (
            b'{"count":1,"numbers":[{"msisdn":"1","limitations":'
            b'[{"feature":"MMS","type":"OUTBOUND"}]}]}',
            "KeyError: 'reach'",
        ),
        # A limitation whose `reach` is outside its enum.
        (
            b'{"count":1,"numbers":[{"msisdn":"1","limitations":'
            b'[{"feature":"MMS","type":"OUTBOUND","reach":"NOWHERE"}]}]}',
            "ValueError: 'NOWHERE'",
        ),
        # XML where JSON was asked for.
        (b"<inboundNumbers/>", "JSONDecodeError"),
    ],
)
def test_an_answer_the_models_cannot_read_is_an_account_error(body: bytes, error: str) -> None:
    broken = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    with pytest.raises(account.AccountError, match="does not fit the document's model") as raised:
        account.owned_numbers(client_for(broken), REDACTOR)
    assert error in str(raised.value)


def test_buy_and_cancel_send_forms_and_return_the_status() -> None:
    seen: list[tuple[str, str]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.path, request.content.decode()))
        status = 200 if request.url.path == "/number/buy" else 420
        return httpx.Response(status, content=json.dumps({"error-code": str(status)}))

    client = client_for(httpx.MockTransport(handle))
    assert account.buy(client, "GB", "447700900001") == 200
    assert account.cancel(client, "GB", "447700900001") == 420
    assert seen == [
        ("/number/buy", "country=GB&msisdn=447700900001"),
        ("/number/cancel", "country=GB&msisdn=447700900001"),
    ]


def test_a_refused_listing_shows_the_answer_masked_before_it_is_cut() -> None:
    secret = "s3cretvalue0123456789"
    redactor = Redactor.for_credentials("thekey01", secret)
    # The secret straddles the 200-character cut: cut first, its first part would show.
    body = ("x" * 190 + secret).encode()
    refused = httpx.MockTransport(lambda request: httpx.Response(500, content=body))
    with pytest.raises(account.AccountError) as raised:
        account.owned_numbers(client_for(refused), redactor)
    assert "s3cretva" not in str(raised.value)
    assert "***" in str(raised.value)


def test_an_unreadable_buy_answer_is_a_finding() -> None:
    broken = httpx.MockTransport(lambda request: httpx.Response(401, content=b"not json"))
    with pytest.raises(AssertionError, match=r"\[answer_is_json\] buying 1: the answer"):
        account.buy(client_for(broken), "GB", "1")
