"""numbers_api_client.api.default.update_a_number: POST /number/update with a form body."""

from __future__ import annotations

from typing import Any

import pytest
from numbers_api_client.models import (
    ActionFailed,
    FieldErrors,
    NumberDetailsUpdate,
    NumberDetailsUpdateMessagesCallbackType,
    NumberDetailsUpdateVoiceCallbackType,
)

from .account_changes import ANSWERS, UPDATE, Answer
from .support import (
    REAL_FIELD_ERRORS,
    REAL_METHOD_FAILED,
    FakeNumbersApi,
    form_fields,
    property_names,
    schema_example,
)


def minimal_update(**fields: Any) -> NumberDetailsUpdate:
    return NumberDetailsUpdate(country="GB", msisdn="447700900000", **fields)


@pytest.mark.parametrize(("status", "payload", "model"), ANSWERS)
def test_documented_answers_parse_into_their_models(
    fake_api: FakeNumbersApi,
    use_async: bool,
    status: int,
    payload: dict[str, Any],
    model: type[Answer],
) -> None:
    fake_api.answer(status, payload)

    response = UPDATE.detailed(fake_api.client(), minimal_update(), use_async=use_async)

    assert response.status_code == status
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

    parsed = UPDATE.parsed(fake_api.client(), minimal_update(), use_async=use_async)

    assert type(parsed) is model
    assert parsed.to_dict() == payload


def test_every_field_of_the_example_is_sent_under_the_documents_name(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    example = schema_example("number-details-update")
    assert set(example) == property_names("number-details-update")

    UPDATE.detailed(fake_api.client(), NumberDetailsUpdate.from_dict(example), use_async=use_async)

    request = fake_api.last
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert form_fields(request) == {name: [value] for name, value in example.items()}


def test_empty_mo_http_url_is_sent_as_an_empty_value(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    """An empty moHttpUrl removes the webhook, so it must reach the service, not be dropped."""
    UPDATE.detailed(fake_api.client(), minimal_update(mo_http_url=""), use_async=use_async)

    assert "moHttpUrl=" in fake_api.last.content.decode().split("&")
    assert form_fields(fake_api.last) == {
        "country": ["GB"],
        "msisdn": ["447700900000"],
        "moHttpUrl": [""],
    }


def test_unset_fields_are_not_sent(fake_api: FakeNumbersApi, use_async: bool) -> None:
    UPDATE.detailed(fake_api.client(), minimal_update(), use_async=use_async)

    assert form_fields(fake_api.last) == {"country": ["GB"], "msisdn": ["447700900000"]}


def test_field_names_keep_their_camel_case(fake_api: FakeNumbersApi, use_async: bool) -> None:
    body = minimal_update(
        mo_http_url="https://example.com/webhooks/inbound-sms?a=1&b=2",
        mo_smpp_sys_type="inbound",
        voice_callback_value="sip:alice@example.com",
        voice_status_callback="https://example.com/webhooks/status",
    )

    UPDATE.detailed(fake_api.client(), body, use_async=use_async)

    assert form_fields(fake_api.last) == {
        "country": ["GB"],
        "msisdn": ["447700900000"],
        "moHttpUrl": ["https://example.com/webhooks/inbound-sms?a=1&b=2"],
        "moSmppSysType": ["inbound"],
        "voiceCallbackValue": ["sip:alice@example.com"],
        "voiceStatusCallback": ["https://example.com/webhooks/status"],
    }


@pytest.mark.parametrize("callback_type", list(NumberDetailsUpdateVoiceCallbackType))
def test_voice_callback_type_is_sent_as_its_value(
    fake_api: FakeNumbersApi, use_async: bool, callback_type: NumberDetailsUpdateVoiceCallbackType
) -> None:
    body = minimal_update(voice_callback_type=callback_type, voice_callback_value="447700900009")

    UPDATE.detailed(fake_api.client(), body, use_async=use_async)

    fields = form_fields(fake_api.last)
    assert fields["voiceCallbackType"] == [callback_type.value]
    assert fields["voiceCallbackValue"] == ["447700900009"]


def test_deprecated_messages_callback_pair_is_sent(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    body = minimal_update(
        app_id="aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
        messages_callback_type=NumberDetailsUpdateMessagesCallbackType.APP,
        messages_callback_value="aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
    )

    UPDATE.detailed(fake_api.client(), body, use_async=use_async)

    fields = form_fields(fake_api.last)
    assert fields["app_id"] == ["aaaaaaaa-bbbb-cccc-dddd-0123456789ab"]
    assert fields["messagesCallbackType"] == ["app"]
    assert fields["messagesCallbackValue"] == ["aaaaaaaa-bbbb-cccc-dddd-0123456789ab"]


def test_a_refused_update_parses_into_action_failed(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    """The live service refuses an update with 420 like a buy; the overlay documents it."""
    fake_api.answer(420, REAL_METHOD_FAILED)
    client = fake_api.client(raise_on_unexpected_status=True)

    response = UPDATE.detailed(client, minimal_update(), use_async=use_async)

    assert response.status_code == 420
    assert response.parsed == ActionFailed(error_code="420", error_code_label="method failed")
    assert len(fake_api.requests) == 1  # a refusal is an answer, not something to retry


def test_a_update_with_a_missing_field_parses_the_field_errors(
    fake_api: FakeNumbersApi, use_async: bool
) -> None:
    fake_api.answer(400, REAL_FIELD_ERRORS)

    response = UPDATE.detailed(fake_api.client(), minimal_update(), use_async=use_async)

    assert response.status_code == 400
    assert isinstance(response.parsed, FieldErrors)
    assert response.parsed.additional_properties == {"country": "Is required."}
