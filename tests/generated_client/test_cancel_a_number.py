"""numbers_api_client.api.default.cancel_a_number: POST /number/cancel with a form body."""

from __future__ import annotations

from typing import Any

import pytest
from numbers_api_client.models import ActionFailed, FieldErrors, NumberDetails

from .account_changes import ANSWERS, CANCEL, Answer
from .support import (
    REAL_FIELD_ERRORS,
    REAL_METHOD_FAILED,
    FakeNumbersApi,
    form_fields,
    property_names,
    schema_example,
)


def example_details() -> NumberDetails:
    return NumberDetails.from_dict(schema_example("number-details"))


@pytest.mark.parametrize(("status", "payload", "model"), ANSWERS)
def test_documented_answers_parse_into_their_models(
    fake_api: FakeNumbersApi,
    use_async: bool,
    status: int,
    payload: dict[str, Any],
    model: type[Answer],
) -> None:
    fake_api.answer(status, payload)

    response = CANCEL.detailed(fake_api.client(), example_details(), use_async=use_async)

    assert response.status_code == status
    assert response.content == fake_api.body
    assert type(response.parsed) is model
    # Every answer but a 400 has the service's error-code pair.
    assert not isinstance(response.parsed, FieldErrors)
    assert response.parsed.error_code == payload["error-code"]
    assert response.parsed.error_code_label == payload["error-code-label"]


@pytest.mark.parametrize(("status", "payload", "model"), ANSWERS)
def test_sync_and_asyncio_return_the_parsed_model(
    fake_api: FakeNumbersApi,
    use_async: bool,
    status: int,
    payload: dict[str, Any],
    model: type[Answer],
) -> None:
    fake_api.answer(status, payload)

    parsed = CANCEL.parsed(fake_api.client(), example_details(), use_async=use_async)

    assert type(parsed) is model
    assert parsed.to_dict() == payload


def test_body_is_form_encoded_with_the_documents_field_names(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    example = schema_example("number-details")

    CANCEL.detailed(fake_api.client(), NumberDetails.from_dict(example), use_async=use_async)

    request = fake_api.last
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert set(example) == property_names("number-details")
    assert form_fields(request) == {name: [value] for name, value in example.items()}


def test_unset_target_api_key_is_not_sent(fake_api: FakeNumbersApi, use_async: bool) -> None:
    CANCEL.detailed(
        fake_api.client(), NumberDetails(country="GB", msisdn="447700900002"), use_async=use_async
    )

    assert form_fields(fake_api.last) == {"country": ["GB"], "msisdn": ["447700900002"]}


def test_a_refused_cancel_parses_into_action_failed(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    """The live service refuses a cancel with 420 like a buy; the overlay documents it."""
    fake_api.answer(420, REAL_METHOD_FAILED)
    client = fake_api.client(raise_on_unexpected_status=True)

    response = CANCEL.detailed(client, example_details(), use_async=use_async)

    assert response.status_code == 420
    assert response.parsed == ActionFailed(error_code="420", error_code_label="method failed")
    assert len(fake_api.requests) == 1  # a refusal is an answer, not something to retry


def test_a_cancel_with_a_missing_field_parses_the_field_errors(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    fake_api.answer(400, REAL_FIELD_ERRORS)

    response = CANCEL.detailed(fake_api.client(), example_details(), use_async=use_async)

    assert response.status_code == 400
    assert isinstance(response.parsed, FieldErrors)
    assert response.parsed.additional_properties == {"country": "Is required."}
