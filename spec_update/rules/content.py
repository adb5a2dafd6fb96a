"""Rules for a content map (media type → schema) of a request body or a response."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spec_update.changes import B, Change, Direction, narrowed, widened
from spec_update.rules.common import strip_docs
from spec_update.rules.schemas import diff_schema


def diff_content(
    old: dict[str, Any], new: dict[str, Any], *, where: str, direction: Direction
) -> list[Change]:
    """Media types removed or added, then schema changes, merged across media types.

    The same schema is usually given for JSON and XML: one change is reported once, naming the
    media types it applies to, instead of once per media type.
    """
    changes: list[Change] = []
    for media_type in sorted(old.keys() - new.keys()):
        changes.append(Change.of(where, f"media type `{media_type}` removed", narrowed(direction)))
    for media_type in sorted(new.keys() - old.keys()):
        impacts = widened(direction, offers_more=True)
        changes.append(Change.of(where, f"media type `{media_type}` added", impacts))
    merged: dict[Change, list[str]] = {}
    for media_type in sorted(old.keys() & new.keys()):
        before, after = old[media_type] or {}, new[media_type] or {}
        found = diff_schema(
            before.get("schema", {}), after.get("schema", {}), where=where, direction=direction
        )
        if strip_docs(before.get("encoding")) != strip_docs(after.get("encoding")):
            found.append(Change.of(where, "form encoding changed", (B, B)))
        for change in found:
            merged.setdefault(change, []).append(media_type)
    for change, media_types in merged.items():
        where_exactly = f"{change.where} ({', '.join(media_types)})"
        changes.append(replace(change, where=where_exactly))
    return changes
