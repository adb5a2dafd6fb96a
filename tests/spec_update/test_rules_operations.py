from __future__ import annotations

from typing import Any

from spec_update.changes import Impact
from spec_update.rules.operations import diff_operations, operations_of

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE


def document(paths: dict[str, Any]) -> dict[str, Any]:
    return {"paths": paths}


def test_operations_are_keyed_by_method_and_path() -> None:
    found = operations_of(
        document({"/a": {"get": {"operationId": "getA"}, "parameters": [], "post": {}}})
    )
    assert sorted(found) == [("get", "/a"), ("post", "/a")]
    assert found[("get", "/a")].label == "GET /a"
    assert found[("post", "/a")].operation_id is None


def test_removed_added_moved_and_renamed_operations() -> None:
    old = operations_of(
        document(
            {
                "/gone": {"get": {"operationId": "gone"}},
                "/old-home": {"post": {"operationId": "move"}},
                "/same": {"get": {"operationId": "before"}},
            }
        )
    )
    new = operations_of(
        document(
            {
                "/new-home": {"post": {"operationId": "move"}},
                "/same": {"get": {"operationId": "after", "deprecated": True}},
                "/fresh": {"put": {"operationId": "fresh"}},
            }
        )
    )
    changes, pairs = diff_operations(old, new)
    assert [(c.where, c.what, c.client, c.server) for c in changes] == [
        ("POST /old-home", "operation move moved to POST /new-home", B, B),
        ("GET /gone", "operation removed", B, C),
        ("PUT /fresh", "operation added", A, B),
        ("GET /same", "operationId before → after", B, C),
        ("GET /same", "deprecated", C, C),
    ]
    assert [(before.label, after.label) for before, after in pairs] == [("GET /same", "GET /same")]
