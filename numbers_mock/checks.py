"""Rules the service applies that the document does not state, checked after schema validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from iso3166 import countries_by_alpha2

from numbers_mock.replies import Rejected, field_errors
from numbers_mock.validation import ValidatedRequest

__all__ = ["ISO_COUNTRIES", "URL_FIELDS", "check_request", "is_webhook_url"]

_COUNTRY_MESSAGE = "Must be a two-letter ISO 3166-1 alpha-2 country code."
_URL_MESSAGE = "Must be an absolute http or https URL."
# Parameters whose values count from 1: the document gives them no minimum, the service does.
_COUNTING_FROM_ONE = ("size", "index")
# Update fields that name a webhook: the owned-number schema gives `moHttpUrl` `format: url`, and
# `voiceStatusCallback` is "a webhook URI". The document's update body gives neither a format.
URL_FIELDS = ("moHttpUrl", "voiceStatusCallback")
_MAX_URL_LENGTH = 2048


def _user_assigned(code: str) -> bool:
    # ISO 3166-1 leaves AA, QM-QZ, XA-XZ and ZZ to its users; lists carry some (XK, Kosovo).
    return code == "AA" or code == "ZZ" or code[0] == "X" or (code[0] == "Q" and code[1] >= "M")


# Assigned codes only, from a maintained list (the iso3166 package), not phonenumbers' regions:
# those lack AQ, BV, HM, ... and add AC, TA, XK.
ISO_COUNTRIES = frozenset(code for code in countries_by_alpha2 if not _user_assigned(code))


def is_webhook_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host, in printable ASCII without spaces."""
    if not value.isascii() or not value.isprintable() or " " in value:
        return False
    if len(value) > _MAX_URL_LENGTH:
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(host)


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
