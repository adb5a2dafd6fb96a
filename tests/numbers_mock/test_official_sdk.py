"""The official Python SDK (`vonage`, pinned) against the mock over TLS, through every numbers call.

The SDK always builds `https://{rest_host}{path}` and trusts what `REQUESTS_CA_BUNDLE` names, so
the mock is served with a trustme certificate exactly as `numbers-mock --tls` serves it, and the
SDK is configured the way numbers_mock/README.md tells its users.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from vonage import Auth, HttpClientOptions, Vonage
from vonage_http_client import AuthenticationError, HttpRequestError
from vonage_numbers import (
    ListOwnedNumbersFilter,
    NumberParams,
    SearchAvailableNumbersFilter,
    UpdateNumberParams,
)
from vonage_numbers.enums import NumberFeatures, NumberType, VoiceCallbackType

from numbers_mock import Account, MockApp, MockSettings, create_app, serve_in_thread
from numbers_mock.server.serving import ServerOptions
from numbers_mock.server.tls import make_test_certificate
from numbers_mock.state.accounts import DEFAULT_ACCOUNTS

from .conftest import OTHER, PRIMARY, SUBACCOUNT

# An account whose balance covers one cheap number and nothing dear.
THRIFTY = Account("thrifty01", "thriftysecret01", balance="1.00")


class Served:
    """The mock served over TLS, and the CA file a client must trust."""

    def __init__(self, app: MockApp, rest_host: str, ca_file: Path) -> None:
        self.app = app
        self.rest_host = rest_host
        self.ca_file = ca_file


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    tls = make_test_certificate(tmp_path_factory.mktemp("tls"))
    assert tls.ca_file is not None
    app = create_app(MockSettings(accounts=(*DEFAULT_ACCOUNTS, THRIFTY)))
    try:
        with serve_in_thread(app, options=ServerOptions(tls=tls)) as base_url:
            assert base_url.startswith("https://")
            yield Served(app, base_url.removeprefix("https://"), tls.ca_file)
    finally:
        app.close()


@pytest.fixture
def sdk(served: Served, monkeypatch: pytest.MonkeyPatch) -> Iterator[SdkFactory]:
    served.app.reset()
    # The one line the README gives for trusting the mock's test CA.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(served.ca_file))
    yield SdkFactory(served.rest_host)


class SdkFactory:
    """Official SDK clients for the served mock, one per account."""

    def __init__(self, rest_host: str) -> None:
        self.rest_host = rest_host

    def numbers(self, credentials: tuple[str, str] = PRIMARY) -> Any:
        """The SDK's `Numbers` object for `credentials`."""
        client = Vonage(
            Auth(api_key=credentials[0], api_secret=credentials[1]),
            HttpClientOptions(rest_host=self.rest_host, max_retries=0),
        )
        return client.numbers


def available(numbers: Any, **filters: Any) -> list[Any]:
    found, _, _ = numbers.search_available_numbers(SearchAvailableNumbersFilter(**filters))
    assert found, f"nothing available for {filters}"
    return list(found)


def status_of(error: pytest.ExceptionInfo[HttpRequestError]) -> int:
    status: int = error.value.response.status_code
    return status


def test_search_with_every_filter(sdk: SdkFactory) -> None:
    numbers = sdk.numbers()
    everything, total, _ = numbers.search_available_numbers(
        SearchAvailableNumbersFilter(country="GB")
    )
    assert total == len(everything) > 3
    wanted = everything[0]
    prefix = wanted.msisdn[:5]
    found, count, next_index = numbers.search_available_numbers(
        SearchAvailableNumbersFilter(
            country="GB",
            type=NumberType(wanted.type),
            features=NumberFeatures(",".join(wanted.features)),
            pattern=prefix,
            search_pattern=0,
            size=1,
            index=1,
        )
    )
    assert len(found) == 1
    assert count >= 1
    assert next_index == (2 if count > 1 else None)
    match = found[0]
    assert match.country == "GB"
    assert match.type == wanted.type
    assert set(wanted.features) <= set(match.features)
    assert match.msisdn.startswith(prefix)
    assert match.cost is not None

    ending = wanted.msisdn[-3:]
    ends, _, _ = numbers.search_available_numbers(
        SearchAvailableNumbersFilter(country="GB", pattern=ending, search_pattern=2)
    )
    assert ends and all(number.msisdn.endswith(ending) for number in ends)
    middle = wanted.msisdn[3:7]
    contains, _, _ = numbers.search_available_numbers(
        SearchAvailableNumbersFilter(country="GB", pattern=middle, search_pattern=1)
    )
    assert contains and all(middle in number.msisdn for number in contains)


def test_search_pages_follow_the_sdk_arithmetic(sdk: SdkFactory) -> None:
    numbers = sdk.numbers()
    seen: list[str] = []
    index: int | None = 1
    while index is not None:
        page, count, index = numbers.search_available_numbers(
            SearchAvailableNumbersFilter(country="DE", size=5, index=index)
        )
        seen += [number.msisdn for number in page]
    assert len(seen) == count == len(set(seen))
    assert seen == sorted(seen)


def test_buy_list_with_filters_and_paging_then_cancel(sdk: SdkFactory) -> None:
    numbers = sdk.numbers()
    picked = available(numbers, country="GB", size=3)
    for number in picked:
        bought = numbers.buy_number(NumberParams(country="GB", msisdn=number.msisdn))
        assert (bought.error_code, bought.error_code_label) == ("200", "success")

    first, count, next_index = numbers.list_owned_numbers(ListOwnedNumbersFilter(size=2, index=1))
    second, _, last = numbers.list_owned_numbers(ListOwnedNumbersFilter(size=2, index=2))
    assert (count, next_index, last) == (3, 2, None)
    assert [n.msisdn for n in [*first, *second]] == sorted(n.msisdn for n in picked)

    target = picked[1].msisdn
    by_pattern, _, _ = numbers.list_owned_numbers(
        ListOwnedNumbersFilter(country="GB", pattern=target[-4:], search_pattern=2)
    )
    assert target in [n.msisdn for n in by_pattern]
    assert all(n.msisdn.endswith(target[-4:]) for n in by_pattern)
    assert numbers.list_owned_numbers(ListOwnedNumbersFilter(country="US")) == ([], 0, None)

    cancelled = numbers.cancel_number(NumberParams(country="GB", msisdn=target))
    assert cancelled.error_code == "200"
    remaining, count, _ = numbers.list_owned_numbers()
    assert count == 2
    assert target not in [n.msisdn for n in remaining]


def test_update_then_list_by_application(sdk: SdkFactory) -> None:
    numbers = sdk.numbers()
    linked, plain = available(numbers, country="SE", size=2)
    for number in (linked, plain):
        numbers.buy_number(NumberParams(country="SE", msisdn=number.msisdn))
    application = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"
    updated = numbers.update_number(
        UpdateNumberParams(
            country="SE",
            msisdn=linked.msisdn,
            app_id=application,
            mo_http_url="https://example.com/webhooks/inbound-sms",
            voice_callback_type=VoiceCallbackType.TEL,
            voice_callback_value="447700900000",
            voice_status_callback="https://example.com/webhooks/status",
        )
    )
    assert updated.error_code == "200"

    with_app, count, _ = numbers.list_owned_numbers(
        ListOwnedNumbersFilter(application_id=application)
    )
    assert count == 1
    shown = with_app[0]
    assert shown.msisdn == linked.msisdn
    assert shown.app_id == application
    assert shown.mo_http_url == "https://example.com/webhooks/inbound-sms"
    assert (shown.voice_callback_type, shown.voice_callback_value) == ("tel", "447700900000")
    without, _, _ = numbers.list_owned_numbers(ListOwnedNumbersFilter(has_application=False))
    assert [n.msisdn for n in without] == [plain.msisdn]
    linked_only, _, _ = numbers.list_owned_numbers(ListOwnedNumbersFilter(has_application=True))
    assert [n.msisdn for n in linked_only] == [linked.msisdn]


def test_subaccount_through_target_api_key(sdk: SdkFactory) -> None:
    numbers = sdk.numbers()
    number = available(numbers, country="NL")[0]
    params = NumberParams(country="NL", msisdn=number.msisdn, target_api_key=SUBACCOUNT[0])
    assert numbers.buy_number(params).error_code == "200"
    assert numbers.list_owned_numbers() == ([], 0, None)
    theirs, count, _ = sdk.numbers(SUBACCOUNT).list_owned_numbers()
    assert (count, [n.msisdn for n in theirs]) == (1, [number.msisdn])
    assert numbers.cancel_number(params).error_code == "200"
    assert sdk.numbers(SUBACCOUNT).list_owned_numbers() == ([], 0, None)


def test_wrong_credentials(sdk: SdkFactory) -> None:
    wrong = sdk.numbers((PRIMARY[0], "not-the-secret"))
    with pytest.raises(AuthenticationError) as refused:
        wrong.search_available_numbers(SearchAvailableNumbersFilter(country="GB"))
    assert refused.value.response.status_code == 401
    assert refused.value.response.json() == {
        "error-code": "401",
        "error-code-label": "authentication failed",
    }
    with pytest.raises(AuthenticationError):
        sdk.numbers(("nobody", "nothing")).list_owned_numbers()


def test_each_refusal_is_420(sdk: SdkFactory) -> None:
    numbers = sdk.numbers()
    other = sdk.numbers(OTHER)
    mine, theirs = available(numbers, country="FR", size=2)
    numbers.buy_number(NumberParams(country="FR", msisdn=mine.msisdn))
    other.buy_number(NumberParams(country="FR", msisdn=theirs.msisdn))
    cheap = min(available(numbers, country="IT"), key=lambda number: float(number.cost))
    refusals: dict[str, Callable[[], object]] = {
        "already owned by the caller": lambda: numbers.buy_number(
            NumberParams(country="FR", msisdn=mine.msisdn)
        ),
        "owned by someone else": lambda: numbers.buy_number(
            NumberParams(country="FR", msisdn=theirs.msisdn)
        ),
        "country does not match": lambda: numbers.buy_number(
            NumberParams(country="DE", msisdn=cheap.msisdn)
        ),
        "unknown number": lambda: numbers.buy_number(
            NumberParams(country="FR", msisdn="33999999999")
        ),
        "target is not a subaccount": lambda: numbers.buy_number(
            NumberParams(country="IT", msisdn=cheap.msisdn, target_api_key=OTHER[0])
        ),
        "cancel a number not yours": lambda: numbers.cancel_number(
            NumberParams(country="FR", msisdn=theirs.msisdn)
        ),
        "cancel a number nobody owns": lambda: numbers.cancel_number(
            NumberParams(country="IT", msisdn=cheap.msisdn)
        ),
        "update a number not yours": lambda: numbers.update_number(
            UpdateNumberParams(country="FR", msisdn=theirs.msisdn, app_id="x")
        ),
    }
    for reason, attempt in refusals.items():
        with pytest.raises(HttpRequestError) as refused:
            attempt()
        assert status_of(refused) == 420, reason
        assert refused.value.response.json() == {
            "error-code": "420",
            "error-code-label": "method failed",
        }, reason
    # None of them changed anything.
    assert [n.msisdn for n in numbers.list_owned_numbers()[0]] == [mine.msisdn]
    assert [n.msisdn for n in other.list_owned_numbers()[0]] == [theirs.msisdn]


def test_out_of_credit_is_420(sdk: SdkFactory) -> None:
    thrifty = sdk.numbers((THRIFTY.api_key, THRIFTY.api_secret))
    thrifty.search_available_numbers(SearchAvailableNumbersFilter(country="US"))
    # The SDK's model drops `initialPrice`, what a purchase costs; the raw answer has it.
    pool = thrifty.http_client.last_response.json()["numbers"]
    dear = next(number for number in pool if float(number["initialPrice"]) > 1.0)
    free = next(number for number in pool if float(number["initialPrice"]) == 0.0)
    with pytest.raises(HttpRequestError) as refused:
        thrifty.buy_number(NumberParams(country="US", msisdn=dear["msisdn"]))
    assert status_of(refused) == 420
    assert thrifty.list_owned_numbers() == ([], 0, None)
    assert thrifty.buy_number(NumberParams(country="US", msisdn=free["msisdn"])).error_code == "200"
