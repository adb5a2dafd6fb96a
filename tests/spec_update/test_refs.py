from __future__ import annotations

from typing import Any

import pytest

from spec_update.refs import RefError, check_refs, resolve_refs


def test_references_are_inlined_in_a_copy() -> None:
    document: dict[str, Any] = {
        "paths": {"/a": {"get": {"parameters": [{"$ref": "#/components/parameters/p"}]}}},
        "components": {
            "parameters": {"p": {"name": "p", "schema": {"$ref": "#/components/schemas/s"}}},
            "schemas": {"s": {"type": "string"}},
        },
    }
    resolved = resolve_refs(document)
    assert resolved["paths"]["/a"]["get"]["parameters"] == [
        {"name": "p", "schema": {"type": "string"}}
    ]
    assert document["paths"]["/a"]["get"]["parameters"] == [{"$ref": "#/components/parameters/p"}]


def test_a_recursive_schema_keeps_its_reference() -> None:
    node = {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/node"}}}
    resolved = resolve_refs({"components": {"schemas": {"node": node}}, "root": node})
    assert resolved["root"]["properties"]["child"]["properties"]["child"] == {
        "$ref": "#/components/schemas/node"
    }


def test_json_pointer_escapes_and_list_indexes() -> None:
    document = {"paths": {"/a/b": {"x~y": [0, {"v": 1}]}}, "ref": {"$ref": "#/paths/~1a~1b/x~0y/1"}}
    assert resolve_refs(document)["ref"] == {"v": 1}


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("#/components/schemas/missing", "points at nothing"),
        ("#/list/9", "points at nothing"),
        ("other.json#/a", "points outside the document"),
        ("https://example.com/a.json", "points outside the document"),
    ],
)
def test_bad_references_are_refused(ref: str, message: str) -> None:
    with pytest.raises(RefError, match=message):
        check_refs({"list": [1], "components": {"schemas": {}}, "x": {"$ref": ref}})
