"""numbers_api_client.api.default.buy_a_number: POST /number/buy with a form body."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import pytest
from numbers_api_client.models import ActionFailed, FieldErrors, NumberDetails

from .account_changes import ANSWERS_OF_A_BUY, BUY, Answer
from .support import (
    REAL_METHOD_FAILED,
    REAL_SUCCESS,
    FakeNumbersApi,
    form_fields,
    property_names,
    schema_example,
)


def example_details() -> NumberDetails:
    return NumberDetails.from_dict(schema_example("number-details"))


@pytest.mark.parametrize(("status", "payload", "model"), ANSWERS_OF_A_BUY)
def test_documented_answers_parse_into_their_models(
    fake_api: FakeNumbersApi,
    use_async: bool,
    status: int,
    payload: dict[str, Any],
    model: type[Answer],
) -> None:
    fake_api.answer(status, payload)

    response = BUY.detailed(fake_api.client(), example_details(), use_async=use_async)

    assert response.status_code == status
    assert response.content == fake_api.body
    assert type(response.parsed) is model
    # Every answer but a 400 has the service's error-code pair.
    assert not isinstance(response.parsed, FieldErrors)
    assert response.parsed.error_code == payload["error-code"]
    assert response.parsed.error_code_label == payload["error-code-label"]
    assert response.parsed.additional_properties == {}


@pytest.mark.parametrize(("status", "payload", "model"), ANSWERS_OF_A_BUY)
def test_sync_and_asyncio_return_the_parsed_model(
    fake_api: FakeNumbersApi,
    use_async: bool,
    status: int,
    payload: dict[str, Any],
    model: type[Answer],
) -> None:
    fake_api.answer(status, payload)

    parsed = BUY.parsed(fake_api.client(), example_details(), use_async=use_async)

    assert type(parsed) is model
    assert parsed.to_dict() == payload


def test_success_status_is_an_http_status(fake_api: FakeNumbersApi, use_async: bool) -> None:
    fake_api.answer(200, REAL_SUCCESS)

    response = BUY.detailed(fake_api.client(), example_details(), use_async=use_async)

    assert response.status_code is HTTPStatus.OK


def test_method_failed_status_stays_a_plain_integer(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    fake_api.answer(420, REAL_METHOD_FAILED)

    response = BUY.detailed(fake_api.client(), example_details(), use_async=use_async)

    assert type(response.status_code) is int
    assert response.status_code == 420
    assert isinstance(response.parsed, ActionFailed)
    assert response.parsed.error_code_label == "method failed"


def test_body_is_form_encoded_with_the_documents_field_names(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    example = schema_example("number-details")

    BUY.detailed(fake_api.client(), NumberDetails.from_dict(example), use_async=use_async)

    request = fake_api.last
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert set(example) == property_names("number-details")
    assert form_fields(request) == {name: [value] for name, value in example.items()}


def test_unset_target_api_key_is_not_sent(fake_api: FakeNumbersApi, use_async: bool) -> None:
    BUY.detailed(
        fake_api.client(), NumberDetails(country="US", msisdn="14155550100"), use_async=use_async
    )

    assert form_fields(fake_api.last) == {"country": ["US"], "msisdn": ["14155550100"]}


def test_target_api_key_is_sent_under_its_snake_case_name(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    body = NumberDetails(country="GB", msisdn="447700900001", target_api_key="sub-acct1")

    BUY.detailed(fake_api.client(), body, use_async=use_async)

    assert form_fields(fake_api.last)["target_api_key"] == ["sub-acct1"]
    assert "targetApiKey" not in form_fields(fake_api.last)
