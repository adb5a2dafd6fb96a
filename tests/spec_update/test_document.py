from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from spec_update.document import DocumentError, load_document

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_valid_document_keeps_its_bytes(vendored_raw: bytes) -> None:
    document = load_document(vendored_raw, "vendored")
    assert document.raw == vendored_raw
    assert document.title == "Numbers API"
    assert document.version == "1.1.0"
    assert document.sha256 == hashlib.sha256(vendored_raw).hexdigest()


def test_the_resolved_form_inlines_references(vendored_raw: bytes) -> None:
    document = load_document(vendored_raw, "vendored")
    parameters = document.resolved["paths"]["/number/search"]["get"]["parameters"]
    assert parameters[0]["name"] == "country"
    assert parameters[0]["schema"]["maxLength"] == 2
    assert "$ref" in document.data["paths"]["/number/search"]["get"]["parameters"][0]


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        (
            "broken-missing-responses.json",
            "is not a valid OpenAPI document: at $.paths['/number/buy'].post: "
            '"responses" is a required property',
        ),
        (
            "broken-dangling-ref.json",
            "is not a valid OpenAPI document: $ref '#/components/schemas/inbound-numbers' "
            "points at nothing",
        ),
        ("broken-external-ref.json", "points outside the document"),
        ("broken-not-json.yaml", "is not JSON (line 1, column 1: Expecting value)"),
        ("broken-swagger-2.json", "is not an OpenAPI 3 document"),
        (
            "broken-bad-type.json",
            "at $.components.schemas.country: the value is not valid under any of the schemas",
        ),
    ],
)
def test_broken_documents_are_refused_in_one_line(fixture: str, message: str) -> None:
    with pytest.raises(DocumentError) as raised:
        load_document((FIXTURES / fixture).read_bytes(), fixture)
    text = str(raised.value)
    assert text.startswith(f"{fixture} ")
    assert message in text
    assert "\n" not in text


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"title": "\xc3\x28"}', "is not UTF-8 text"),
        (b"[1, 2]", "is not an OpenAPI document (its top level is a list)"),
        (b"", "is not JSON"),
    ],
)
def test_other_bytes_are_refused(raw: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=re.escape(message)):
        load_document(raw, "upstream")


def test_a_minimal_document_is_valid() -> None:
    document = load_document((FIXTURES / "minimal.json").read_bytes(), "minimal")
    assert (document.title, document.version) == ("Minimal", "0.1.0")
