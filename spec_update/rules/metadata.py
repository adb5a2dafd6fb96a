"""Rules for what describes the document as a whole: its versions, title, terms, servers, tags."""

from __future__ import annotations

from typing import Any

from spec_update.changes import Change, Location
from spec_update.doc_keys import is_doc_key
from spec_update.rules.common import Context, show
from spec_update.rules.operations import Operation
from spec_update.view import View

DOCUMENT = Location()
# What `info` says beyond the title and the version: who publishes the API, on what terms.
INFO_TERMS = ("contact", "license", "termsOfService")


def diff_metadata(ctx: Context) -> list[Change]:
    old, new = ctx.old.data, ctx.new.data
    changes: list[Change] = []
    old_info, new_info = ctx.old.mapping(old.get("info")), ctx.new.mapping(new.get("info"))
    for key, rule_id, name in (
        ("version", "api-version-changed", "API version"),
        ("title", "api-title-changed", "title"),
    ):
        if old_info.get(key) != new_info.get(key):
            what = f"{name} {old_info.get(key)} → {new_info.get(key)}"
            changes.append(ctx.change(rule_id, DOCUMENT, what))
    if old.get("openapi") != new.get("openapi"):
        what = f"OpenAPI version {old.get('openapi')} → {new.get('openapi')}"
        changes.append(ctx.change("openapi-version-changed", DOCUMENT, what))
    old_urls, new_urls = (
        _urls(ctx.old.sequence(old.get("servers"))),
        _urls(ctx.new.sequence(new.get("servers"))),
    )
    if old_urls != new_urls:
        what = f"servers {', '.join(old_urls) or '(none)'} → {', '.join(new_urls) or '(none)'}"
        changes.append(ctx.change("servers-changed", DOCUMENT, what))
    terms = [
        f"{place} {_or_none(before)} → {_or_none(after)}"
        for place, before, after in _leaves(
            "info",
            {key: old_info.get(key) for key in INFO_TERMS},
            {key: new_info.get(key) for key in INFO_TERMS},
        )
    ]
    if terms:
        changes.append(ctx.change("api-info-changed", DOCUMENT, "; ".join(terms)))
    old_tags, new_tags = _tag_names(ctx.old, old), _tag_names(ctx.new, new)
    if old_tags != new_tags:
        parts = []
        if removed := [tag for tag in old_tags if tag not in new_tags]:
            parts.append(f"tags removed: {', '.join(removed)}")
        if added := [tag for tag in new_tags if tag not in old_tags]:
            parts.append(f"tags added: {', '.join(added)}")
        if not parts:
            parts.append(f"tags reordered: {', '.join(old_tags)} → {', '.join(new_tags)}")
        changes.append(ctx.change("tags-changed", DOCUMENT, "; ".join(parts)))
    return changes


def diff_operation_tags(ctx: Context, pairs: list[tuple[Operation, Operation]]) -> list[Change]:
    changes: list[Change] = []
    for before, after in pairs:
        old_tags = [str(tag) for tag in ctx.old.sequence(before.spec.get("tags"))]
        new_tags = [str(tag) for tag in ctx.new.sequence(after.spec.get("tags"))]
        if old_tags != new_tags:
            what = f"tags {', '.join(old_tags) or '(none)'} → {', '.join(new_tags) or '(none)'}"
            changes.append(ctx.change("operation-tags-changed", Location(after.label), what))
    return changes


def _tag_names(view: View, data: dict[str, Any]) -> list[str]:
    return [
        str(view.mapping(tag).get("name"))
        for tag in view.sequence(data.get("tags"))
        if isinstance(view.mapping(tag).get("name"), str)
    ]


def _leaves(place: str, old: Any, new: Any) -> list[tuple[str, Any, Any]]:
    """(place, old, new) of each value that differs, documentation keys left to their rule."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        return [
            leaf
            for key in sorted(old.keys() | new.keys(), key=str)
            if not is_doc_key(str(key))
            for leaf in _leaves(f"{place}.{key}", old.get(key), new.get(key))
        ]
    return [(place, old, new)]


def _or_none(value: Any) -> str:
    return "(none)" if value is None else show(value)


def _urls(servers: list[Any]) -> list[str]:
    return [str(server.get("url")) for server in servers if isinstance(server, dict)]
