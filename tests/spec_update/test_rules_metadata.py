from __future__ import annotations

from spec_update.changes import Impact
from spec_update.rules.metadata import diff_metadata

C = Impact.COMPATIBLE


def test_versions_title_and_servers_are_informative() -> None:
    old = {"openapi": "3.0.0", "info": {"title": "A", "version": "1"}, "servers": [{"url": "u"}]}
    new = {"openapi": "3.0.3", "info": {"title": "B", "version": "2"}, "servers": [{"url": "v"}]}
    changes = diff_metadata(old, new)
    assert [(c.where, c.what) for c in changes] == [
        ("document", "API version 1 → 2"),
        ("document", "title A → B"),
        ("document", "OpenAPI version 3.0.0 → 3.0.3"),
        ("document", "servers u → v"),
    ]
    assert {(c.client, c.server) for c in changes} == {(C, C)}
    assert diff_metadata(old, old) == []
