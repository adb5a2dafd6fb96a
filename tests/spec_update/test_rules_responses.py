from __future__ import annotations

from typing import Any

from spec_update.changes import Impact
from spec_update.rules.responses import diff_responses

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE
OK: dict[str, Any] = {"description": "OK", "content": {"application/json": {"schema": {}}}}


def test_status_codes_added_break_clients_and_removed_break_servers() -> None:
    changes = diff_responses({"200": OK, "420": OK}, {"200": OK, "201": OK}, where="POST /x")
    assert [(c.what, c.client, c.server) for c in changes] == [
        ("response status 420 removed", C, B),
        ("response status 201 added", B, C),
    ]


def test_response_headers() -> None:
    old = {"200": {**OK, "headers": {"X-Old": {"schema": {"type": "string"}}}}}
    new = {"200": {**OK, "headers": {"X-New": {"required": True, "schema": {"type": "string"}}}}}
    changes = diff_responses(old, new, where="GET /x")
    assert [(c.where, c.what, c.client, c.server) for c in changes] == [
        ("GET /x response 200", "header `X-Old` removed", B, C),
        ("GET /x response 200", "header `X-New` added", A, B),
    ]


def test_response_bodies_are_compared_as_responses() -> None:
    old = {"200": {"content": {"application/json": {"schema": {"enum": ["a"]}}}}}
    new = {"200": {"content": {"application/json": {"schema": {"enum": ["a", "b"]}}}}}
    changes = diff_responses(old, new, where="GET /x")
    assert [(c.where, c.what, c.client, c.server) for c in changes] == [
        ("GET /x response 200 (application/json)", 'enum values added: "b"', B, C)
    ]
