"""Field-error messages: which rule a value broke, never the value itself (it may be a secret)."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "EMPTY",
    "INVALID",
    "NOT_FORM",
    "REQUIRED",
    "cast_message",
    "media_type_of",
    "schema_error_fields",
    "schema_message",
]

REQUIRED = "Is required."
INVALID = "Is invalid."
EMPTY = "Must not be empty."
NOT_FORM = "Must be a UTF-8 application/x-www-form-urlencoded body."


def cast_message(type_name: str) -> str:
    """The message for a value that cannot be read as `type_name` ("Must be an integer.")."""
    article = "an" if type_name[:1] in ("a", "e", "i", "o", "u") else "a"
    return f"Must be {article} {type_name}."


def schema_message(error: object) -> str:
    """The message for one `jsonschema` validation error."""
    limit = getattr(error, "validator_value", None)
    match getattr(error, "validator", None):
        case "enum":
            return "Must be one of: " + ", ".join(str(option) for option in limit or ()) + "."
        case "maximum":
            return f"Must be at most {limit}."
        case "minimum":
            return f"Must be at least {limit}."
        case "maxLength":
            return f"Must be at most {limit} characters long."
        case "minLength":
            return f"Must be at least {limit} characters long."
        case "type":
            return f"Must be of type {limit}."
        case "required":
            return REQUIRED
        case _:
            return INVALID


def schema_error_fields(error: object, fallback: str = "body") -> list[tuple[str, str]]:
    """(field, message) pairs for one error of an object schema (a `required` error names many)."""
    path = list(getattr(error, "path", ()))
    if getattr(error, "validator", None) == "required" and not path:
        instance = getattr(error, "instance", None)
        present = instance if isinstance(instance, Mapping) else {}
        required = getattr(error, "validator_value", None) or ()
        return [(str(name), REQUIRED) for name in required if name not in present]
    return [(str(path[0]) if path else fallback, schema_message(error))]


def media_type_of(content_type: str | None) -> tuple[str, dict[str, str]]:
    """The lower-cased media type of a Content-Type header and its well-formed parameters."""
    if not content_type:
        return "application/octet-stream", {}
    media_type, *raw_parameters = content_type.split(";")
    parameters: dict[str, str] = {}
    for raw in raw_parameters:
        name, equals, value = raw.partition("=")
        # Malformed parameters are dropped: openapi-core's parser raises on them.
        if equals and name.strip() and "=" not in value:
            parameters[name.strip().lower()] = value.strip().strip('"')
    return media_type.strip().lower(), parameters
