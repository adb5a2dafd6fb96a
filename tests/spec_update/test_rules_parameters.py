from __future__ import annotations

from typing import Any

from spec_update.changes import Impact
from spec_update.rules.parameters import diff_parameters, parameters_of

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE


def query(name: str, *, required: bool = False, **schema: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema or {"type": "string"},
    }


def test_operation_parameters_override_path_level_ones() -> None:
    path_item = {"parameters": [query("a"), query("b")]}
    operation = {"parameters": [query("b", required=True)]}
    merged = parameters_of(path_item, operation)
    assert set(merged) == {("query", "a"), ("query", "b")}
    assert merged[("query", "b")]["required"] is True


def test_same_name_in_another_location_is_another_parameter() -> None:
    old = parameters_of({}, {"parameters": [query("token")]})
    new = parameters_of({}, {"parameters": [dict(query("token"), **{"in": "header"})]})
    changes = diff_parameters(old, new, where="GET /x")
    assert [(c.what, c.client, c.server) for c in changes] == [
        ("query parameter `token` removed", B, C),
        ("optional header parameter `token` added", A, A),
    ]


def test_removed_added_and_changed_parameters() -> None:
    old = parameters_of({}, {"parameters": [query("gone", required=True), query("kept")]})
    new = parameters_of(
        {},
        {"parameters": [query("kept", type="string", maxLength=3), query("new", type="integer")]},
    )
    changes = diff_parameters(old, new, where="GET /x")
    assert [(c.where, c.what, c.client, c.server) for c in changes] == [
        ("GET /x", "query parameter `gone` removed", B, B),
        ("GET /x", "optional query parameter `new` added", A, A),
        ("GET /x query parameter `kept`", "maxLength (none) → 3", B, C),
    ]


def test_spelling_out_a_default_serialisation_is_no_change() -> None:
    old = parameters_of({}, {"parameters": [query("a")]})
    new = parameters_of({}, {"parameters": [dict(query("a"), style="form", explode=True)]})
    assert diff_parameters(old, new, where="GET /x") == []
