"""Rules for a content map (media type → schema) of a request body or a response."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from spec_update.changes import Change, Location
from spec_update.rules.common import Context, Direction, Paired
from spec_update.rules.schemas import diff_schema
from spec_update.rules.xml import XmlNames, is_xml

MEDIA_TYPE_REMOVED = Paired("request-media-type-removed", "response-media-type-removed")
MEDIA_TYPE_ADDED = Paired("request-media-type-added", "response-media-type-added")


def media_type_name(media_type: str) -> str:
    """`type/subtype` without parameters, in lower case (as HTTP compares it)."""
    return media_type.split(";", 1)[0].strip().lower()


def _parameters(media_type: str) -> dict[str, str]:
    """`charset=utf-8; v=2` as {"charset": "utf-8", "v": "2"} (names in lower case)."""
    found = {}
    for part in media_type.split(";")[1:]:
        name, _, value = part.partition("=")
        found[name.strip().lower()] = value.strip().strip('"')
    return found


def _same_name_pairs(old: Iterable[str], new: Iterable[str]) -> list[tuple[str, str]]:
    """(old, new) media types written differently with the same name, one on each side."""
    gone = [media for media in old if media not in set(new)]
    came = [media for media in new if media not in set(old)]
    pairs = []
    for media in sorted(gone):
        name = media_type_name(media)
        same_old = [other for other in gone if media_type_name(other) == name]
        same_new = [other for other in came if media_type_name(other) == name]
        if len(same_old) == 1 and len(same_new) == 1:
            pairs.append((media, same_new[0]))
    return pairs


def diff_content(
    ctx: Context, old: Any, new: Any, *, at: Location, direction: Direction
) -> list[Change]:
    """Media types removed or added, then schema changes, merged across media types.

    The same schema is usually given for JSON and XML: one change is reported once, naming the
    media types it applies to, instead of once per media type.
    """
    before, after = ctx.old.mapping(old), ctx.new.mapping(new)
    changes: list[Change] = []
    # A media type whose parameters changed (`; charset=utf-8` added) is the same media type:
    # compared under its new name, with its parameters reported apart.
    for old_name, new_name in _same_name_pairs(before.keys(), after.keys()):
        what = f"media type parameters `{old_name}` → `{new_name}`"
        if direction is Direction.REQUEST:
            rule_id = "request-media-type-parameters-changed"
        elif _parameters(old_name).items() <= _parameters(new_name).items():
            rule_id = "response-media-type-parameter-added"
        else:
            rule_id = "response-media-type-parameters-changed"
        changes.append(ctx.change(rule_id, at, what, media_types=(new_name,)))
        before = {(new_name if key == old_name else key): value for key, value in before.items()}
    for media_type in sorted(before.keys() - after.keys()):
        rule_id = MEDIA_TYPE_REMOVED.of(direction)
        what = "media type removed"
        changes.append(ctx.change(rule_id, at, what, media_types=(media_type,)))
    for media_type in sorted(after.keys() - before.keys()):
        rule_id = MEDIA_TYPE_ADDED.of(direction)
        what = "media type added"
        changes.append(ctx.change(rule_id, at, what, media_types=(media_type,)))
    merged: dict[Change, list[str]] = {}
    for media_type in sorted(before.keys() & after.keys()):
        if ctx.compare.same(before[media_type], after[media_type]):
            continue
        old_type, new_type = ctx.old.mapping(before[media_type]), ctx.new.mapping(after[media_type])
        found = diff_schema(
            ctx,
            old_type.get("schema"),
            new_type.get("schema"),
            at=at,
            direction=direction,
            xml=XmlNames() if is_xml(media_type) else None,
        )
        if "itemSchema" in old_type or "itemSchema" in new_type:
            # OpenAPI 3.2: the schema of each item of a sequential body (JSON Lines, events).
            found += diff_schema(
                ctx,
                old_type.get("itemSchema"),
                new_type.get("itemSchema"),
                at=at,
                direction=direction,
                field="(each item)",
            )
        if direction is Direction.REQUEST and not ctx.compare.equivalent(
            old_type.get("encoding"), new_type.get("encoding"), names=True
        ):
            found.append(ctx.change("request-encoding-changed", at, "form encoding changed"))
        for change in found:
            merged.setdefault(change, []).append(media_type)
    for change, media_types in merged.items():
        changes.append(
            replace(change, location=replace(change.location, media_types=tuple(media_types)))
        )
    return changes
