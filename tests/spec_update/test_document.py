from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from spec_update.document import DocumentError, InvalidDocument, load_document

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_valid_document_keeps_its_bytes(vendored_raw: bytes) -> None:
    document = load_document(vendored_raw, "vendored")
    assert document.raw == vendored_raw
    assert document.format == "json"
    assert document.title == "Numbers API"
    assert document.version == "1.1.0"
    assert document.sha256 == hashlib.sha256(vendored_raw).hexdigest()
    assert document.as_json() is vendored_raw


def test_yaml_reads_as_the_same_document_in_json_would() -> None:
    raw = (
        b"openapi: 3.0.3\n"
        b"info: {title: T, version: '1'}\n"
        b"x-released: 2024-01-01\n"
        b"paths:\n"
        b"  /a:\n"
        b"    get:\n"
        b"      responses:\n"
        b"        200: {description: ok}\n"
    )
    document = load_document(raw, "spec.yaml")
    assert document.format == "yaml"
    assert document.raw == raw
    assert document.data["x-released"] == "2024-01-01"
    assert list(document.data["paths"]["/a"]["get"]["responses"]) == ["200"]
    assert json.loads(document.as_json()) == document.data


def test_the_vendored_document_in_yaml_is_the_same_data(vendored_raw: bytes) -> None:
    data = json.loads(vendored_raw)
    document = load_document(yaml.safe_dump(data, sort_keys=False).encode(), "numbers.yaml")
    assert document.data == data


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        (
            "broken-missing-responses.json",
            "is not a valid OpenAPI document: at $.paths['/number/buy'].post: "
            "'responses' is a required property",
        ),
        (
            "broken-dangling-ref.json",
            "is not a valid OpenAPI document: $ref '#/components/schemas/inbound-numbers' "
            "points at nothing",
        ),
        ("broken-external-ref.json", "points outside the document"),
        (
            "broken-bad-type.json",
            "at $.components.schemas.country: "
            "the value is not valid under any of the given schemas",
        ),
    ],
)
def test_documents_the_validator_rejects_are_named_with_the_place(
    fixture: str, message: str
) -> None:
    with pytest.raises(InvalidDocument) as raised:
        load_document((FIXTURES / fixture).read_bytes(), fixture)
    text = str(raised.value)
    assert text.startswith(f"{fixture} ")
    assert message in text
    assert "\n" not in text
    # Without validation the same bytes load, to be compared anyway.
    assert load_document((FIXTURES / fixture).read_bytes(), fixture, validate=False).data


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        (
            {"/pets/{id}": {"get": {"responses": {"200": {"description": "ok"}}}}},
            "Path parameter 'id' for 'get' operation in '/pets/{id}' was not resolved",
        ),
        (
            {
                "/a": {"get": {"operationId": "x", "responses": {"200": {"description": "ok"}}}},
                "/b": {"get": {"operationId": "x", "responses": {"200": {"description": "ok"}}}},
            },
            "Operation ID 'x' for 'get' in '/b' is not unique",
        ),
        ({"/a": {"get": {"responses": None}}}, "at $.paths['/a'].get.responses: None is not of"),
    ],
)
def test_what_makes_a_document_invalid_is_named(paths: dict[str, object], message: str) -> None:
    data = {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": paths}
    with pytest.raises(InvalidDocument, match=re.escape(message)):
        load_document(json.dumps(data).encode(), "upstream")


def test_an_alternative_nothing_fits_says_why_its_closest_alternatives_do_not() -> None:
    # A security scheme written among the parameters (as the published 1.0.3 had it): its value is
    # echoed by the validator at the start of a message longer than a refusal line.
    scheme = {
        "type": "apiKey",
        "name": "api_key",
        "in": "query",
        "required": True,
        "description": "You can find your API key in the developer dashboard " + "x" * 80,
    }
    data = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {"parameters": {"apiKey": scheme}},
    }
    with pytest.raises(InvalidDocument) as raised:
        load_document(json.dumps(data).encode(), "upstream")
    text = str(raised.value)
    assert text == (
        "upstream is not a valid OpenAPI document: at $.components.parameters.apiKey: "
        "the value is not valid under any of the given schemas "
        "('$ref' is a required property; unexpected key 'type')"
    )


def test_a_deeper_reason_names_where_it_is_under_the_place() -> None:
    data = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {"schemas": {"country": {"type": "strin"}}},
    }
    with pytest.raises(InvalidDocument) as raised:
        load_document(json.dumps(data).encode(), "upstream")
    assert str(raised.value).endswith(
        "at $.components.schemas.country: the value is not valid under any of the given schemas "
        "(type: 'strin' is not one of ['array', 'boolean', 'integer', 'number', 'object', "
        "'string'])"
    )


@pytest.mark.parametrize(
    ("responses", "reason"),
    [
        ("y" * 300, "the value is not of type 'object'"),
        (["1", "y" * 300], "the value is not of type 'object'"),
        ("short", "'short' is not of type 'object'"),
    ],
)
def test_an_echoed_value_is_left_out_unless_short_and_the_reason_kept(
    responses: object, reason: str
) -> None:
    data = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {"/a": {"get": {"responses": responses}}},
    }
    with pytest.raises(InvalidDocument) as raised:
        load_document(json.dumps(data).encode(), "upstream")
    assert str(raised.value) == (
        f"upstream is not a valid OpenAPI document: at $.paths['/a'].get.responses: {reason}"
    )


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("broken-swagger-2.json", "is not an OpenAPI 3 document"),
        ("broken-not-yaml.yaml", "is neither JSON nor YAML (line 3, column 6:"),
    ],
)
def test_documents_that_are_not_openapi_3_are_refused_even_without_validation(
    fixture: str, message: str
) -> None:
    for validate in (True, False):
        with pytest.raises(DocumentError) as raised:
            load_document((FIXTURES / fixture).read_bytes(), fixture, validate=validate)
        assert not isinstance(raised.value, InvalidDocument)
        assert message in str(raised.value)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"title": "\xc3\x28"}', "is not UTF-8 text"),
        (b"[1, 2]", "is not an OpenAPI document (its top level is a list)"),
        (b"", "is not an OpenAPI document (its top level is nothing)"),
        (b"{", "is not JSON (line 1, column 2"),
        (b"openapi: 3.0.0\nx: !!binary aGk=\n", "holds a value JSON cannot"),
    ],
)
def test_other_bytes_are_refused(raw: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=re.escape(message)):
        load_document(raw, "upstream")


@pytest.mark.parametrize("name", ["minimal.json", "minimal.yaml"])
def test_minimal_documents_are_valid(name: str) -> None:
    document = load_document((FIXTURES / name).read_bytes(), name)
    assert document.format == name.rsplit(".", 1)[1]


def test_both_validators_agree_on_the_fixtures() -> None:
    """openapi-spec-validator-rs is a port of openapi-spec-validator: the verdicts match."""
    from openapi_spec_validator import validate as reference

    for path in sorted(FIXTURES.glob("*.json")):
        data = json.loads(path.read_bytes())
        if data.get("openapi", "").startswith("3.") and '$ref": "common' not in path.read_text():
            try:
                load_document(path.read_bytes(), path.name)
                ours = True
            except InvalidDocument:
                ours = False
            try:
                reference(data)
                theirs = True
            except Exception:
                theirs = False
            assert ours == theirs, path.name
