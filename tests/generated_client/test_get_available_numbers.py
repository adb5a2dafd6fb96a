"""numbers_api_client.api.default.get_available_numbers: GET /number/search."""

from __future__ import annotations

from typing import Any

import pytest
from numbers_api_client.api.default import get_available_numbers
from numbers_api_client.client import AuthenticatedClient
from numbers_api_client.models import (
    AccountUnauthorized,
    AvailableNumber,
    AvailableNumbers,
    FieldErrors,
    GetAvailableNumbersFeatures,
    GetAvailableNumbersSearchPattern,
    GetAvailableNumbersType,
    NumberLimitation,
    NumberLimitationFeature,
    NumberLimitationReach,
    NumberLimitationType,
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
    resolve,
    schema,
    schema_example,
    spec,
)

Answer = AccountUnauthorized | AvailableNumbers | FieldErrors

# Wire name -> attribute of AvailableNumber, for every scalar or list-of-strings property.
AVAILABLE_NUMBER_ATTRIBUTES = {
    "country": "country",
    "msisdn": "msisdn",
    "type": "type_",
    "initialPrice": "initial_price",
    "cost": "cost",
    "features": "features",
}

# An available number as the live service shapes it: prices are strings, and differ here so that
# a swapped mapping of cost and initialPrice would show.
REAL_AVAILABLE_NUMBER: dict[str, Any] = {
    "country": "US",
    "msisdn": "14155550123",
    "type": "landline-toll-free",
    "cost": "0.80",
    "initialPrice": "1.25",
    "features": ["VOICE", "SMS"],
}


def search_detailed(
    client: AuthenticatedClient, *, use_async: bool, country: str = "GB", **query: Any
) -> Response[Answer]:
    if use_async:
        return await_(
            get_available_numbers.asyncio_detailed(client=client, country=country, **query)
        )
    return get_available_numbers.sync_detailed(client=client, country=country, **query)


def search(
    client: AuthenticatedClient, *, use_async: bool, country: str = "GB", **query: Any
) -> Answer | None:
    if use_async:
        return await_(get_available_numbers.asyncio(client=client, country=country, **query))
    return get_available_numbers.sync(client=client, country=country, **query)


def query_parameter(name: str) -> dict[str, Any]:
    """A query parameter of /number/search, looked up in the document by name."""
    for parameter in spec()["paths"]["/number/search"]["get"]["parameters"]:
        resolved = resolve(parameter)
        if resolved["name"] == name:
            return resolved
    raise LookupError(name)


def test_attribute_table_covers_the_schema() -> None:
    assert {*AVAILABLE_NUMBER_ATTRIBUTES, "limitations"} == property_names("availablenumber")


def test_spec_example_parses_field_by_field(fake_api: FakeNumbersApi, use_async: bool) -> None:
    example = schema_example("available-numbers")
    fake_api.answer(200, example)

    response = search_detailed(fake_api.client(), use_async=use_async)

    assert response.status_code == 200
    parsed = response.parsed
    assert isinstance(parsed, AvailableNumbers)
    assert parsed.count == example["count"] == 1234
    assert isinstance(parsed.numbers, list)
    assert len(parsed.numbers) == 1
    number = parsed.numbers[0]
    expected = example["numbers"][0]
    assert type(number) is AvailableNumber
    for wire_name, attribute in AVAILABLE_NUMBER_ATTRIBUTES.items():
        assert getattr(number, attribute) == expected[wire_name], wire_name
    assert number.limitations == [
        NumberLimitation(
            feature=NumberLimitationFeature(item["feature"]),
            type_=NumberLimitationType(item["type"]),
            reach=NumberLimitationReach(item["reach"]),
        )
        for item in expected["limitations"]
    ]
    assert number.additional_properties == {}


def test_real_prices_stay_strings(fake_api: FakeNumbersApi, use_async: bool) -> None:
    fake_api.answer(200, {"count": 1, "numbers": [REAL_AVAILABLE_NUMBER]})

    parsed = search(fake_api.client(), use_async=use_async, country="US")

    assert isinstance(parsed, AvailableNumbers)
    assert isinstance(parsed.numbers, list)
    number = parsed.numbers[0]
    assert number.cost == "0.80"
    assert number.initial_price == "1.25"
    assert number.type_ == "landline-toll-free"
    assert number.to_dict() == REAL_AVAILABLE_NUMBER


def test_empty_result_without_count_or_numbers(fake_api: FakeNumbersApi, use_async: bool) -> None:
    fake_api.answer(200, REAL_EMPTY_BARE)

    response = search_detailed(fake_api.client(), use_async=use_async)

    assert isinstance(response.parsed, AvailableNumbers)
    assert response.parsed.count is UNSET
    assert response.parsed.numbers is UNSET
    assert search(fake_api.client(), use_async=use_async) == response.parsed


def test_empty_result_with_zero_count(fake_api: FakeNumbersApi, use_async: bool) -> None:
    fake_api.answer(200, REAL_EMPTY_COUNTED)

    response = search_detailed(fake_api.client(), use_async=use_async)

    assert isinstance(response.parsed, AvailableNumbers)
    assert response.parsed.count == 0
    assert response.parsed.numbers == []
    assert search(fake_api.client(), use_async=use_async) == response.parsed


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(REAL_AUTH_FAILED, id="real"),
        pytest.param(schema_example("account-unauthorized"), id="spec-example"),
    ],
)
def test_unauthorized(fake_api: FakeNumbersApi, use_async: bool, payload: dict[str, Any]) -> None:
    fake_api.answer(401, payload)

    response = search_detailed(fake_api.client(), use_async=use_async)

    assert response.status_code == 401
    assert type(response.parsed) is AccountUnauthorized
    assert response.parsed.error_code == "401"
    assert response.parsed.error_code_label == payload["error-code-label"]
    assert type(search(fake_api.client(), use_async=use_async)) is AccountUnauthorized


def test_default_query_is_country_and_the_generated_defaults(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    search_detailed(fake_api.client(), use_async=use_async, country="FR")

    request = fake_api.last
    assert request.method == "GET"
    assert request.content == b""
    assert query_fields(request) == {
        "country": ["FR"],
        "search_pattern": ["0"],
        "size": ["10"],
        "index": ["1"],
    }


def test_defaults_can_be_left_out_with_unset(fake_api: FakeNumbersApi, use_async: bool) -> None:
    search_detailed(
        fake_api.client(), use_async=use_async, search_pattern=UNSET, size=UNSET, index=UNSET
    )

    assert query_fields(fake_api.last) == {"country": ["GB"]}


def test_parameter_examples_of_the_document_are_sent(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    search_detailed(
        fake_api.client(),
        use_async=use_async,
        country=schema("country")["example"],
        type_=GetAvailableNumbersType(parameter_example("type")),
        pattern=parameter_example("pattern"),
        search_pattern=GetAvailableNumbersSearchPattern(parameter_example("search_pattern")),
        features=GetAvailableNumbersFeatures(query_parameter("features")["example"]),
        size=parameter_example("size"),
        index=parameter_example("index"),
    )

    assert query_fields(fake_api.last) == {
        "country": ["GB"],
        "type": ["mobile-lvn"],
        "pattern": ["12345"],
        "search_pattern": ["1"],
        "features": ["SMS"],
        "size": ["10"],
        "index": ["1"],
    }


@pytest.mark.parametrize("features", query_parameter("features")["schema"]["enum"])
def test_every_documented_feature_combination_is_sent_verbatim(
    fake_api: FakeNumbersApi, use_async: bool, features: str
) -> None:
    search_detailed(
        fake_api.client(), use_async=use_async, features=GetAvailableNumbersFeatures(features)
    )

    assert query_fields(fake_api.last)["features"] == [features]


@pytest.mark.parametrize("number_type", query_parameter("type")["schema"]["enum"])
def test_every_documented_type_is_sent_verbatim(
    fake_api: FakeNumbersApi, use_async: bool, number_type: str
) -> None:
    search_detailed(
        fake_api.client(), use_async=use_async, type_=GetAvailableNumbersType(number_type)
    )

    assert query_fields(fake_api.last)["type"] == [number_type]


def test_paging_is_sent_as_given(fake_api: FakeNumbersApi, use_async: bool) -> None:
    search_detailed(
        fake_api.client(),
        use_async=use_async,
        search_pattern=GetAvailableNumbersSearchPattern.ENDS_WITH,
        size=100,
        index=7,
    )

    assert query_fields(fake_api.last) == {
        "country": ["GB"],
        "search_pattern": ["2"],
        "size": ["100"],
        "index": ["7"],
    }
