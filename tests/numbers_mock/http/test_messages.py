from __future__ import annotations

from types import SimpleNamespace

import pytest

from numbers_mock.http.messages import (
    cast_message,
    media_type_of,
    schema_error_fields,
    schema_message,
)


def test_cast_message() -> None:
    assert cast_message("integer") == "Must be an integer."
    assert cast_message("boolean") == "Must be a boolean."


@pytest.mark.parametrize(
    ("validator", "limit", "message"),
    [
        ("enum", ["a", "b"], "Must be one of: a, b."),
        ("maximum", 100, "Must be at most 100."),
        ("minLength", 2, "Must be at least 2 characters long."),
        ("pattern", "x", "Is invalid."),
    ],
)
def test_schema_message(validator: str, limit: object, message: str) -> None:
    assert schema_message(SimpleNamespace(validator=validator, validator_value=limit)) == message


def test_required_error_names_each_missing_field() -> None:
    error = SimpleNamespace(
        validator="required",
        validator_value=["country", "msisdn"],
        instance={"msisdn": "1"},
        path=(),
    )
    assert schema_error_fields(error) == [("country", "Is required.")]


def test_field_error_is_named_by_its_path() -> None:
    error = SimpleNamespace(validator="maxLength", validator_value=2, path=["country"])
    assert schema_error_fields(error) == [("country", "Must be at most 2 characters long.")]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, ("application/octet-stream", {})),
        ("Application/X-WWW-Form-Urlencoded", ("application/x-www-form-urlencoded", {})),
        ('text/plain; Charset="UTF-8"; x', ("text/plain", {"charset": "UTF-8"})),
        ("a/b; k=v=w; =z", ("a/b", {})),
    ],
)
def test_media_type_of(header: str | None, expected: tuple[str, dict[str, str]]) -> None:
    assert media_type_of(header) == expected
