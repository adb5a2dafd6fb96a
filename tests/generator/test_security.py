"""generator.security: the credentials a document's security schemes ask the client for."""

from __future__ import annotations

from inspect import signature
from typing import Any

import pytest
from numbers_api_client import AuthenticatedClient

from generator.paths import SPEC_PATH
from generator.security import (
    CLIENT_ARGUMENTS,
    Credential,
    SecurityError,
    auth_expression,
    credentials,
    credentials_template,
)
from numbers_openapi.documents import load_document


def document(
    schemes: dict[str, Any], security: list[dict[str, list[str]]] | None
) -> dict[str, Any]:
    found: dict[str, Any] = {
        "openapi": "3.0.0",
        "paths": {"/a": {"get": {"responses": {}}}, "/b": {"post": {"responses": {}}}},
        "components": {"securitySchemes": schemes},
    }
    if security is not None:
        found["security"] = security
    return found


QUERY_KEYS = {
    "apiKey": {"type": "apiKey", "in": "query", "name": "api_key"},
    "apiSecret": {"type": "apiKey", "in": "query", "name": "api_secret"},
}


def test_the_vendored_document_asks_for_http_basic() -> None:
    assert credentials(load_document(SPEC_PATH)) == (
        Credential("api_key", "basic-user", shown=True),
        Credential("api_secret", "basic-password"),
    )


def test_query_keys_are_one_argument_each_named_after_the_scheme() -> None:
    found = credentials(document(QUERY_KEYS, [{"apiKey": [], "apiSecret": []}]))
    assert found == (
        Credential("api_key", "query", "api_key"),
        Credential("api_secret", "query", "api_secret"),
    )
    assert [credential.description for credential in found] == [
        "Sent as the query parameter `api_key` (never shown in repr)",
        "Sent as the query parameter `api_secret` (never shown in repr)",
    ]


def test_a_header_key_is_sent_under_the_schemes_name() -> None:
    schemes = {"ApiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}
    assert credentials(document(schemes, [{"ApiKeyAuth": []}])) == (
        Credential("api_key_auth", "header", "X-API-Key"),
    )


def test_only_the_first_alternative_is_used() -> None:
    schemes = {**QUERY_KEYS, "basicAuth": {"type": "http", "scheme": "basic"}}
    found = credentials(document(schemes, [{"basicAuth": []}, {"apiKey": [], "apiSecret": []}]))
    assert [credential.into for credential in found] == ["basic-user", "basic-password"]


def test_operations_repeating_the_documents_requirement_agree() -> None:
    raw = document(QUERY_KEYS, [{"apiKey": [], "apiSecret": []}])
    raw["paths"]["/a"]["get"]["security"] = [{"apiKey": [], "apiSecret": []}]
    assert len(credentials(raw)) == 2


def test_operations_that_disagree_are_refused() -> None:
    raw = document(QUERY_KEYS, [{"apiKey": [], "apiSecret": []}])
    raw["paths"]["/a"]["get"]["security"] = []
    with pytest.raises(SecurityError, match=r"different security requirements.*GET /a: none"):
        credentials(raw)


def test_no_security_means_no_credentials() -> None:
    assert credentials(document({}, None)) == ()


@pytest.mark.parametrize(
    ("scheme", "message"),
    [
        ({"type": "http", "scheme": "bearer"}, r"'token' \(http bearer\) is not supported"),
        ({"type": "oauth2", "flows": {}}, r"'token' \(oauth2\) is not supported"),
        ({"type": "apiKey", "in": "header", "name": "X Key"}, "no usable `name`"),
        ({"type": "apiKey", "in": "query"}, "no usable `name`"),
    ],
)
def test_unsupported_schemes_are_refused_by_name(scheme: dict[str, Any], message: str) -> None:
    with pytest.raises(SecurityError, match=message):
        credentials(document({"token": scheme}, [{"token": []}]))


@pytest.mark.parametrize(
    ("scheme_name", "message"),
    [
        ("class", "does not make a Python argument name"),
        ("2fa", "does not make a Python argument name"),
        ("Headers", "would take the client's own argument 'headers'"),
        ("retries", "would take the client's own argument 'retries'"),
    ],
)
def test_scheme_names_that_cannot_be_arguments_are_refused(scheme_name: str, message: str) -> None:
    scheme = {"type": "apiKey", "in": "header", "name": "X-Key"}
    with pytest.raises(SecurityError, match=message):
        credentials(document({scheme_name: scheme}, [{scheme_name: []}]))


def test_a_missing_scheme_is_named() -> None:
    with pytest.raises(SecurityError, match=r"'nowhere' is not in components\.securitySchemes"):
        credentials(document({}, [{"nowhere": []}]))


def test_two_schemes_with_the_same_argument_are_refused() -> None:
    schemes = {
        "api_key": {"type": "apiKey", "in": "query", "name": "k"},
        "apiKey": {"type": "apiKey", "in": "header", "name": "K"},
    }
    with pytest.raises(SecurityError, match=r"same argument \['api_key'\]"):
        credentials(document(schemes, [{"api_key": [], "apiKey": []}]))


def test_the_template_defines_the_credentials_for_jinja() -> None:
    jinja2 = pytest.importorskip("jinja2")
    text = credentials_template((Credential("api_key", "header", "X-Key"),))
    module = jinja2.Environment().from_string(text).module
    assert module.credentials == [
        {
            "name": "api_key",
            "into": "header",
            "wire_name": "X-Key",
            "shown": False,
            "description": "Sent as the header `X-Key` (never shown in repr)",
        }
    ]
    assert module.auth == 'Credentials(((Sent("header", "X-Key"), self.api_key),))'


def test_the_auth_expression_pairs_each_place_with_its_argument() -> None:
    basic = credentials(load_document(SPEC_PATH))
    assert auth_expression(basic) == (
        'Credentials(((Sent("basic-user"), self.api_key), '
        '(Sent("basic-password"), self.api_secret),))'
    )
    assert auth_expression(()) == ""


def test_the_clients_own_arguments_are_the_generated_clients() -> None:
    arguments = set(signature(AuthenticatedClient).parameters)
    assert arguments - {"api_key", "api_secret"} == CLIENT_ARGUMENTS
