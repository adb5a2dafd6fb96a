"""What every operation of numbers_api_client.api.default shares: credentials, Accept, statuses."""

from __future__ import annotations

import base64
from http import HTTPStatus
from typing import Any

import pytest
from numbers_api_client import errors
from numbers_api_client.models import (
    AccountUnauthorized,
    ActionFailed,
    ActionResponse,
    AvailableNumbers,
    FieldErrors,
    InboundNumbers,
    Unauthorized,
)

from .support import (
    API_KEY,
    API_SECRET,
    OPERATIONS,
    FakeNumbersApi,
    Operation,
    schema_example,
    spec,
)

MODEL_BY_SCHEMA: dict[str, type[Any]] = {
    "inbound-numbers": InboundNumbers,
    "available-numbers": AvailableNumbers,
    "account-unauthorized": AccountUnauthorized,
    "unauthorized": Unauthorized,
    "response": ActionResponse,
    "response420": ActionFailed,
    "field-errors": FieldErrors,
}

KNOWN_TO_HTTPSTATUS = {member.value for member in HTTPStatus}

OPERATION_IDS = [operation.operation_id for operation in OPERATIONS]

DOCUMENTED = [
    pytest.param(operation, status, id=f"{operation.operation_id}-{status}")
    for operation in OPERATIONS
    for status in sorted(operation.statuses_with_a_body())
]
BODILESS = [
    pytest.param(operation, status, id=f"{operation.operation_id}-{status}")
    for operation in OPERATIONS
    for status in sorted(operation.documented_statuses() - operation.statuses_with_a_body())
]

# Statuses no operation documents: a client error, a joke, server errors, one HTTPStatus lacks.
# (503 is retried, and tested with the retries.)
UNDOCUMENTED_EVERYWHERE = (402, 418, 500, 502, 599)
UNDOCUMENTED = [
    pytest.param(operation, status, id=f"{operation.operation_id}-{status}")
    for operation in OPERATIONS
    for status in UNDOCUMENTED_EVERYWHERE
    if status not in operation.documented_statuses()
]

# Bodies an undocumented answer may carry: none of them may be parsed.
ODD_BODIES = [
    pytest.param(b"<html><body>Service Unavailable</body></html>", "text/html", id="html"),
    pytest.param(b"", "text/plain", id="empty"),
    pytest.param(b'{"country":"Is required."}', "application/json;charset=UTF-8", id="json"),
]


def test_the_table_covers_every_operation_of_the_document() -> None:
    in_document = {
        (method, path, details["operationId"])
        for path, item in spec()["paths"].items()
        for method, details in item.items()
    }
    in_table = {(op.method, op.path, op.operation_id) for op in OPERATIONS}
    assert in_table == in_document


@pytest.mark.parametrize("operation", OPERATIONS, ids=OPERATION_IDS)
def test_requests_go_to_the_documented_method_and_path(
    fake_api: FakeNumbersApi, use_async: bool, operation: Operation
) -> None:
    operation.detailed(fake_api.client(), use_async=use_async)

    assert fake_api.last.method == operation.method.upper()
    assert fake_api.last.url.host == "rest.nexmo.com"
    assert fake_api.last.url.path == operation.path


@pytest.mark.parametrize("operation", OPERATIONS, ids=OPERATION_IDS)
def test_every_operation_sends_http_basic_credentials(
    fake_api: FakeNumbersApi, use_async: bool, operation: Operation
) -> None:
    operation.detailed(fake_api.client(), use_async=use_async)

    expected = base64.b64encode(f"{API_KEY}:{API_SECRET}".encode()).decode("ascii")
    assert fake_api.last.headers["Authorization"] == f"Basic {expected}"
    # The legacy query-string credentials must not be used alongside.
    assert "api_key" not in fake_api.last.url.params
    assert "api_secret" not in fake_api.last.url.params
    assert API_SECRET.encode() not in fake_api.last.content


@pytest.mark.parametrize("operation", OPERATIONS, ids=OPERATION_IDS)
def test_every_operation_asks_for_json(
    fake_api: FakeNumbersApi, use_async: bool, operation: Operation
) -> None:
    operation.detailed(fake_api.client(), use_async=use_async)

    assert fake_api.last.headers.get_list("Accept") == ["application/json"]


@pytest.mark.parametrize(("operation", "status"), DOCUMENTED)
def test_every_documented_answer_parses_the_documents_example(
    fake_api: FakeNumbersApi, use_async: bool, operation: Operation, status: int
) -> None:
    schema_name = operation.response_schema(status)
    example = schema_example(schema_name)
    fake_api.answer(status, example)

    response = operation.detailed(fake_api.client(), use_async=use_async)

    assert response.status_code == status
    parsed = response.parsed
    assert type(parsed) is MODEL_BY_SCHEMA[schema_name]
    assert parsed is not None
    assert parsed.to_dict() == example
    # Only the field errors are all additional: one member per field, as the service names them.
    expected_additional = example if schema_name == "field-errors" else {}
    assert parsed.additional_properties == expected_additional
    assert operation.parsed(fake_api.client(), use_async=use_async) == response.parsed


def test_the_overlay_documents_400_and_429_everywhere_and_420_on_every_action() -> None:
    for operation in OPERATIONS:
        expected = {200, 400, 401, 429} | ({420} if operation.method == "post" else set())
        assert operation.documented_statuses() == expected, operation.operation_id
        assert 429 not in operation.statuses_with_a_body()


@pytest.mark.parametrize(("operation", "status"), BODILESS)
def test_a_documented_answer_without_a_body_parses_to_none(
    fake_api: FakeNumbersApi, use_async: bool, operation: Operation, status: int
) -> None:
    fake_api.answer_raw(status, b"<html>Too Many Requests</html>", "text/html")
    client = fake_api.client(raise_on_unexpected_status=True, retries=None)

    response = operation.detailed(client, use_async=use_async)

    assert response.status_code == status
    assert response.parsed is None


@pytest.mark.parametrize(("operation", "status"), UNDOCUMENTED)
@pytest.mark.parametrize(("body", "content_type"), ODD_BODIES)
def test_undocumented_status_raises_unexpected_status_when_asked(
    fake_api: FakeNumbersApi,
    use_async: bool,
    operation: Operation,
    status: int,
    body: bytes,
    content_type: str,
) -> None:
    fake_api.answer_raw(status, body, content_type)
    client = fake_api.client(raise_on_unexpected_status=True)

    with pytest.raises(errors.UnexpectedStatus) as caught:
        operation.detailed(client, use_async=use_async)
    assert caught.value.status_code == status
    assert caught.value.content == body

    with pytest.raises(errors.UnexpectedStatus) as caught_again:
        operation.parsed(client, use_async=use_async)
    assert caught_again.value.status_code == status


@pytest.mark.parametrize(("operation", "status"), UNDOCUMENTED)
@pytest.mark.parametrize(("body", "content_type"), ODD_BODIES)
def test_undocumented_status_gives_an_unparsed_response_by_default(
    fake_api: FakeNumbersApi,
    use_async: bool,
    operation: Operation,
    status: int,
    body: bytes,
    content_type: str,
) -> None:
    fake_api.answer_raw(status, body, content_type)
    client = fake_api.client()

    response = operation.detailed(client, use_async=use_async)

    assert response.status_code == status
    if status in KNOWN_TO_HTTPSTATUS:
        assert response.status_code is HTTPStatus(status)
    else:
        assert type(response.status_code) is int
    assert response.parsed is None
    assert response.content == body
    assert response.headers["Content-Type"] == content_type
    assert operation.parsed(client, use_async=use_async) is None
