"""Request validation compiled from the document at startup: the fast path.

openapi-core walks the document for every request and costs milliseconds each time. For the
operations whose requests use only what is common in this API (query parameters of primitive types
in the default form style, string fields in a form body), the document is read once into a plan:
per parameter a cast and a JSON Schema validator of the document's own dialect (the validators
openapi-core itself uses), per body the declared fields and a validator of the body schema.
Anything else in a document (header or path parameters, arrays, JSON bodies, ...) makes
`compile_operation` return None, and that operation is validated by openapi-core instead.
Tests check that both validators accept and refuse the same requests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from openapi_core.util import BOOLEAN_FALSE_VALUES, BOOLEAN_TRUE_VALUES
from openapi_schema_validator import OAS30WriteValidator, OAS31Validator

from numbers_mock.core.document import ApiDocument, DocumentError
from numbers_mock.core.replies import Rejected, field_errors
from numbers_mock.http.messages import (
    EMPTY,
    NOT_FORM,
    REQUIRED,
    cast_message,
    media_type_of,
    schema_error_fields,
    schema_message,
)
from numbers_mock.http.reference import ValidatedRequest, unsupported_media_type

__all__ = ["FORM_MEDIA_TYPE", "OperationPlan", "compile_operation"]

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
_VALIDATOR_CLASSES: Mapping[str, Any] = {"3.0": OAS30WriteValidator, "3.1": OAS31Validator}
_MISSING = object()
# Schema keywords that constrain nothing once the value has been cast to the schema's type.
_NO_CONSTRAINT = frozenset({"type", "default", "description", "example", "title", "deprecated"})


def _boolean(text: str) -> bool:
    # openapi-core's reading of a boolean query value, kept identical on purpose.
    lowered = text.lower()
    if lowered in BOOLEAN_TRUE_VALUES:
        return True
    if lowered in BOOLEAN_FALSE_VALUES:
        return False
    raise ValueError("not a boolean")


_CASTS: Mapping[str | None, Callable[[str], Any]] = {
    None: str,
    "string": str,
    "integer": int,
    "number": float,
    "boolean": _boolean,
}


@dataclass(frozen=True)
class _Parameter:
    name: str
    required: bool
    default: Any
    type_name: str
    cast: Callable[[str], Any]
    validator: Any  # None when the cast alone guarantees the schema holds


@dataclass(frozen=True)
class _Body:
    required: bool
    required_fields: tuple[str, ...]
    fields: tuple[str, ...]
    validator: Any


@dataclass(frozen=True)
class OperationPlan:
    """How to validate the requests of one operation."""

    parameters: tuple[_Parameter, ...]
    body: _Body | None

    def validate(
        self, query: Mapping[str, str], content_type: str | None, body: bytes | None
    ) -> ValidatedRequest:
        """Typed parameters and body fields, or `Rejected` with a 400 or 415 reply."""
        errors: dict[str, str] = {}
        # A plain dict once (the last of repeated names, as Starlette and openapi-core read it):
        # Mapping.get on Starlette's multidict is slow, and every declared parameter is looked up.
        params = self._parameters(dict(query.items()), errors)
        form = self._form(content_type, body, errors)
        if errors:
            raise Rejected(field_errors(errors))
        return ValidatedRequest(params, form)

    def _parameters(self, query: Mapping[str, str], errors: dict[str, str]) -> dict[str, Any]:
        params: dict[str, Any] = {}
        for parameter in self.parameters:
            raw = query.get(parameter.name)
            if raw is None:
                if parameter.required:
                    errors[parameter.name] = REQUIRED
                elif parameter.default is not _MISSING:
                    params[parameter.name] = parameter.default
                continue
            # Cast before the emptiness check, as openapi-core does: "" is "not an integer" first.
            try:
                value = parameter.cast(raw)
            except (ValueError, TypeError):
                errors[parameter.name] = cast_message(parameter.type_name)
                continue
            if raw == "":
                errors[parameter.name] = EMPTY
                continue
            if parameter.validator is not None:
                error = next(iter(parameter.validator.iter_errors(value)), None)
                if error is not None:
                    errors[parameter.name] = schema_message(error)
                    continue
            params[parameter.name] = value
        return params

    def _form(
        self, content_type: str | None, body: bytes | None, errors: dict[str, str]
    ) -> dict[str, Any]:
        spec = self.body
        if spec is None:
            return {}
        if not body:
            if spec.required:
                for name in spec.required_fields or ("body",):
                    errors.setdefault(name, REQUIRED)
            return {}
        if media_type_of(content_type)[0] != FORM_MEDIA_TYPE:
            raise Rejected(unsupported_media_type([FORM_MEDIA_TYPE]))
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            errors.setdefault("body", NOT_FORM)
            return {}
        sent: dict[str, str] = {}
        for name, value in parse_qsl(text, keep_blank_values=True):
            sent.setdefault(name, value)
        # Undeclared fields are dropped, as openapi-core drops them.
        form = {name: sent[name] for name in spec.fields if name in sent}
        for error in spec.validator.iter_errors(form):
            for name, message in schema_error_fields(error):
                errors.setdefault(name, message)
        return form


def compile_operation(document: ApiDocument, operation_id: str) -> OperationPlan | None:
    """The plan of one operation, or None when it uses something the plans do not support."""
    validator_class = _VALIDATOR_CLASSES.get(str(document.raw.get("openapi", ""))[:3])
    if validator_class is None:
        return None
    try:
        return _compile(document, operation_id, validator_class)
    except (_Unsupported, DocumentError):
        return None


class _Unsupported(Exception):
    pass


def _compile(document: ApiDocument, operation_id: str, validator_class: Any) -> OperationPlan:
    ref = next(op for op in document.operations() if op.operation_id == operation_id)
    operation = document.operation(operation_id)
    declared = [
        *document.raw["paths"][ref.path].get("parameters", ()),
        *operation.get("parameters", ()),
    ]
    by_key = {}
    for node in declared:  # operation-level parameters override path-level ones of the same key
        parameter = document.resolve(node)
        by_key[(parameter.get("name"), parameter.get("in"))] = parameter
    parameters = tuple(_parameter(document, p, validator_class) for p in by_key.values())
    body = operation.get("requestBody")
    return OperationPlan(
        parameters,
        None if body is None else _body(document, document.resolve(body), validator_class),
    )


def _parameter(
    document: ApiDocument, parameter: Mapping[str, Any], validator_class: Any
) -> _Parameter:
    if parameter.get("in") != "query" or "content" in parameter or parameter.get("allowEmptyValue"):
        raise _Unsupported
    if parameter.get("style", "form") != "form":
        raise _Unsupported
    schema = document.inline(parameter.get("schema", {}))
    type_name = schema.get("type")
    if type_name not in _CASTS or any(key in schema for key in ("oneOf", "anyOf", "allOf", "not")):
        raise _Unsupported
    return _Parameter(
        name=str(parameter["name"]),
        required=bool(parameter.get("required", False)),
        default=schema.get("default", _MISSING),
        type_name=str(type_name or "string"),
        cast=_CASTS[type_name],
        validator=None
        if set(schema) <= _NO_CONSTRAINT
        else validator_class(schema, format_checker=validator_class.FORMAT_CHECKER),
    )


def _body(document: ApiDocument, body: Mapping[str, Any], validator_class: Any) -> _Body:
    content = body.get("content", {})
    media = content.get(FORM_MEDIA_TYPE)
    if set(content) != {FORM_MEDIA_TYPE} or media is None or "encoding" in media:
        raise _Unsupported
    schema = document.inline(media.get("schema", {}))
    properties: Mapping[str, Any] = schema.get("properties", {})
    if schema.get("type", "object") != "object" or any(
        sub.get("type", "string") != "string" for sub in properties.values()
    ):
        raise _Unsupported
    return _Body(
        required=bool(body.get("required", False)),
        required_fields=tuple(schema.get("required", ())),
        fields=tuple(properties),
        validator=validator_class(schema, format_checker=validator_class.FORMAT_CHECKER),
    )
