"""Rules for what describes the document as a whole: its versions, title and servers."""

from __future__ import annotations

from typing import Any

from spec_update.changes import C, Change


def diff_metadata(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes: list[Change] = []
    old_info, new_info = old.get("info", {}), new.get("info", {})
    for key, name in (("version", "API version"), ("title", "title")):
        if old_info.get(key) != new_info.get(key):
            what = f"{name} {old_info.get(key)} → {new_info.get(key)}"
            changes.append(Change.of("document", what, (C, C)))
    if old.get("openapi") != new.get("openapi"):
        what = f"OpenAPI version {old.get('openapi')} → {new.get('openapi')}"
        changes.append(Change.of("document", what, (C, C)))
    old_urls = [server.get("url") for server in old.get("servers", [])]
    new_urls = [server.get("url") for server in new.get("servers", [])]
    if old_urls != new_urls:
        # The generated client is given its base URL by the caller: informative only.
        what = f"servers {', '.join(map(str, old_urls))} → {', '.join(map(str, new_urls))}"
        changes.append(Change.of("document", what, (C, C)))
    return changes
