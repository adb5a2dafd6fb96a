"""The generated client drives a whole number lifecycle against the mock over a real socket."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from numbers_mock import PRIMARY_ACCOUNT, TEST_APPLICATION_IDS, create_app, serve_in_thread

pytest.importorskip("numbers_api_client", reason="the generated client is not installed")

from numbers_api_client import AuthenticatedClient
from numbers_api_client.api.default import (
    buy_a_number,
    cancel_a_number,
    get_available_numbers,
    get_owned_numbers,
    update_a_number,
)
from numbers_api_client.models import (
    AvailableNumbers,
    GetAvailableNumbersFeatures,
    GetAvailableNumbersType,
    InboundNumbers,
    NumberDetails,
    NumberDetailsUpdate,
    NumberDetailsUpdateVoiceCallbackType,
)
from numbers_api_client.types import UNSET


@pytest.fixture
def api() -> Iterator[AuthenticatedClient]:
    app = create_app()
    try:
        with (
            serve_in_thread(app) as url,
            AuthenticatedClient(
                base_url=url, api_key=PRIMARY_ACCOUNT.api_key, api_secret=PRIMARY_ACCOUNT.api_secret
            ) as client,
        ):
            yield client
    finally:
        app.close()


def test_search_buy_update_list_cancel(api: AuthenticatedClient) -> None:
    found = get_available_numbers.sync(
        client=api,
        country="GB",
        type_=GetAvailableNumbersType.MOBILE_LVN,
        features=GetAvailableNumbersFeatures.SMSVOICE,
        size=5,
    )
    assert isinstance(found, AvailableNumbers)
    assert isinstance(found.numbers, list) and found.numbers
    assert found.count == len(found.numbers)
    number = found.numbers[0]
    assert isinstance(number.msisdn, str) and number.type_ == "mobile-lvn"
    assert isinstance(number.features, list) and {"SMS", "VOICE"} <= set(number.features)
    details = NumberDetails(country="GB", msisdn=number.msisdn)

    bought = buy_a_number.sync_detailed(client=api, body=details)
    assert bought.status_code == 200
    again = buy_a_number.sync_detailed(client=api, body=details)
    assert again.status_code == 420

    update = NumberDetailsUpdate(
        country="GB",
        msisdn=number.msisdn,
        app_id=TEST_APPLICATION_IDS[0],
        voice_callback_type=NumberDetailsUpdateVoiceCallbackType.TEL,
        voice_callback_value="447700900000",
    )
    assert update_a_number.sync_detailed(client=api, body=update).status_code == 200

    listed = get_owned_numbers.sync(client=api, has_application=True)
    assert isinstance(listed, InboundNumbers)
    assert listed.count == 1 and isinstance(listed.numbers, list)
    (owned,) = listed.numbers
    assert (owned.msisdn, owned.app_id) == (number.msisdn, TEST_APPLICATION_IDS[0])
    assert (owned.voice_callback_type, owned.voice_callback_value) == ("tel", "447700900000")

    assert cancel_a_number.sync_detailed(client=api, body=details).status_code == 200
    empty = get_owned_numbers.sync(client=api)
    # The mock answers an empty list with {}: the client must read it as "no numbers".
    assert isinstance(empty, InboundNumbers)
    assert empty.count is UNSET and empty.numbers is UNSET


def test_wrong_secret_is_401_through_the_client() -> None:
    app = create_app()
    try:
        with (
            serve_in_thread(app) as url,
            AuthenticatedClient(
                base_url=url, api_key=PRIMARY_ACCOUNT.api_key, api_secret="wrong"
            ) as client,
        ):
            response = get_owned_numbers.sync_detailed(client=client)
            assert response.status_code == 401
    finally:
        app.close()
