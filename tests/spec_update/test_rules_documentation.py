from __future__ import annotations

from spec_update.changes import Impact
from spec_update.rules.documentation import diff_documentation


def test_documentation_differences_are_summarised_with_json_pointers() -> None:
    old = {"paths": {"/a/b": {"get": {"summary": "old", "parameters": [{"description": "x"}]}}}}
    new = {"paths": {"/a/b": {"get": {"summary": "new", "parameters": [{"description": "y"}]}}}}
    [change] = diff_documentation(old, new)
    assert (change.client, change.server) == (Impact.COMPATIBLE, Impact.COMPATIBLE)
    assert change.what == (
        "documentation changed in 2 place(s): #/paths/~1a~1b/get/parameters/0/description, "
        "#/paths/~1a~1b/get/summary"
    )


def test_many_places_are_counted_not_all_listed() -> None:
    old = {"components": {"schemas": {f"s{i}": {"description": "a"} for i in range(7)}}}
    new = {"components": {"schemas": {f"s{i}": {"description": "b"} for i in range(7)}}}
    [change] = diff_documentation(old, new)
    assert change.what.startswith("documentation changed in 7 place(s): ")
    assert change.what.endswith(" and 2 more")


def test_a_schema_named_description_is_not_documentation() -> None:
    old = {"components": {"schemas": {"description": {"type": "string"}}}}
    new = {"components": {"schemas": {"description": {"type": "integer"}}}}
    assert diff_documentation(old, new) == []
