from __future__ import annotations

from typing import Any

from spec_update.changes import Direction, Impact
from spec_update.rules.content import diff_content

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE


def test_one_schema_change_under_two_media_types_is_reported_once() -> None:
    old: dict[str, Any] = {
        "application/json": {"schema": {"type": "string"}},
        "text/xml": {"schema": {"type": "string"}},
    }
    new: dict[str, Any] = {
        "application/json": {"schema": {"type": "integer"}},
        "text/xml": {"schema": {"type": "integer"}},
    }
    changes = diff_content(old, new, where="GET /x response 200", direction=Direction.RESPONSE)
    assert [(c.where, c.what) for c in changes] == [
        ("GET /x response 200 (application/json, text/xml)", "type string → integer")
    ]


def test_media_types_removed_and_added_mirror_by_direction() -> None:
    old: dict[str, Any] = {"text/xml": {}}
    new: dict[str, Any] = {"application/json": {}}
    request = diff_content(old, new, where="w", direction=Direction.REQUEST)
    response = diff_content(old, new, where="w", direction=Direction.RESPONSE)
    assert [(c.what, c.client, c.server) for c in request] == [
        ("media type `text/xml` removed", B, C),
        ("media type `application/json` added", A, B),
    ]
    assert [(c.what, c.client, c.server) for c in response] == [
        ("media type `text/xml` removed", C, B),
        ("media type `application/json` added", B, C),
    ]


def test_form_encoding_changes_break_both_sides() -> None:
    old: dict[str, Any] = {"application/x-www-form-urlencoded": {"schema": {}}}
    new: dict[str, Any] = {
        "application/x-www-form-urlencoded": {"schema": {}, "encoding": {"a": {"style": "form"}}}
    }
    changes = diff_content(old, new, where="w", direction=Direction.REQUEST)
    assert [(c.what, c.client, c.server) for c in changes] == [("form encoding changed", B, B)]
