"""The ids a proxy finding or note is reported under, and which side of the exchange broke a rule.

Every finding is reported under an id of the harness's one registry of checks
(`contract_tests.judging.registry`): an answer under the harness's own ids, so one fault has one
name whether the harness or the proxy met it, and a request (which the harness never judges: it
writes its own) under the ids the registry declares for the proxy's rules on requests
(`Origin.REQUEST_CHECK`). Notes, which are never failures, are the proxy's own.
"""

from __future__ import annotations

from enum import Enum

from contract_tests.judging.registry import (
    REGISTRY,
    REQUEST_AUTHENTICATED,
    REQUEST_CONFORMS,
    REQUEST_DOCUMENTED,
    REQUEST_SERVICE_ACCEPTS,
)

__all__ = [
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
]


class Side(Enum):
    """Who broke the rule: the application that sent the request, or the server that answered."""

    CLIENT = "client"
    SERVER = "server"


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

if set(NOTES) & set(REGISTRY):
    raise ValueError("a note of the proxy reuses the id of a check")
