"""The vendored API document, and the response schemas the XML reader and the checks need.

Nothing here restates a schema: everything is looked up in the document that schemathesis loads too.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from numbers_openapi import document_path
from numbers_openapi.documents import load_document
from numbers_openapi.undocumented import applied_document, undocumented_statuses

DOCUMENT_PATH = document_path()

# Operation labels as schemathesis writes them ("METHOD /path"); the checks key on them.
SEARCH = "GET /number/search"
OWNED = "GET /account/numbers"
BUY = "POST /number/buy"
CANCEL = "POST /number/cancel"
UPDATE = "POST /number/update"
LIST_OPERATIONS = frozenset({SEARCH, OWNED})
# Operations that change an account; on a real one `buy` spends money.
ACCOUNT_CHANGING_OPERATIONS = frozenset({BUY, CANCEL, UPDATE})

JsonObject = Mapping[str, Any]
# The throttling answer the overlay documents: waited out and counted by the request gate, never a
# pass (a throttled case judged nothing).
THROTTLED = 429


@cache
def published_document(path: Path = DOCUMENT_PATH) -> dict[str, Any]:
    """The document as published (cached: it is read-only for everyone)."""
    return load_document(path)


def resolve(document: JsonObject, node: Any) -> Any:
    """`node` with every local `$ref` replaced by its target, recursively.

    The document has no recursive references, so a plain walk terminates.
    """
    if isinstance(node, Mapping):
        reference = node.get("$ref")
        if isinstance(reference, str):
            return resolve(document, _follow(document, reference))
        return {key: resolve(document, value) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(document, item) for item in node]
    return node


def _follow(document: JsonObject, reference: str) -> Any:
    if not reference.startswith("#/"):
        raise ValueError(f"only local references are supported, got {reference!r}")
    target: Any = document
    for part in reference[2:].split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target


def response_schema(
    document: JsonObject, path: str, method: str, status_code: int, media_type: str
) -> dict[str, Any] | None:
    """The resolved schema documented for one answer, or None when the document has none."""
    operation = document.get("paths", {}).get(path, {}).get(method.lower())
    if not isinstance(operation, Mapping):
        return None
    responses = operation.get("responses", {})
    response = responses.get(str(status_code)) or responses.get(f"{str(status_code)[0]}XX")
    if response is None:
        response = responses.get("default")
    if not isinstance(response, Mapping):
        return None
    response = resolve(document, response)
    content = response.get("content", {})
    media = content.get(media_type)
    if media is None:
        return None
    schema = media.get("schema")
    return schema if isinstance(schema, dict) else None


@cache
def judged_document() -> dict[str, Any]:
    """The document every answer is judged against: the vendored one with the overlay
    (numbers_openapi/overlay.yaml) applied, as the client is generated from it and the mock reads it
    (so a 400 field-error body and a 420 of a cancel or an update are documented, and
    schema-checked), without the 429 the overlay adds: schemathesis would count a throttled answer
    as a documented one, a pass. Treat it as read-only (it is shared).
    """
    document = applied_document()
    added = undocumented_statuses()
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            responses = operation.get("responses") if isinstance(operation, dict) else None
            if THROTTLED in added.for_label(f"{method.upper()} {path}") and responses:
                responses.pop(str(THROTTLED), None)
    return document


@cache
def documented_statuses() -> dict[str, tuple[str, ...]]:
    """Per operation label, every status the document with the overlay gives it (429 included:
    the overlay documents the service's throttling), in order: the coverage matrix's columns."""
    document = applied_document()
    statuses: dict[str, tuple[str, ...]] = {}
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            responses = operation.get("responses") if isinstance(operation, dict) else None
            if isinstance(responses, dict):
                statuses[f"{method.upper()} {path}"] = tuple(sorted(map(str, responses)))
    return dict(sorted(statuses.items()))
