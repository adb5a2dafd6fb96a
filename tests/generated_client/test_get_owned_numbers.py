"""numbers_api_client.api.default.get_owned_numbers: GET /account/numbers."""

from __future__ import annotations

from typing import Any

import pytest
from numbers_api_client.api.default import get_owned_numbers
from numbers_api_client.client import AuthenticatedClient
from numbers_api_client.models import (
    AccountUnauthorized,
    FieldErrors,
    GetOwnedNumbersSearchPattern,
    InboundNumbers,
    NumberLimitation,
    NumberLimitationFeature,
    NumberLimitationReach,
    NumberLimitationType,
    OwnedNumber,
)
from numbers_api_client.types import UNSET, Response

from .support import (
    REAL_AUTH_FAILED,
    REAL_EMPTY_BARE,
    REAL_EMPTY_COUNTED,
    FakeNumbersApi,
    await_,
    parameter_example,
    property_names,
    query_fields,
    schema,
    schema_example,
)

Answer = AccountUnauthorized | FieldErrors | InboundNumbers

# Wire name -> attribute of OwnedNumber, for every scalar or list-of-strings property.
OWNED_NUMBER_ATTRIBUTES = {
    "country": "country",
    "msisdn": "msisdn",
    "moHttpUrl": "mo_http_url",
    "type": "type_",
    "features": "features",
    "messagesCallbackType": "messages_callback_type",
    "messagesCallbackValue": "messages_callback_value",
    "voiceCallbackType": "voice_callback_type",
    "voiceCallbackValue": "voice_callback_value",
    "app_id": "app_id",
}

# An owned number as the live service shapes it: camelCase, app_id, a "vxml" voice callback.
REAL_OWNED_NUMBER: dict[str, Any] = {
    "country": "GB",
    "msisdn": "447700900123",
    "type": "mobile-lvn",
    "features": ["VOICE", "SMS"],
    "moHttpUrl": "https://example.com/mo",
    "voiceCallbackType": "vxml",
    "voiceCallbackValue": "https://example.com/voice.xml",
    "app_id": "1ded6eee-e2ec-4d61-8c71-e2b2ece17d1b",
}


def owned_detailed(
    client: AuthenticatedClient, *, use_async: bool, **query: Any
) -> Response[Answer]:
    if use_async:
        return await_(get_owned_numbers.asyncio_detailed(client=client, **query))
    return get_owned_numbers.sync_detailed(client=client, **query)


def owned(client: AuthenticatedClient, *, use_async: bool, **query: Any) -> Answer | None:
    if use_async:
        return await_(get_owned_numbers.asyncio(client=client, **query))
    return get_owned_numbers.sync(client=client, **query)


def test_attribute_table_covers_the_schema() -> None:
    assert {*OWNED_NUMBER_ATTRIBUTES, "limitations"} == property_names("ownednumber")


def test_spec_example_parses_field_by_field(fake_api: FakeNumbersApi, use_async: bool) -> None:
    example = schema_example("inbound-numbers")
    fake_api.answer(200, example)

    response = owned_detailed(fake_api.client(), use_async=use_async)

    assert response.status_code == 200
    parsed = response.parsed
    assert isinstance(parsed, InboundNumbers)
    assert parsed.count == example["count"] == 1
    assert isinstance(parsed.numbers, list)
    assert len(parsed.numbers) == 1
    number = parsed.numbers[0]
    expected = example["numbers"][0]
    assert type(number) is OwnedNumber
    for wire_name, attribute in OWNED_NUMBER_ATTRIBUTES.items():
        assert getattr(number, attribute) == expected[wire_name], wire_name
    assert number.additional_properties == {}


def test_spec_example_limitations_parse_into_enums(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    example = schema_example("inbound-numbers")
    fake_api.answer(200, example)

    parsed = owned(fake_api.client(), use_async=use_async)

    assert isinstance(parsed, InboundNumbers)
    assert isinstance(parsed.numbers, list)
    limitations = parsed.numbers[0].limitations
    assert limitations == [
        NumberLimitation(
            feature=NumberLimitationFeature(item["feature"]),
            type_=NumberLimitationType(item["type"]),
            reach=NumberLimitationReach(item["reach"]),
        )
        for item in schema("ownednumber")["properties"]["limitations"]["example"]
    ]
    assert isinstance(limitations, list)
    assert limitations[0].feature is NumberLimitationFeature.SMS
    assert limitations[1].reach is NumberLimitationReach.DOMESTIC


def test_real_owned_number_keeps_an_undocumented_callback_type(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    fake_api.answer(200, {"count": 1, "numbers": [REAL_OWNED_NUMBER]})

    parsed = owned(fake_api.client(), use_async=use_async)

    assert isinstance(parsed, InboundNumbers)
    assert isinstance(parsed.numbers, list)
    number = parsed.numbers[0]
    assert number.voice_callback_type == "vxml"
    assert number.voice_callback_value == "https://example.com/voice.xml"
    assert number.mo_http_url == "https://example.com/mo"
    assert number.app_id == "1ded6eee-e2ec-4d61-8c71-e2b2ece17d1b"
    assert number.limitations is UNSET
    assert number.to_dict() == REAL_OWNED_NUMBER


def test_empty_result_without_count_or_numbers(fake_api: FakeNumbersApi, use_async: bool) -> None:
    fake_api.answer(200, REAL_EMPTY_BARE)

    response = owned_detailed(fake_api.client(), use_async=use_async)

    assert isinstance(response.parsed, InboundNumbers)
    assert response.parsed.count is UNSET
    assert response.parsed.numbers is UNSET
    assert owned(fake_api.client(), use_async=use_async) == response.parsed


def test_empty_result_with_zero_count(fake_api: FakeNumbersApi, use_async: bool) -> None:
    fake_api.answer(200, REAL_EMPTY_COUNTED)

    response = owned_detailed(fake_api.client(), use_async=use_async)

    assert isinstance(response.parsed, InboundNumbers)
    assert response.parsed.count == 0
    assert response.parsed.numbers == []
    assert owned(fake_api.client(), use_async=use_async) == response.parsed


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(REAL_AUTH_FAILED, id="real"),
        pytest.param(schema_example("account-unauthorized"), id="spec-example"),
    ],
)
def test_unauthorized(fake_api: FakeNumbersApi, use_async: bool, payload: dict[str, Any]) -> None:
    fake_api.answer(401, payload)

    response = owned_detailed(fake_api.client(), use_async=use_async)

    assert response.status_code == 401
    assert type(response.parsed) is AccountUnauthorized
    assert response.parsed.error_code == "401"
    assert response.parsed.error_code_label == payload["error-code-label"]
    assert type(owned(fake_api.client(), use_async=use_async)) is AccountUnauthorized


def test_default_query_is_the_generated_defaults(fake_api: FakeNumbersApi, use_async: bool) -> None:
    owned_detailed(fake_api.client(), use_async=use_async)

    request = fake_api.last
    assert request.method == "GET"
    assert request.content == b""
    assert query_fields(request) == {"search_pattern": ["0"], "size": ["10"], "index": ["1"]}


def test_defaults_can_be_left_out_with_unset(fake_api: FakeNumbersApi, use_async: bool) -> None:
    owned_detailed(
        fake_api.client(), use_async=use_async, search_pattern=UNSET, size=UNSET, index=UNSET
    )

    assert fake_api.last.url.query == b""


@pytest.mark.parametrize(("value", "sent"), [(True, "true"), (False, "false")])
def test_has_application_is_a_lowercase_boolean(
    fake_api: FakeNumbersApi, use_async: bool, value: bool, sent: str
) -> None:
    owned_detailed(fake_api.client(), use_async=use_async, has_application=value)

    assert query_fields(fake_api.last)["has_application"] == [sent]


def test_parameter_examples_of_the_document_are_sent(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    owned_detailed(
        fake_api.client(),
        use_async=use_async,
        application_id=parameter_example("application_id"),
        has_application=parameter_example("has_application"),
        country=schema("country")["example"],
        pattern=parameter_example("pattern"),
        search_pattern=GetOwnedNumbersSearchPattern(parameter_example("search_pattern")),
        size=parameter_example("size"),
        index=parameter_example("index"),
    )

    assert query_fields(fake_api.last) == {
        "application_id": ["aaaaaaaa-bbbb-cccc-dddd-0123456789ab"],
        "has_application": ["false"],
        "country": ["GB"],
        "pattern": ["12345"],
        "search_pattern": ["1"],
        "size": ["10"],
        "index": ["1"],
    }


@pytest.mark.parametrize("search_pattern", list(GetOwnedNumbersSearchPattern))
def test_paging_and_search_pattern_are_sent_as_given(
    fake_api: FakeNumbersApi, use_async: bool, search_pattern: GetOwnedNumbersSearchPattern
) -> None:
    owned_detailed(
        fake_api.client(),
        use_async=use_async,
        pattern="0123",
        search_pattern=search_pattern,
        size=100,
        index=3,
    )

    assert query_fields(fake_api.last) == {
        "pattern": ["0123"],
        "search_pattern": [str(int(search_pattern))],
        "size": ["100"],
        "index": ["3"],
    }
