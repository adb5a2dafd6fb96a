"""The ids a proxy finding or note is reported under, and which side of the exchange broke a rule.

An answer is judged under the harness's own ids (`contract_tests.judging.registry`): one fault has
one name whether the harness or the proxy met it. A request is something the harness never
judges (it writes its own), so the rules an application's request can break get ids of their own
here, in the registry's words, with the same `Check` shape so the reports can print both alike.
"""

from __future__ import annotations

from enum import Enum

from contract_tests.judging.registry import DOCUMENT, REGISTRY, SERVICE, Check, Origin, check_named

__all__ = [
    "CLIENT_CHECKS",
    "LEGACY_CREDENTIALS",
    "LEGACY_QUERY_FIELDS",
    "LOOSE_BOOLEAN",
    "NOTES",
    "REQUEST_AUTHENTICATED",
    "REQUEST_CONFORMS",
    "REQUEST_DOCUMENTED",
    "REQUEST_SERVICE_ACCEPTS",
    "UNDOCUMENTED_FIELD",
    "UNJUDGED_TOO_LARGE",
    "Side",
    "describe",
]


class Side(Enum):
    """Who broke the rule: the application that sent the request, or the server that answered."""

    CLIENT = "client"
    SERVER = "server"


REQUEST_DOCUMENTED = "request_documented"
REQUEST_CONFORMS = "request_conforms"
REQUEST_AUTHENTICATED = "request_authenticated"
REQUEST_SERVICE_ACCEPTS = "request_service_accepts"

CLIENT_CHECKS: dict[str, Check] = {
    check.id: check
    for check in (
        Check(
            REQUEST_DOCUMENTED,
            "Every request is to an operation the document lists (method and path).",
            DOCUMENT,
            Origin.HARNESS_RULE,
        ),
        Check(
            REQUEST_CONFORMS,
            "A request's parameters and form fields are the document's, complete and valid, and a "
            "POST's body is form-encoded.",
            DOCUMENT,
            Origin.HARNESS_RULE,
        ),
        Check(
            REQUEST_AUTHENTICATED,
            "A request carries credentials in a form the service accepts (HTTP basic, or the "
            "legacy api_key and api_secret pair).",
            SERVICE,
            Origin.HARNESS_RULE,
        ),
        Check(
            REQUEST_SERVICE_ACCEPTS,
            "A request holds nothing the service refuses with 400 (the 400 oracle: an unassigned "
            "country, a size below 1, a field given twice ...).",
            SERVICE,
            Origin.HARNESS_RULE,
        ),
    )
}

# Notes: what the proxy saw and says, never a failure.
LEGACY_CREDENTIALS = "legacy_credentials"
LEGACY_QUERY_FIELDS = "legacy_query_fields"
UNJUDGED_TOO_LARGE = "unjudged_too_large"
UNDOCUMENTED_FIELD = "undocumented_field"
LOOSE_BOOLEAN = "loose_boolean"
NOTES: dict[str, str] = {
    LEGACY_CREDENTIALS: "credentials as api_key and api_secret fields: the service accepts them, "
    "the document declares HTTP basic only",
    LEGACY_QUERY_FIELDS: "a POST's fields in the query string with an empty body: the legacy form "
    "the service accepts (older SDKs, the CLI)",
    UNJUDGED_TOO_LARGE: "an answer larger than the judge's cap, streamed through unjudged past it",
    UNDOCUMENTED_FIELD: "a field the document does not declare (the service ignores it)",
    LOOSE_BOOLEAN: "a boolean spelt True or False (the official Python SDK's), not true or false",
}

if set(CLIENT_CHECKS) & set(REGISTRY):
    raise ValueError("a client-side check reuses an id of the harness's registry")


def describe(check_id: str) -> Check:
    """The check of that id, client side or harness; an unknown id is the proxy's own bug."""
    return CLIENT_CHECKS.get(check_id) or check_named(check_id)
