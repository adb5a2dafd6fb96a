"""Rules the service applies that the document does not state, checked after schema validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import phonenumbers

from numbers_mock.replies import Rejected, field_errors
from numbers_mock.validation import ValidatedRequest

__all__ = ["check_request"]

_COUNTRY_MESSAGE = "Must be a two-letter ISO 3166-1 alpha-2 country code."
# Parameters whose values count from 1: the document gives them no minimum, the service does.
_COUNTING_FROM_ONE = ("size", "index")


def check_request(request: ValidatedRequest) -> ValidatedRequest:
    """`request` with country codes upper-cased, or `Rejected` with 400 naming the bad fields.

    The document only says a country is two characters; the mock also wants a region that
    `phonenumbers` knows (so `ZZ` or `1A` are refused, `gb` is read as `GB`). Page size and index
    must be at least 1.
    """
    errors: dict[str, str] = {}
    params = _with_country(request.params, errors)
    body = _with_country(request.body, errors)
    for name in _COUNTING_FROM_ONE:
        value = params.get(name)
        if isinstance(value, int) and value < 1:
            errors.setdefault(name, "Must be at least 1.")
    if errors:
        raise Rejected(field_errors(errors))
    return ValidatedRequest(params, body)


def _with_country(fields: Mapping[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    checked = dict(fields)
    country = checked.get("country")
    if country is None:
        return checked
    code = str(country).upper()
    if not (code.isascii() and code.isalpha() and code in phonenumbers.SUPPORTED_REGIONS):
        errors.setdefault("country", _COUNTRY_MESSAGE)
    checked["country"] = code
    return checked
