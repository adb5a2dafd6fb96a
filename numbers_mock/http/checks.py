"""Rules the service applies that the document does not state, checked after schema validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from numbers_mock.core.replies import Rejected, field_errors
from numbers_mock.http.validation import ValidatedRequest
from numbers_mock.state.values import ISO_COUNTRIES, URL_FIELDS, is_webhook_url

__all__ = ["check_request"]

_COUNTRY_MESSAGE = "Must be a two-letter ISO 3166-1 alpha-2 country code."
_URL_MESSAGE = "Must be an absolute http or https URL."
# Parameters whose values count from 1: the document gives them no minimum, the service does.
_COUNTING_FROM_ONE = ("size", "index")


def check_request(request: ValidatedRequest) -> ValidatedRequest:
    """`request` with country codes upper-cased, or `Rejected` with 400 naming the bad fields.

    The document only says a country is two characters; the mock wants an assigned ISO 3166-1
    alpha-2 code in ASCII letters (`gb` is read as `GB`; a long s and an `e`, which Unicode
    upper-cases to `SE`, is refused). Page size and index must be at least 1. Webhook fields
    must be URLs (an empty value, which removes the webhook, is fine).
    """
    errors: dict[str, str] = {}
    params = _with_country(request.params, errors)
    body = _with_country(request.body, errors)
    for name in URL_FIELDS:
        url = body.get(name)
        if url and not is_webhook_url(str(url)):
            errors.setdefault(name, _URL_MESSAGE)
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
    text = str(country)
    # isascii first: str.upper folds U+017F (long s) to "S" and U+FB00 (ff) to "FF".
    code = text.upper() if text.isascii() else text
    if code not in ISO_COUNTRIES:
        errors.setdefault("country", _COUNTRY_MESSAGE)
    checked["country"] = code
    return checked
