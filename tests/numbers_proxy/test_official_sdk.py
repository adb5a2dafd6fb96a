"""The pinned official Python SDK (`vonage`) through the proxy, in front of the mock over TLS.

Every numbers call the SDK offers goes through the proxy: on the plain mock the proxy finds
nothing; with one fault of the mock's catalogue it names the fault's check from the SDK's traffic
alone (the SDK's own calls, nothing sent beside them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pytest
from vonage import Auth, HttpClientOptions, Vonage
from vonage_http_client import AuthenticationError
from vonage_numbers import (
    ListOwnedNumbersFilter,
    NumberParams,
    SearchAvailableNumbersFilter,
    UpdateNumberParams,
)
from vonage_numbers.enums import NumberFeatures, NumberType, VoiceCallbackType

from numbers_mock import OTHER_ACCOUNT, PRIMARY_ACCOUNT, SUBACCOUNT

from .conftest import Proxied, Proxy

APPLICATION = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"
WEBHOOK = "https://example.com/webhooks/inbound-sms"


def sdk(proxied: Proxied, account: tuple[str, str] = PRIMARY_ACCOUNT.auth) -> Any:
    """The SDK's `Numbers` for `account`, pointed at the proxy as numbers_mock/README.md says."""
    client = Vonage(
        Auth(api_key=account[0], api_secret=account[1]),
        HttpClientOptions(rest_host=proxied.rest_host, max_retries=0),
    )
    return client.numbers


@pytest.fixture
def trust_proxy(proxy_tls: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(proxy_tls.ca_file))
    yield


class Steps:
    """Runs the steps of an application; on a faulty server a step may fail, and the next runs."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.failed: list[str] = []

    def __call__(self, name: str, step: Callable[[], Any]) -> Any:
        try:
            return step()
        except Exception as exc:
            if self.strict:
                raise
            self.failed.append(f"{name}: {exc!r}")
            return None


def application(proxied: Proxied, strict: bool) -> Steps:
    """What an application does with every numbers call of the SDK."""
    numbers, other, sub = (
        sdk(proxied),
        sdk(proxied, OTHER_ACCOUNT.auth),
        sdk(proxied, SUBACCOUNT.auth),
    )
    step = Steps(strict)
    found = step(
        "search",
        lambda: numbers.search_available_numbers(
            SearchAvailableNumbersFilter(country="GB", size=100)
        ),
    )
    pool = list(found[0]) if found else []
    if pool:
        wanted = pool[0]
        step(
            "search by every filter",
            lambda: numbers.search_available_numbers(
                SearchAvailableNumbersFilter(
                    country="GB",
                    type=NumberType(wanted.type),
                    features=NumberFeatures(",".join(wanted.features)),
                    pattern=wanted.msisdn[:5],
                    search_pattern=0,
                    size=5,
                )
            ),
        )
        step(
            "search by type",
            lambda: numbers.search_available_numbers(
                SearchAvailableNumbersFilter(country="GB", type=NumberType.MOBILE_LVN, size=20)
            ),
        )
        step(
            "search ending with",
            lambda: numbers.search_available_numbers(
                SearchAvailableNumbersFilter(
                    country="GB", pattern=wanted.msisdn[-3:], search_pattern=2
                )
            ),
        )
    index: int | None = 1
    while index is not None and index < 10:
        page_filter = SearchAvailableNumbersFilter(country="DE", size=5, index=index)
        page = step(
            f"search page {index}",
            partial(numbers.search_available_numbers, page_filter),
        )
        index = page[2] if page else None
    picked = pool[1:4]
    for number in picked:
        step("buy", partial(numbers.buy_number, NumberParams(country="GB", msisdn=number.msisdn)))
    step("list page 1", lambda: numbers.list_owned_numbers(ListOwnedNumbersFilter(size=2, index=1)))
    step("list page 2", lambda: numbers.list_owned_numbers(ListOwnedNumbersFilter(size=2, index=2)))
    if picked:
        linked, kept, dropped = (n.msisdn for n in picked)
        step(
            "update every field",
            lambda: numbers.update_number(
                UpdateNumberParams(
                    country="GB",
                    msisdn=linked,
                    app_id=APPLICATION,
                    mo_http_url=WEBHOOK,
                    voice_callback_type=VoiceCallbackType.TEL,
                    voice_callback_value="447700900000",
                    voice_status_callback="https://example.com/webhooks/status",
                )
            ),
        )
        step("list", lambda: numbers.list_owned_numbers())
        step(
            "update the application only",
            lambda: numbers.update_number(
                UpdateNumberParams(country="GB", msisdn=linked, app_id=APPLICATION)
            ),
        )
        step("list", lambda: numbers.list_owned_numbers())
        step(
            "list by application",
            lambda: numbers.list_owned_numbers(ListOwnedNumbersFilter(application_id=APPLICATION)),
        )
        step(
            "list without application",
            lambda: numbers.list_owned_numbers(ListOwnedNumbersFilter(has_application=False)),
        )
        step(
            "list by pattern",
            lambda: numbers.list_owned_numbers(
                ListOwnedNumbersFilter(country="GB", pattern=kept[-4:], search_pattern=2)
            ),
        )
        step("cancel", lambda: numbers.cancel_number(NumberParams(country="GB", msisdn=dropped)))
        step("list", lambda: numbers.list_owned_numbers())
        step(
            "buy again (refused)",
            lambda: numbers.buy_number(NumberParams(country="GB", msisdn=kept)),
        )
        step(
            "cancel another's (refused)",
            lambda: other.cancel_number(NumberParams(country="GB", msisdn=kept)),
        )
    if len(pool) > 4:
        theirs = pool[4].msisdn
        target = NumberParams(country="GB", msisdn=theirs, target_api_key=SUBACCOUNT.api_key)
        step("buy for the subaccount", lambda: numbers.buy_number(target))
        step("the subaccount lists", lambda: sub.list_owned_numbers())
        step("cancel for the subaccount", lambda: numbers.cancel_number(target))
        step("the subaccount lists", lambda: sub.list_owned_numbers())
    return step


@pytest.mark.usefixtures("trust_proxy")
def test_the_plain_mock_has_no_finding(proxied: Proxy) -> None:
    with proxied() as proxy:
        application(proxy, strict=False)
        # A wrong password is the service's to refuse, not a finding.
        wrong = sdk(proxy, (PRIMARY_ACCOUNT.api_key, "not-the-secret"))
        with pytest.raises(AuthenticationError):
            wrong.list_owned_numbers()
    # Ran its course through the proxy: every operation, each judged.
    session = proxy.session
    assert not session.kept, [(k.check, k.detail) for k in session.kept]
    seen = {operation for operation, _ in session.coverage}
    assert seen == {
        "GET /number/search",
        "GET /account/numbers",
        "POST /number/buy",
        "POST /number/cancel",
        "POST /number/update",
    }
    assert session.coverage[("GET /account/numbers", 401)] == 1
    assert session.coverage[("POST /number/buy", 420)] == 1
    assert session.exchanges >= 25


@pytest.mark.usefixtures("trust_proxy")
@pytest.mark.parametrize(
    ("fault", "check"),
    [
        pytest.param("json-count-as-string", "response_schema_conformance", id="json-schema"),
        pytest.param("search-ignores-type", "results_match_filters", id="filter-ignored"),
        pytest.param("cancel-does-nothing", "cancel_removes", id="cancel-does-nothing"),
        pytest.param("update-drops-mohttpurl", "owned_fields_kept", id="update-clobbers"),
        pytest.param("pages-overlap", "pages_hold_each_number_once", id="pages-overlap"),
        pytest.param("buy-does-nothing", "purchase_shows_up", id="buy-does-nothing"),
    ],
)
def test_a_fault_is_named_from_the_sdk_traffic(proxied: Proxy, fault: str, check: str) -> None:
    with proxied(faults=(fault,)) as proxy:
        application(proxy, strict=False)
    assert check in proxy.found(), proxy.found()
    assert all(kept.side.value == "server" for kept in proxy.session.kept)


@pytest.mark.usefixtures("trust_proxy")
def test_an_xml_schema_fault_is_named_from_the_sdk_traffic(proxied: Proxy) -> None:
    # The SDK asks for JSON; an application that wants XML changes the header the SDK sends (the
    # SDK then cannot read the answer, which is the application's business).
    with proxied(faults=("xml-count-as-words",)) as proxy:
        numbers = sdk(proxy)
        numbers.http_client._headers["Accept"] = "text/xml"
        with pytest.raises(Exception):  # noqa: B017 - the SDK's model fails on XML
            numbers.search_available_numbers(SearchAvailableNumbersFilter(country="GB"))
    assert proxy.found() == ["response_schema_conformance"]
    assert "count" in proxy.session.kept[0].detail
    assert proxy.session.coverage[("GET /number/search", 200)] == 1
