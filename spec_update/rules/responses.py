"""Rules for the responses of one operation: status codes, media types, headers, bodies.

A status code a server may newly answer with is one that old clients do not handle (the generated
client returns None or raises UnexpectedStatus), so an added status breaks clients; a removed one
breaks servers that still answer with it.
"""

from __future__ import annotations

from typing import Any

from spec_update.changes import A, B, C, Change, Direction
from spec_update.rules.content import diff_content
from spec_update.rules.schemas import diff_schema


def diff_responses(old: dict[str, Any], new: dict[str, Any], *, where: str) -> list[Change]:
    changes: list[Change] = []
    for status in sorted(old.keys() - new.keys()):
        changes.append(Change.of(where, f"response status {status} removed", (C, B)))
    for status in sorted(new.keys() - old.keys()):
        changes.append(Change.of(where, f"response status {status} added", (B, C)))
    for status in sorted(old.keys() & new.keys()):
        changes += _diff_response(old[status], new[status], where=f"{where} response {status}")
    return changes


def _diff_response(old: dict[str, Any], new: dict[str, Any], *, where: str) -> list[Change]:
    changes: list[Change] = []
    headers_before: dict[str, Any] = old.get("headers", {})
    headers_after: dict[str, Any] = new.get("headers", {})
    for name in sorted(headers_before.keys() - headers_after.keys()):
        changes.append(Change.of(where, f"header `{name}` removed", (B, C)))
    for name in sorted(headers_after.keys() - headers_before.keys()):
        impacts = (A, B) if headers_after[name].get("required") else (A, C)
        changes.append(Change.of(where, f"header `{name}` added", impacts))
    for name in sorted(headers_before.keys() & headers_after.keys()):
        changes += diff_schema(
            headers_before[name].get("schema", {}),
            headers_after[name].get("schema", {}),
            where=f"{where} header `{name}`",
            direction=Direction.RESPONSE,
        )
    changes += diff_content(
        old.get("content", {}), new.get("content", {}), where=where, direction=Direction.RESPONSE
    )
    return changes
