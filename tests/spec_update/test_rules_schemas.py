"""The schema rules one keyword at a time, in both directions: requests mirror responses."""

from __future__ import annotations

from typing import Any

import pytest

from spec_update.changes import Direction, Impact
from spec_update.rules.schemas import diff_schema

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE
REQUEST, RESPONSE = Direction.REQUEST, Direction.RESPONSE
Schema = dict[str, Any]

# (old schema, new schema, expected text, (client, server) for a request, for a response)
KEYWORD_CASES: dict[
    str, tuple[Schema, Schema, str, tuple[Impact, Impact], tuple[Impact, Impact]]
] = {
    "type changed": (
        {"type": "string"},
        {"type": "integer"},
        "type string → integer",
        (B, B),
        (B, B),
    ),
    "type widened": (
        {"type": "integer"},
        {"type": "number"},
        "type integer → number",
        (C, B),
        (B, C),
    ),
    "type narrowed": (
        {"type": "number"},
        {"type": "integer"},
        "type number → integer",
        (B, C),
        (C, B),
    ),
    "type added": ({}, {"type": "string"}, "type any → string", (B, C), (C, B)),
    "format changed": (
        {"type": "string"},
        {"type": "string", "format": "date-time"},
        "format (none) → date-time",
        (B, B),
        (B, B),
    ),
    "enum values removed": (
        {"enum": ["a", "b"]},
        {"enum": ["a"]},
        'enum values removed: "b"',
        (B, C),
        (C, B),
    ),
    "enum values added": (
        {"enum": ["a"]},
        {"enum": ["a", "b"]},
        'enum values added: "b"',
        (A, B),
        (B, C),
    ),
    "enum introduced": ({}, {"enum": ["a"]}, 'limited to the values "a"', (B, C), (C, B)),
    "enum dropped": ({"enum": ["a"]}, {}, "no longer limited to a list of values", (C, B), (B, C)),
    "maxLength lowered": ({"maxLength": 5}, {"maxLength": 2}, "maxLength 5 → 2", (B, C), (C, B)),
    "maxLength raised": ({"maxLength": 2}, {"maxLength": 5}, "maxLength 2 → 5", (C, B), (B, C)),
    "minimum added": ({}, {"minimum": 1}, "minimum (none) → 1", (B, C), (C, B)),
    "minItems removed": ({"minItems": 1}, {}, "minItems 1 → (none)", (C, B), (B, C)),
    "pattern added": ({}, {"pattern": "^[0-9]+$"}, 'pattern (none) → "^[0-9]+$"', (B, C), (C, B)),
    "pattern changed": ({"pattern": "a"}, {"pattern": "b"}, 'pattern "a" → "b"', (B, B), (B, B)),
    "may now be null": ({}, {"nullable": True}, "may now be null", (C, B), (B, C)),
    "may no longer be null": ({"nullable": True}, {}, "may no longer be null", (B, C), (C, B)),
    "default changed": ({"default": 1}, {"default": 2}, "default 1 → 2", (C, C), (C, C)),
    "deprecated": ({}, {"deprecated": True}, "deprecated", (C, C), (C, C)),
    "xml changed": (
        {"xml": {"name": "a"}},
        {"xml": {"name": "b"}},
        "XML representation changed",
        (B, B),
        (B, B),
    ),
    "additionalProperties forbidden": (
        {},
        {"additionalProperties": False},
        "additionalProperties true → false",
        (B, C),
        (C, B),
    ),
    "unknown keyword": (
        {},
        {"multipleOf": 5},
        "`multipleOf` changed (no rule for it: assumed breaking)",
        (B, B),
        (B, B),
    ),
}


@pytest.mark.parametrize("direction", [REQUEST, RESPONSE])
@pytest.mark.parametrize("case", KEYWORD_CASES.values(), ids=KEYWORD_CASES.keys())
def test_each_keyword_rule(
    case: tuple[Schema, Schema, str, tuple[Impact, Impact], tuple[Impact, Impact]],
    direction: Direction,
) -> None:
    old, new, what, in_request, in_response = case
    changes = diff_schema(old, new, where="here", direction=direction)
    expected = in_request if direction is REQUEST else in_response
    assert [(c.where, c.what, (c.client, c.server)) for c in changes] == [("here", what, expected)]


def test_documentation_keys_are_not_changes() -> None:
    old = {"type": "string", "description": "old", "example": "a", "x-note": 1}
    new = {"type": "string", "description": "new", "example": "b", "title": "T"}
    assert diff_schema(old, new, where="here", direction=RESPONSE) == []


PROPERTIES: Schema = {"id": {"type": "string"}, "name": {"type": "string", "maxLength": 9}}
OBJECT: Schema = {"type": "object", "properties": PROPERTIES, "required": ["id"]}


def with_properties(properties: Schema, required: list[str]) -> Schema:
    return {"type": "object", "properties": properties, "required": required}


# (new object schema, expected text, request impacts, response impacts)
PROPERTY_CASES: dict[str, tuple[Schema, str, tuple[Impact, Impact], tuple[Impact, Impact]]] = {
    "optional field removed": (
        with_properties({"id": {"type": "string"}}, ["id"]),
        "field `name` removed",
        (B, C),
        (B, C),
    ),
    "required field removed": (
        with_properties({"name": {"type": "string", "maxLength": 9}}, []),
        "field `id` removed",
        (B, B),
        (B, C),
    ),
    "optional field added": (
        with_properties({**PROPERTIES, "extra": {"type": "integer"}}, ["id"]),
        "optional field `extra` added",
        (A, A),
        (A, C),
    ),
    "required field added": (
        with_properties({**PROPERTIES, "extra": {"type": "integer"}}, ["id", "extra"]),
        "required field `extra` added",
        (B, B),
        (A, B),
    ),
    "field became required": (
        with_properties(PROPERTIES, ["id", "name"]),
        "field `name` became required",
        (B, C),
        (C, B),
    ),
    "field became optional": (
        with_properties(PROPERTIES, []),
        "field `id` became optional",
        (C, B),
        (B, C),
    ),
    "field renamed": (
        with_properties({"identifier": {"type": "string"}, "name": PROPERTIES["name"]}, ["id"]),
        "field `id` renamed to `identifier` (same schema)",
        (B, B),
        (B, B),
    ),
    "nested keyword changed": (
        with_properties({**PROPERTIES, "name": {"type": "string", "maxLength": 5}}, ["id"]),
        "`name` maxLength 9 → 5",
        (B, C),
        (C, B),
    ),
}


@pytest.mark.parametrize("direction", [REQUEST, RESPONSE])
@pytest.mark.parametrize("case", PROPERTY_CASES.values(), ids=PROPERTY_CASES.keys())
def test_each_property_rule(
    case: tuple[Schema, str, tuple[Impact, Impact], tuple[Impact, Impact]], direction: Direction
) -> None:
    new, what, in_request, in_response = case
    changes = diff_schema(OBJECT, new, where="here", direction=direction)
    expected = in_request if direction is REQUEST else in_response
    assert [(c.what, (c.client, c.server)) for c in changes] == [(what, expected)]


def test_two_candidates_for_a_rename_are_reported_as_removed_and_added() -> None:
    old = with_properties({"a": {"type": "string"}, "b": {"type": "string"}}, [])
    new = with_properties({"c": {"type": "string"}}, [])
    whats = [c.what for c in diff_schema(old, new, where="here", direction=RESPONSE)]
    assert whats == ["field `a` removed", "field `b` removed", "optional field `c` added"]


def test_array_items_are_followed_and_named() -> None:
    old = {"type": "array", "items": with_properties({"app_id": {"type": "string"}}, [])}
    new = {"type": "array", "items": with_properties({}, [])}
    changes = diff_schema(old, new, where="here", direction=RESPONSE, field="numbers")
    assert [c.what for c in changes] == ["field `numbers[].app_id` removed"]


def test_a_property_named_like_a_documentation_key_is_a_field() -> None:
    old = with_properties({"description": {"type": "string"}}, [])
    new = with_properties({"description": {"type": "integer"}}, [])
    changes = diff_schema(old, new, where="here", direction=RESPONSE)
    assert [c.what for c in changes] == ["`description` type string → integer"]
