"""Rules for what describes the document as a whole: its versions, title and servers."""

from __future__ import annotations

from typing import Any

from spec_update.changes import Change, Location
from spec_update.rules.common import Context

DOCUMENT = Location()


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
    return changes


def _urls(servers: list[Any]) -> list[str]:
    return [str(server.get("url")) for server in servers if isinstance(server, dict)]
