"""A change of how the document says to authenticate is a change of the generated client's API."""

from __future__ import annotations

from typing import Any

from spec_update.changes import Impact
from spec_update.client_auth import CLIENT_CLASS, authentication_changes
from spec_update.view import View


def secured(schemes: dict[str, Any]) -> View:
    return View(
        {
            "openapi": "3.0.3",
            "info": {"title": "T", "version": "1"},
            "paths": {"/a": {"get": {"responses": {}}}},
            "components": {"securitySchemes": schemes},
            "security": [{name: []} for name in schemes],
        }
    )


def test_the_same_schemes_under_other_names_change_nothing() -> None:
    old = secured({"basicAuth": {"type": "http", "scheme": "basic"}})
    new = secured({"basic": {"type": "http", "scheme": "Basic", "description": "renamed"}})
    assert authentication_changes(old, new) == []


def test_a_scheme_that_puts_the_credentials_elsewhere_breaks_the_client() -> None:
    old = secured({"basicAuth": {"type": "http", "scheme": "basic"}})
    new = secured({"key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}})
    [change] = authentication_changes(old, new)
    assert (change.where, change.impact) == (CLIENT_CLASS, Impact.BREAKING)
    assert change.what == "authentication HTTP basic → API key in header `x-api-key`"
