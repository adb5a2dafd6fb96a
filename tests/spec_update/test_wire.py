"""Changes judged on the wire: XML names after XML's defaults, credentials by where they go, and
what describes the document reported at its own level with old and new values."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from spec_update.spec_diff import diff_data

TODAY = date(2026, 12, 1)
Data = dict[str, Any]


def diff(old: Data, new: Data) -> list[tuple[str, str, str]]:
    return [(c.rule, c.location.describe(), c.message) for c in diff_data(old, new, today=TODAY)]


def answering(*media_types: str, xml: Data | None = None, item_xml: Data | None = None) -> Data:
    owned: Data = {
        "type": "object",
        "properties": {
            "msisdn": {"type": "string"},
            "features": {"type": "array", "items": {"type": "string"}},
        },
    }
    if xml is not None:
        owned["properties"]["msisdn"]["xml"] = xml
    if item_xml is not None:
        owned["properties"]["features"]["items"]["xml"] = item_xml
    content = {media: {"schema": {"$ref": "#/components/schemas/owned"}} for media in media_types}
    return {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": content}}}}},
        "components": {"schemas": {"owned": owned}},
    }


def test_an_xml_name_equal_to_the_property_name_is_no_change() -> None:
    old = answering("application/json", "text/xml")
    assert diff(old, answering("application/json", "text/xml", xml={"name": "msisdn"})) == []


def test_an_xml_name_equal_to_the_component_name_is_no_change() -> None:
    old = answering("text/xml")
    new = copy.deepcopy(old)
    new["components"]["schemas"]["owned"]["xml"] = {"name": "owned"}
    assert diff(old, new) == []


def test_items_take_the_array_name_by_default() -> None:
    old = answering("text/xml")
    assert diff(old, answering("text/xml", item_xml={"name": "features"})) == []
    assert diff(old, answering("text/xml", item_xml={"name": "feature"})) == [
        (
            "xml-changed",
            "GET /a response 200 (text/xml)",
            '`features[]` XML name "features" → "feature"',
        )
    ]


def test_an_xml_name_that_differs_is_reported_with_both_names_for_xml_only() -> None:
    old = answering("application/json", "text/xml")
    new = answering("application/json", "text/xml", xml={"name": "number", "attribute": True})
    assert diff(old, new) == [
        (
            "xml-changed",
            "GET /a response 200 (text/xml)",
            '`msisdn` XML name "msisdn" → "number", attribute false → true',
        )
    ]


def test_an_unset_xml_name_says_why_it_is_unset_not_null() -> None:
    # An array that is not wrapped has no element of its own to name.
    old = answering("text/xml")
    wrapped = copy.deepcopy(old)
    features = wrapped["components"]["schemas"]["owned"]["properties"]["features"]
    features["xml"] = {"wrapped": True}
    assert [message for _, _, message in diff(old, wrapped)] == [
        '`features` XML name (no wrapping element) → "features", wrapped false → true'
    ]
    # The root of a body written inline is named as XML's content says: its default is unknown.
    inline, named = copy.deepcopy(old), copy.deepcopy(old)
    inline["paths"]["/a"]["get"]["responses"]["200"]["content"]["text/xml"]["schema"] = {
        "type": "object"
    }
    named["paths"]["/a"]["get"]["responses"]["200"]["content"]["text/xml"]["schema"] = {
        "type": "object",
        "xml": {"name": "numbers", "namespace": "https://example.com/n"},
    }
    assert [message for _, _, message in diff(named, inline)] == [
        'XML name "numbers" → (default), namespace "https://example.com/n" → (none)'
    ]


def test_an_xml_change_on_a_json_only_answer_is_no_change() -> None:
    old = answering("application/json")
    assert diff(old, answering("application/json", xml={"name": "number"})) == []


def legacy(parameters: bool) -> Data:
    """Credentials as required query parameters of every operation, or as API key schemes."""
    keys = [
        {"name": name, "in": "query", "required": True, "schema": {"type": "string"}}
        for name in ("api_key", "api_secret")
    ]
    operation: Data = {"responses": {"200": {"description": "ok"}}}
    data: Data = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {"/a": {"get": dict(operation)}, "/b": {"post": dict(operation)}},
    }
    if parameters:
        for item in data["paths"].values():
            for spec in item.values():
                spec["parameters"] = copy.deepcopy(keys)
    else:
        data["components"] = {
            "securitySchemes": {
                "key": {"type": "apiKey", "in": "query", "name": "api_key"},
                "secret": {"type": "apiKey", "in": "query", "name": "api_secret"},
            }
        }
        data["security"] = [{"key": [], "secret": []}]
    return data


def test_query_keys_moved_into_security_schemes_are_no_change() -> None:
    assert diff(legacy(parameters=True), legacy(parameters=False)) == []
    assert diff(legacy(parameters=False), legacy(parameters=True)) == []


def test_query_parameters_replaced_by_http_basic_are_parameters_removed() -> None:
    """No scheme of the new document sends `api_key`: nothing says the parameters were
    credentials, so they are parameters that went, and HTTP basic is a new way in."""
    new = legacy(parameters=False)
    new["components"]["securitySchemes"] = {"basic": {"type": "http", "scheme": "basic"}}
    new["security"] = [{"basic": []}]
    found = {(rule, message) for rule, _, message in diff(legacy(parameters=True), new)}
    assert found == {
        ("request-required-parameter-removed", "required parameter removed"),
        (
            "security-requirement-removed",
            "authentication no longer accepted: no authentication (accepted now: HTTP basic)",
        ),
        ("security-requirement-added", "authentication now accepted: HTTP basic"),
    }


def test_query_keys_replaced_by_http_basic_are_reported_on_the_wire() -> None:
    new = legacy(parameters=False)
    new["components"]["securitySchemes"] = {"basic": {"type": "http", "scheme": "basic"}}
    new["security"] = [{"basic": []}]
    found = {(rule, message) for rule, _, message in diff(legacy(parameters=False), new)}
    assert found == {
        (
            "security-requirement-removed",
            "authentication no longer accepted: "
            "API key in query `api_key` + API key in query `api_secret` "
            "(accepted now: HTTP basic)",
        ),
        ("security-requirement-added", "authentication now accepted: HTTP basic"),
    }


def test_an_optional_key_parameter_is_still_a_parameter() -> None:
    old = legacy(parameters=True)
    for item in old["paths"].values():
        for spec in item.values():
            spec["parameters"][1]["required"] = False
    rules = sorted({rule for rule, _, _ in diff(old, legacy(parameters=False))})
    # `api_key` moved into a scheme; the optional `api_secret` was a parameter and goes as one.
    assert rules == [
        "request-parameter-removed",
        "security-requirement-added",
        "security-requirement-removed",
    ]


def described(**info: Any) -> Data:
    return {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1", **info},
        "tags": [{"name": "numbers"}, {"name": "account"}],
        "paths": {},
    }


def test_contact_terms_and_tags_are_reported_old_to_new() -> None:
    old = described(contact={"url": "https://a.example", "name": "DevRel"})
    new = described(contact={"url": "https://b.example", "name": "DevRel"}, termsOfService="t")
    new["tags"] = [{"name": "numbers"}]
    assert diff(old, new) == [
        (
            "api-info-changed",
            "document",
            'info.contact.url "https://a.example" → "https://b.example"; '
            'info.termsOfService (none) → "t"',
        ),
        ("tags-changed", "document", "tags removed: account"),
    ]


def test_a_component_used_as_items_is_named_after_the_array_by_default() -> None:
    old = answering("text/xml")
    old["components"]["schemas"]["list"] = {
        "type": "object",
        "properties": {
            "numbers": {"type": "array", "items": {"$ref": "#/components/schemas/owned"}}
        },
    }
    old["paths"]["/a"]["get"]["responses"]["200"]["content"]["text/xml"]["schema"] = {
        "$ref": "#/components/schemas/list"
    }
    same, renamed = copy.deepcopy(old), copy.deepcopy(old)
    same["components"]["schemas"]["owned"]["xml"] = {"name": "numbers"}
    renamed["components"]["schemas"]["owned"]["xml"] = {"name": "owned"}
    assert diff(old, same) == []
    assert [message for _, _, message in diff(old, renamed)] == [
        '`numbers[]` XML name "numbers" → "owned"'
    ]


def test_a_media_type_given_a_charset_is_the_same_media_type() -> None:
    old = answering("application/json")
    new = answering("application/json; charset=utf-8")
    del new["components"]["schemas"]["owned"]["properties"]["msisdn"]
    assert diff(old, new) == [
        (
            "response-media-type-parameter-added",
            "GET /a response 200 (application/json; charset=utf-8)",
            "media type parameters `application/json` → `application/json; charset=utf-8`",
        ),
        (
            "response-property-removed",
            "GET /a response 200 (application/json; charset=utf-8)",
            "field `msisdn` removed",
        ),
    ]
