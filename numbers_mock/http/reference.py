"""Request validation by openapi-core: the reference the compiled validator is measured against.

It handles everything the document can say, but costs milliseconds per request (its schema
navigation is slow even with the document parsed once), so the mock uses it only for operations
the compiled validator (`compiled.py`) does not support, and tests compare the two.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from jsonschema_path import SchemaPath
from openapi_core import Config, OpenAPI
from openapi_core.casting.schemas.exceptions import CastError
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.styles.exceptions import EmptyQueryParameterValue
from openapi_core.security.factories import SecurityProviderFactory
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.unmarshalling.request.protocols import RequestUnmarshaller
from openapi_core.validation.request.exceptions import (
    MissingRequiredParameter,
    MissingRequiredRequestBody,
    ParameterValidationError,
    RequestBodyValidationError,
)
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue

from numbers_mock.core.document import ApiDocument, DocumentError
from numbers_mock.core.replies import Rejected, Reply, field_errors
from numbers_mock.http.messages import (
    EMPTY,
    INVALID,
    NOT_FORM,
    REQUIRED,
    cast_message,
    media_type_of,
    schema_error_fields,
    schema_message,
)

__all__ = ["ReferenceValidator", "ValidatedRequest", "unsupported_media_type"]


@dataclass(frozen=True)
class ValidatedRequest:
    """Query parameters and form fields, typed and defaulted by the document."""

    params: Mapping[str, Any]
    body: Mapping[str, Any]


def unsupported_media_type(accepted: Iterable[str]) -> Reply:
    """HTTP 415 naming the media types the operation takes."""
    listed = ", ".join(accepted) or "no body"
    return Reply(
        415, {"error-code": "415", "error-code-label": f"unsupported media type: {listed}"}
    )


@dataclass
class _CoreRequest:
    """The request as openapi-core's `Request` protocol wants it."""

    host_url: str
    path: str
    method: str
    parameters: RequestParameters
    content_type: str
    body: bytes | None = field(default=None, repr=False)


class _NoSecurityCheck:
    def __call__(self, parameters: RequestParameters) -> None:
        return None


class _SecurityLeftToTheMock(SecurityProviderFactory):
    # The document declares HTTP basic only; the mock also takes the legacy api_key/api_secret
    # pair, so it checks credentials itself, before validation.
    def create(self, scheme: SchemaPath) -> Any:
        return _NoSecurityCheck()


_MAX_MESSAGE = 200


class ReferenceValidator:
    """openapi-core's request unmarshaller for one document, built once."""

    def __init__(self, document: ApiDocument) -> None:
        self._document = document
        try:
            openapi = OpenAPI.from_dict(
                dict(document.raw),
                config=Config(security_provider_factory=_SecurityLeftToTheMock()),
            )
        except Exception as exc:  # openapi-spec-validator raises many kinds, all "bad document"
            raise DocumentError(
                f"{document.path} is not a valid OpenAPI document: {_first_line(exc)}"
            ) from None
        self._unmarshaller: RequestUnmarshaller = openapi.request_unmarshaller

    def validate(
        self,
        operation_id: str,
        *,
        method: str,
        path: str,
        query: Mapping[str, Any],
        headers: Mapping[str, Any],
        content_type: str | None,
        body: bytes | None,
    ) -> ValidatedRequest:
        """The request's typed parameters and body, or `Rejected` with a 400 or 415 reply."""
        media_type, parameters = media_type_of(content_type)
        request = _CoreRequest(
            host_url=self._document.server_url.rstrip("/"),
            path=path,
            # HEAD is GET without a body; the document lists only the GET.
            method="get" if method.lower() == "head" else method.lower(),
            parameters=RequestParameters(query=query, header=headers),
            content_type="; ".join([media_type, *(f"{k}={v}" for k, v in parameters.items())]),
            body=body,
        )
        result = self._unmarshaller.unmarshal(request)
        if result.errors:
            raise Rejected(self._rejection(operation_id, result.errors))
        body_value = result.body if isinstance(result.body, Mapping) else {}
        return ValidatedRequest(dict(result.parameters.query), dict(body_value))

    def _rejection(self, operation_id: str, errors: Iterable[Exception]) -> Reply:
        fields: dict[str, str] = {}
        for error in errors:
            cause = error.__cause__
            if isinstance(error, RequestBodyValidationError) and isinstance(
                cause, MediaTypeNotFound
            ):
                return unsupported_media_type(cause.availableMimetypes)
            for name, message in self._messages(operation_id, error):
                fields.setdefault(name, message)
        return field_errors(fields or {"request": INVALID})

    def _messages(self, operation_id: str, error: Exception) -> list[tuple[str, str]]:
        if isinstance(error, MissingRequiredParameter):
            return [(error.name, REQUIRED)]
        if isinstance(error, ParameterValidationError):
            return [(error.name, _cause_message(error.__cause__))]
        if isinstance(error, MissingRequiredRequestBody):
            required = self._document.required_body_fields(operation_id)
            return [(name, REQUIRED) for name in required] or [("body", REQUIRED)]
        if isinstance(error, RequestBodyValidationError):
            cause = error.__cause__
            if isinstance(cause, InvalidSchemaValue):
                return [pair for item in cause.schema_errors for pair in schema_error_fields(item)]
            return [("body", NOT_FORM)]
        # Anything else (an unknown path, say) is a bug in the mock's routing, not a client error.
        raise error


def _cause_message(cause: BaseException | None) -> str:
    if isinstance(cause, EmptyQueryParameterValue):
        return EMPTY
    if isinstance(cause, CastError) and cause.type:
        return cast_message(cause.type)
    if isinstance(cause, InvalidSchemaValue):
        for schema_error in cause.schema_errors:
            return schema_message(schema_error)
    return INVALID


def _first_line(error: Exception) -> str:
    # A schema error's text goes on to dump the schema and the whole document: its first line
    # (cut short, as it may quote a large part of the document) and where it is are what a
    # person needs.
    text = getattr(error, "message", None)
    if not isinstance(text, str):
        text = str(error)
    message = next(iter(text.splitlines()), "") or type(error).__name__
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 3] + "..."
    where = getattr(error, "json_path", None)
    return f"{message} (at {where})" if isinstance(where, str) and where != "$" else message
