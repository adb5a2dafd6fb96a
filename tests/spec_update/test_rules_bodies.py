from __future__ import annotations

from typing import Any

import pytest

from spec_update.changes import Impact
from spec_update.rules.bodies import diff_request_body

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE
FORM = {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}}


def body(*, required: bool) -> dict[str, Any]:
    return {"required": required, "content": FORM}


@pytest.mark.parametrize(
    ("old", "new", "what", "client", "server"),
    [
        (None, body(required=True), "required request body added", B, B),
        (None, body(required=False), "optional request body added", A, A),
        (body(required=True), None, "request body removed", B, C),
        (body(required=False), body(required=True), "request body became required", B, C),
        (body(required=True), body(required=False), "request body became optional", A, B),
    ],
)
def test_request_body_rules(
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
    what: str,
    client: Impact,
    server: Impact,
) -> None:
    changes = diff_request_body(old, new, where="POST /x")
    assert [(c.what, c.client, c.server) for c in changes] == [(what, client, server)]


def test_no_body_on_either_side_is_no_change() -> None:
    assert diff_request_body(None, None, where="GET /x") == []
