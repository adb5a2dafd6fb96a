"""The 400 oracle: which well-formed requests the real service refuses with 400, and why.

The document is looser than the service (any two characters are a `country`, any integer a
`size`), so a schema-valid request can still be refused. Only the rules below justify such a
refusal; a request that breaks none of them and that the document accepts must not get a 400
(`positive_data_acceptance`): a search refusing `features=SMS,VOICE` (a value the document lists),
or a stub answering 400 to everything, is a finding.

Each rule cites its source: the shared notes on the real service (a field-error body such as
`{"country":"Is required."}` for invalid or missing fields) and the document's own words. The
embedded mock applies the same rules (`numbers_mock/http/checks.py`); a test holds the two together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from iso3166 import countries_by_alpha2

from contract_tests.judging.document import judged_document, resolve
from contract_tests.judging.urls import is_url

Fields = Mapping[str, Sequence[str]]

# Parameters counting from 1: `index` is 1-based (the service's paging) and `size` is a page size
# (default 10); the document gives neither a minimum, the service refuses 0 and below.
COUNTING_FROM_ONE = ("size", "index")
# Update fields naming a webhook: the owned number's `moHttpUrl` has `format: url`, the service
# sends a GET to it, and `voiceStatusCallback` is "a webhook URI"; an empty value removes the
# webhook and is fine.
WEBHOOK_FIELDS = ("moHttpUrl", "voiceStatusCallback")
URL_FIELDS_OPERATION = "POST /number/update"
# The document's integer query parameters: sent as plain ASCII digits (Arabic-Indic digits or
# "1_0" are read as numbers by some parsers, not by the service).
INTEGER_PARAMETERS = ("size", "index", "search_pattern")


def _user_assigned(code: str) -> bool:
    # ISO 3166-1 leaves AA, QM-QZ, XA-XZ and ZZ to its users: no country sells numbers under them.
    return code == "AA" or code == "ZZ" or code[0] == "X" or (code[0] == "Q" and code[1] >= "M")


# The document says `country` is "in ISO 3166-1 alpha-2 format"; the service refuses a code that
# names no country (real-service notes: an unknown country is refused with 400, before anything
# else). Case does not matter (`gb` is `GB`), ASCII letters only.
ISO_COUNTRIES = frozenset(code for code in countries_by_alpha2 if not _user_assigned(code))


def is_known_country(value: str) -> bool:
    return value.isascii() and value.upper() in ISO_COUNTRIES


@cache
def declared_query_parameters(label: str) -> frozenset[str]:
    """The query parameters the document declares for the operation labelled "METHOD /path"."""
    method, _, path = label.partition(" ")
    document = judged_document()
    operation = document.get("paths", {}).get(path, {}).get(method.lower(), {})
    parameters = resolve(document, operation.get("parameters", []))
    return frozenset(
        str(parameter.get("name")) for parameter in parameters if parameter.get("in") == "query"
    )


def refusal_reasons(label: str, query: Fields, form: Fields) -> list[str]:
    """Why the service may refuse this request with 400 (empty: it must not).

    `query` and `form` are the fields as they went on the wire (name -> values). Schema
    violations (a missing required field, a value outside an enum) are the document's business:
    such a request is not positive data and `negative_data_rejection` judges it.
    """
    reasons: list[str] = []
    # The document describes every field once; `msisdn=A&msisdn=B` read as A or as B would
    # silently change which number is bought, so a field named twice is refused.
    for where, fields in (("query", query), ("form", form)):
        reasons += [
            f"{name!r} is given {len(values)} times in the {where}"
            for name, values in fields.items()
            if len(values) > 1
        ]
    # OpenAPI 3.0: `allowEmptyValue` is false unless a parameter says otherwise (none here), so
    # `application_id=` is not a value the document allows; the service refuses it.
    declared = declared_query_parameters(label)
    reasons += [
        f"{name}= is sent empty"
        for name, values in query.items()
        if name in declared and "" in values
    ]
    for name in INTEGER_PARAMETERS:
        for value in query.get(name, []):
            digits = value[1:] if value[:1] in ("-", "+") else value
            if not (digits.isascii() and digits.isdigit()):
                reasons.append(f"{name}={value!r} is not written in ASCII digits")
    for fields in (query, form):
        for country in fields.get("country", []):
            if not is_known_country(country):
                reasons.append(f"country={country!r} is not an assigned ISO 3166-1 alpha-2 code")
    for name in COUNTING_FROM_ONE:
        for value in query.get(name, []):
            try:
                number = int(value)
            except ValueError:
                continue
            if number < 1:
                reasons.append(f"{name}={value} is below 1")
    if label == URL_FIELDS_OPERATION:
        for name in WEBHOOK_FIELDS:
            for value in form.get(name, []):
                if value and not is_url(value):
                    reasons.append(f"{name}={value!r} is not an absolute http(s) URL")
    return reasons
