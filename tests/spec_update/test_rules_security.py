from __future__ import annotations

from typing import Any

from spec_update.changes import Impact
from spec_update.rules.operations import operations_of
from spec_update.rules.security import diff_security

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE
BASIC = {"type": "http", "scheme": "basic"}


def document(schemes: dict[str, Any], security: list[Any], **paths: Any) -> dict[str, Any]:
    return {
        "components": {"securitySchemes": schemes},
        "security": security,
        "paths": paths or {"/a": {"get": {}}, "/b": {"get": {}}},
    }


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, Impact, Impact]]:
    before, after = operations_of(old), operations_of(new)
    pairs = [(before[key], after[key]) for key in sorted(before.keys() & after.keys())]
    return [(c.where, c.what, c.client, c.server) for c in diff_security(old, new, pairs)]


def test_schemes_compare_by_what_they_are_not_by_name() -> None:
    old = document({"basicAuth": BASIC}, [{"basicAuth": []}])
    new = document({"basic": {**BASIC, "description": "renamed"}}, [{"basic": []}])
    assert diff(old, new) == []


def test_an_added_alternative_breaks_servers_only() -> None:
    key = {"type": "apiKey", "in": "query", "name": "api_key"}
    old = document({"basicAuth": BASIC}, [{"basicAuth": []}])
    new = document({"basicAuth": BASIC, "key": key}, [{"basicAuth": []}, {"key": []}])
    assert diff(old, new) == [
        ("all operations", "authentication now accepted: API key in query `api_key`", A, B)
    ]


def test_an_operation_override_is_reported_for_that_operation() -> None:
    old = document({"basicAuth": BASIC}, [{"basicAuth": []}])
    new = document(
        {"basicAuth": BASIC},
        [{"basicAuth": []}],
        **{"/a": {"get": {"security": []}}, "/b": {"get": {}}},
    )
    assert diff(old, new) == [
        ("GET /a", "authentication no longer accepted: HTTP basic", B, C),
        ("GET /a", "authentication now accepted: no authentication", A, B),
    ]


def test_an_undefined_scheme_is_named() -> None:
    old = document({"basicAuth": BASIC}, [{"basicAuth": []}])
    new = document({}, [{"basicAuth": ["read"]}])
    assert diff(old, new)[1][1] == (
        "authentication now accepted: undefined scheme `basicAuth` (scopes read)"
    )
