"""How the rules behave beyond the one pair each has in fixtures/rules: references, sharing,
overrides, names, recursion, and documents left broken (null `responses:`, `content:`, ...)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from spec_update.rules.catalog import BY_ID
from spec_update.spec_diff import diff_data

TODAY = date(2026, 12, 1)
BASIC = {"type": "http", "scheme": "basic"}
RULES = Path(__file__).parent / "fixtures" / "rules"
Data = dict[str, Any]


def diff(old: Data, new: Data) -> list[tuple[str, str, str]]:
    """(rule, where, message) of each change."""
    return [(c.rule, c.location.describe(), c.message) for c in diff_data(old, new, today=TODAY)]


def rules(old: Data, new: Data) -> list[str]:
    return [rule for rule, _, _ in diff(old, new)]


def document(paths: Data, **top: Any) -> Data:
    return {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": paths, **top}


def answering(schema: Any, *media_types: str) -> Data:
    content = {media: {"schema": schema} for media in media_types or ("application/json",)}
    return {"/a": {"get": {"responses": {"200": {"description": "ok", "content": content}}}}}


# Security


def secured(schemes: Data, security: list[Any], **paths: Any) -> Data:
    return document(
        paths or {"/a": {"get": {}}, "/b": {"get": {}}},
        components={"securitySchemes": schemes},
        security=security,
    )


def test_schemes_compare_by_what_they_are_not_by_name() -> None:
    old = secured({"basicAuth": BASIC}, [{"basicAuth": []}])
    new = secured({"basic": {**BASIC, "description": "renamed"}}, [{"basic": []}])
    assert diff(old, new) == []


def test_an_operation_made_anonymous_needs_less_not_more() -> None:
    old = secured({"basicAuth": BASIC}, [{"basicAuth": []}])
    new = secured(
        {"basicAuth": BASIC},
        [{"basicAuth": []}],
        **{"/a": {"get": {"security": []}}, "/b": {"get": {}}},
    )
    assert diff(old, new) == [
        (
            "security-requirement-relaxed",
            "GET /a security",
            "HTTP basic no longer needed in full: no authentication is enough",
        )
    ]


def test_removing_the_only_security_requirement_relaxes_every_operation() -> None:
    old = secured({"basicAuth": BASIC}, [{"basicAuth": []}])
    new = secured({"basicAuth": BASIC}, [])
    assert rules(old, new) == ["security-requirement-relaxed"] * 2


def test_a_scheme_redefined_is_one_way_out_and_one_way_in() -> None:
    old = secured({"basicAuth": BASIC}, [{"basicAuth": []}], **{"/a": {"get": {}}})
    new = secured(
        {"basicAuth": {"type": "http", "scheme": "bearer"}},
        [{"basicAuth": []}],
        **{"/a": {"get": {}}},
    )
    assert diff(old, new) == [
        (
            "security-requirement-removed",
            "GET /a security",
            "authentication no longer accepted: HTTP basic (accepted now: HTTP bearer)",
        ),
        (
            "security-requirement-added",
            "GET /a security",
            "authentication now accepted: HTTP bearer",
        ),
    ]


def test_an_undefined_scheme_is_named() -> None:
    old = secured({"basicAuth": BASIC}, [{"basicAuth": []}], **{"/a": {"get": {}}})
    new = secured({}, [{"basicAuth": ["read"]}], **{"/a": {"get": {}}})
    assert diff(old, new)[-1][2] == (
        "authentication now accepted: undefined scheme `basicAuth` (scopes read)"
    )


def test_oauth_scopes_declared_on_the_scheme_do_not_change_what_it_is() -> None:
    def oauth(scopes: Data) -> Data:
        flow = {"tokenUrl": "https://t.example", "scopes": scopes}
        return {"o": {"type": "oauth2", "flows": {"clientCredentials": flow}}}

    old = secured(oauth({"read": "r"}), [{"o": ["read"]}])
    new = secured(oauth({"read": "r", "write": "w"}), [{"o": ["read"]}])
    assert diff(old, new) == []


# Paths, operations, parameters


def test_two_paths_of_one_shape_in_one_document_keep_their_own_operations() -> None:
    paths: Data = {"/a/{x}": {"get": {"responses": {}}}, "/a/{y}": {"get": {"responses": {}}}}
    assert diff(document(paths), document(paths)) == []
    assert rules(document(paths), document({"/a/{x}": paths["/a/{x}"]})) == ["operation-removed"]


def test_an_unreadable_sunset_date_is_not_a_kept_promise() -> None:
    old = document({"/a": {"get": {"deprecated": True, "x-sunset": "soon"}}, "/b": {"get": {}}})
    assert rules(old, document({"/b": {"get": {}}})) == ["operation-removed-before-sunset"]


def test_operation_parameters_override_path_level_ones() -> None:
    path_level = {"name": "q", "in": "query", "schema": {"type": "string"}}
    old = document({"/a": {"parameters": [path_level], "get": {}}})
    overridden = {**path_level, "required": True}
    new = document({"/a": {"parameters": [path_level], "get": {"parameters": [overridden]}}})
    assert rules(old, new) == ["request-parameter-became-required"]


def test_the_same_name_in_another_place_is_another_parameter() -> None:
    query = {"name": "q", "in": "query", "schema": {"type": "string"}}
    old = document({"/a": {"get": {"parameters": [query]}}})
    new = document({"/a": {"get": {"parameters": [{**query, "in": "header"}]}}})
    assert sorted(rules(old, new)) == [
        "new-optional-request-parameter",
        "request-parameter-removed",
    ]


def test_header_names_are_compared_without_regard_to_case() -> None:
    header = {"name": "X-Trace", "in": "header", "schema": {"type": "string"}}
    old = document({"/a": {"get": {"parameters": [header]}}})
    new = document({"/a": {"get": {"parameters": [{**header, "name": "x-trace"}]}}})
    assert diff(old, new) == []


def test_spelling_out_the_default_serialisation_is_no_change() -> None:
    query = {"name": "q", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}}
    old = document({"/a": {"get": {"parameters": [query]}}})
    new = document({"/a": {"get": {"parameters": [{**query, "style": "form", "explode": True}]}}})
    assert diff(old, new) == []


def test_a_renamed_path_parameter_is_still_compared_with_its_old_self() -> None:
    def pet(name: str, kind: str) -> Data:
        parameter = {"name": name, "in": "path", "required": True, "schema": {"type": kind}}
        return document({f"/pets/{{{name}}}": {"get": {"parameters": [parameter]}}})

    assert rules(pet("id", "string"), pet("petId", "string")) == ["path-parameter-renamed"]
    assert rules(pet("id", "string"), pet("petId", "integer")) == [
        "path-parameter-renamed",
        "type-changed",
    ]


# Responses and content


def test_status_classes_and_default_are_sorted_into_success_and_error() -> None:
    ok = {"description": "ok"}
    old = document({"/a": {"get": {"responses": {"200": ok}}}})
    new = document({"/a": {"get": {"responses": {"200": ok, "2XX": ok, "default": ok}}}})
    assert rules(old, new) == ["response-success-status-added", "response-error-status-added"]


def test_one_schema_change_under_two_media_types_is_reported_once() -> None:
    old = document(answering({"type": "integer"}, "application/json", "text/xml"))
    new = document(answering({"type": "string"}, "application/json", "text/xml"))
    assert diff(old, new) == [
        (
            "type-changed",
            "GET /a response 200 (application/json, text/xml)",
            "type integer → string",
        )
    ]


def test_a_changed_component_is_reported_where_it_is_used() -> None:
    def shared(kind: str) -> Data:
        ref = {"$ref": "#/components/schemas/pet"}
        paths = {"/a": answering(ref)["/a"], "/b": answering({"type": "array", "items": ref})["/a"]}
        return document(paths, components={"schemas": {"pet": {"type": kind}}})

    assert diff(shared("integer"), shared("string")) == [
        ("type-changed", "GET /a response 200 (application/json)", "type integer → string"),
        ("type-changed", "GET /b response 200 (application/json)", "`[]` type integer → string"),
    ]


def test_a_reference_and_the_schema_it_names_are_the_same_schema() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "string"}}}
    components = {"schemas": {"thing": schema}}
    old = document(answering({"$ref": "#/components/schemas/thing"}), components=components)
    new = document(answering(copy.deepcopy(schema)), components=components)
    assert diff(old, new) == []


def test_a_recursive_schema_ends_and_its_changes_are_found() -> None:
    def tree(kind: str) -> Data:
        node = {
            "type": "object",
            "properties": {
                "value": {"type": kind},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/node"}},
            },
        }
        return document(
            answering({"$ref": "#/components/schemas/node"}), components={"schemas": {"node": node}}
        )

    assert diff(tree("string"), tree("string")) == []
    assert diff(tree("string"), tree("integer")) == [
        ("type-changed", "GET /a response 200 (application/json)", "`value` type string → integer")
    ]


def test_two_candidates_for_a_rename_are_a_removal_and_additions() -> None:
    def fields(*names: str) -> Data:
        return {"type": "object", "properties": {name: {"type": "string"} for name in names}}

    assert rules(document(answering(fields("a"))), document(answering(fields("b", "c")))) == [
        "response-property-removed",
        "response-optional-property-added",
        "response-optional-property-added",
    ]


def test_a_field_named_like_a_documentation_key_is_a_field() -> None:
    old = {"type": "object", "properties": {"description": {"type": "string"}}}
    new = {"type": "object", "properties": {"description": {"type": "integer"}}}
    assert diff(document(answering(old)), document(answering(new)))[0][2] == (
        "`description` type string → integer"
    )


# Documentation


def test_documentation_differences_are_one_change_naming_their_places() -> None:
    old = document({"/a": {"get": {"summary": "A"}}}, components={"schemas": {"description": {}}})
    new = document(
        {"/a": {"get": {"summary": "B", "x-internal": True}}},
        components={"schemas": {"description": {"description": "now documented"}}},
    )
    assert diff(old, new) == [
        (
            "documentation-changed",
            "document",
            "documentation changed in 3 place(s): #/components/schemas/description/description "
            '(none) → "now documented", #/paths/~1a/get/summary "A" → "B", '
            "#/paths/~1a/get/x-internal (none) → true",
        )
    ]


def searching(*parameters: Data) -> Data:
    return document({"/search": {"get": {"parameters": list(parameters)}}})


FEATURES = {"name": "features", "in": "query", "description": "SMS, VOICE or MMS", "example": "SMS"}
COUNTRY = {"$ref": "#/components/parameters/country"}
SIZE = {"name": "size", "in": "query", "description": "page size"}


def test_reordering_parameters_tags_and_servers_changes_no_documentation() -> None:
    tags = [{"name": "a", "description": "A"}, {"name": "b", "description": "B"}]
    servers = [{"url": "https://a", "description": "A"}, {"url": "https://b", "description": "B"}]
    old = dict(searching(COUNTRY, SIZE, FEATURES), tags=tags, servers=servers)
    new = dict(searching(FEATURES, COUNTRY, SIZE), tags=tags[::-1], servers=servers[::-1])
    # The order of servers and tags is itself a change (servers-changed, tags-changed), not one
    # of their descriptions.
    assert "documentation-changed" not in rules(old, new)
    assert rules(searching(COUNTRY, SIZE, FEATURES), searching(FEATURES, COUNTRY, SIZE)) == []


def test_a_moved_parameter_is_compared_with_itself_and_placed_in_both_documents() -> None:
    old = searching(COUNTRY, FEATURES, SIZE)
    new = searching(dict(FEATURES, description="SMS, VOICE, MMS or several"), COUNTRY, SIZE)
    (change,) = diff_data(old, new, today=TODAY)
    assert change.rule == "documentation-changed"
    assert change.message == (
        "documentation changed in 1 place(s): #/paths/~1search/get/parameters/0/description "
        '"SMS, VOICE or MMS" → "SMS, VOICE, MMS or several"'
    )
    assert change.as_json()["places"] == [
        {
            "old": "#/paths/~1search/get/parameters/1/description",
            "new": "#/paths/~1search/get/parameters/0/description",
        }
    ]


def test_a_parameter_in_another_place_is_another_item_and_unnamed_items_pair_by_position() -> None:
    # The header `size` is not the query `size`: its description is not the query's changed.
    # Inline schemas of an allOf have no identity: they pair by position.
    header = {"name": "size", "in": "header", "description": "x"}
    parts = [{"description": "one"}, {"description": "two"}]
    old = searching(SIZE, header)
    new = searching(header, dict(SIZE, example=5))
    old["components"] = {"schemas": {"s": {"allOf": parts}}}
    new["components"] = {"schemas": {"s": {"allOf": [parts[0], {"description": "2"}]}}}
    changes = diff_data(old, new, today=TODAY)
    assert [place.as_json() for change in changes for place in change.places] == [
        {
            "old": "#/components/schemas/s/allOf/1/description",
            "new": "#/components/schemas/s/allOf/1/description",
        },
        {
            "old": "#/paths/~1search/get/parameters/0/example",
            "new": "#/paths/~1search/get/parameters/1/example",
        },
    ]


# Documents left broken: compared with --no-validate, they must never crash the diff.

NULLABLE_KEYS = (
    "responses",
    "content",
    "parameters",
    "requestBody",
    "schema",
    "properties",
    "headers",
    "security",
    "items",
    "paths",
    "components",
    "securitySchemes",
    "required",
    "enum",
    "oneOf",
    "allOf",
    "encoding",
)


def nulled(data: Any) -> Iterator[Any]:
    """Copies of `data` with one of NULLABLE_KEYS set to null, for each place it occurs."""
    places: list[tuple[Any, ...]] = []

    def find(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in NULLABLE_KEYS:
                    places.append((*path, key))
                find(value, (*path, key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                find(value, (*path, index))

    find(data, ())
    for place in places:
        broken = copy.deepcopy(data)
        node = broken
        for step in place[:-1]:
            node = node[step]
        node[place[-1]] = None
        yield broken


@pytest.mark.parametrize("rule_id", sorted(BY_ID))
def test_null_anywhere_never_crashes_the_diff(rule_id: str) -> None:
    case = yaml.safe_load((RULES / f"{rule_id}.yaml").read_text())
    for broken in nulled(case["base"]):
        diff_data(broken, case["revision"], today=TODAY)
        diff_data(case["revision"], broken, today=TODAY)
    for broken in nulled(case["revision"]):
        diff_data(case["base"], broken, today=TODAY)


def test_null_responses_and_content_compare_as_empty() -> None:
    old = document({"/a": {"get": {"responses": None}}})
    new = document({"/a": {"get": {"responses": {"200": {"description": "ok", "content": None}}}}})
    assert rules(old, new) == ["response-success-status-added"]


def test_references_to_nowhere_compare_by_their_text() -> None:
    dangling = {"$ref": "#/components/schemas/missing"}
    assert diff(document(answering(dangling)), document(answering(dangling))) == []
    other = {"$ref": "#/components/schemas/other"}
    assert rules(document(answering(dangling)), document(answering(other))) == ["schema-replaced"]


# Boolean schemas (OpenAPI 3.1): `true` is the empty schema, `false` accepts nothing.
OBJECT = {"type": "object", "properties": {"name": {"type": "string"}}}


@pytest.mark.parametrize(
    ("old", "new"), [(True, {}), ({}, True), (False, False), (True, None), (None, True)]
)
def test_true_a_left_out_schema_and_the_empty_schema_are_one(old: Any, new: Any) -> None:
    assert rules(document(answering(old)), document(answering(new))) == []


def test_a_schema_replaced_by_true_is_judged_as_the_empty_schema() -> None:
    found = rules(document(answering(OBJECT)), document(answering(True)))

    assert "schema-replaced" not in found
    assert "response-type-widened" in found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (OBJECT, False, "response-schema-became-false"),
        (None, False, "response-schema-became-false"),
        (False, OBJECT, "response-schema-no-longer-false"),
        (False, True, "response-schema-no-longer-false"),
        (False, None, "response-schema-no-longer-false"),
    ],
)
def test_false_on_one_side_withdraws_or_offers_again(old: Any, new: Any, expected: str) -> None:
    assert rules(document(answering(old)), document(answering(new))) == [expected]


def test_a_field_that_became_false_names_the_field() -> None:
    became = {"type": "object", "properties": {"name": False}}

    [(rule, where, message)] = diff(document(answering(OBJECT)), document(answering(became)))

    assert rule == "response-schema-became-false"
    assert "name" in where + message


# OpenAPI 3.2: the `query` method, `additionalOperations`, and `itemSchema` of sequential bodies.
def operation(operation_id: str) -> Data:
    return {"operationId": operation_id, "responses": {"200": {"description": "ok"}}}


def test_query_and_additional_operations_are_operations_of_their_path() -> None:
    old = document(
        {"/s": {"query": operation("q"), "additionalOperations": {"COPY": operation("c")}}}
    )
    new = document({"/s": {"additionalOperations": {"PURGE": operation("p")}}})

    found = diff(old, new)

    assert ("operation-removed", "QUERY /s", "operation removed") in found
    assert ("operation-removed", "COPY /s", "operation removed") in found
    assert ("operation-added", "PURGE /s", "operation added") in found


def test_an_additional_operation_repeating_a_fixed_method_is_not_another_operation() -> None:
    item = {"get": operation("g")}
    shadowed = {**item, "additionalOperations": {"GET": operation("other")}}

    assert rules(document({"/s": item}), document({"/s": shadowed})) == []


def test_each_item_of_a_sequential_body_is_compared() -> None:
    def streaming(kind: Any) -> Data:
        content = {
            "application/jsonl": {"itemSchema": {"type": "object", "properties": {"kind": kind}}}
        }
        return {"/e": {"get": {"responses": {"200": {"description": "ok", "content": content}}}}}

    old = streaming({"type": "string", "enum": ["a", "b"]})
    new = streaming({"type": "string", "enum": ["a"]})

    [(rule, _, message)] = diff(document(old), document(new))

    assert rule == "response-enum-value-removed"
    assert "(each item).kind" in message
