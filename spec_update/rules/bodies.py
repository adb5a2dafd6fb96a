"""Rules for the request body of one operation."""

from __future__ import annotations

from typing import Any

from spec_update.changes import A, B, C, Change, Direction
from spec_update.rules.content import diff_content


def diff_request_body(
    old: dict[str, Any] | None, new: dict[str, Any] | None, *, where: str
) -> list[Change]:
    if old is None and new is None:
        return []
    if old is None:
        assert new is not None
        if new.get("required"):
            return [Change.of(where, "required request body added", (B, B))]
        return [Change.of(where, "optional request body added", (A, A))]
    if new is None:
        return [Change.of(where, "request body removed", (B, C))]
    changes: list[Change] = []
    was, now = bool(old.get("required")), bool(new.get("required"))
    if not was and now:
        changes.append(Change.of(where, "request body became required", (B, C)))
    elif was and not now:
        changes.append(Change.of(where, "request body became optional", (A, B)))
    changes += diff_content(
        old.get("content", {}), new.get("content", {}), where=where, direction=Direction.REQUEST
    )
    return changes
