from __future__ import annotations

import json
from pathlib import Path

import pytest

from numbers_mock import DocumentError, default_spec_path
from numbers_mock.core.document import ApiDocument, OperationRef
from numbers_mock.settings import default_overlay_path

DOCUMENT = ApiDocument(default_spec_path())


def test_operations() -> None:
    assert DOCUMENT.operations() == [
        OperationRef("getOwnedNumbers", "get", "/account/numbers"),
        OperationRef("getAvailableNumbers", "get", "/number/search"),
        OperationRef("buyANumber", "post", "/number/buy"),
        OperationRef("cancelANumber", "post", "/number/cancel"),
        OperationRef("updateANumber", "post", "/number/update"),
    ]
    assert DOCUMENT.server_url == "https://rest.nexmo.com"


def test_resolve_and_inline() -> None:
    resolved = DOCUMENT.resolve({"$ref": "#/components/parameters/country"})
    assert resolved["name"] == "country"
    assert resolved["schema"] == {"$ref": "#/components/schemas/country"}
    assert DOCUMENT.inline(resolved)["schema"]["maxLength"] == 2


def test_response_schema_of_listed_and_borrowed_answers() -> None:
    ref = DOCUMENT.response_schema("getOwnedNumbers", 401, "text/xml")
    assert ref == {"$ref": "#/components/schemas/account-unauthorized"}
    # Only buy lists 420; cancel borrows its schema, so its refusal is shaped the same way.
    assert DOCUMENT.response_schema("cancelANumber", 420, "application/json") == {
        "$ref": "#/components/schemas/response420"
    }
    assert DOCUMENT.response_schema("buyANumber", 400, "application/json") is None


def test_required_body_fields() -> None:
    assert DOCUMENT.required_body_fields("buyANumber") == ("country", "msisdn")
    assert DOCUMENT.required_body_fields("getOwnedNumbers") == ()


def write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "doc.json"
    path.write_text(content, encoding="utf-8")
    return path


def test_unreadable_documents(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="not found"):
        ApiDocument(tmp_path / "missing.json")
    with pytest.raises(DocumentError, match="is not valid JSON"):
        ApiDocument(write(tmp_path, "{"))
    with pytest.raises(DocumentError, match="does not hold an object"):
        ApiDocument(write(tmp_path, "[]"))
    with pytest.raises(DocumentError, match="no 'paths'"):
        ApiDocument(write(tmp_path, "{}"))


def test_bad_refs(tmp_path: Path) -> None:
    document = ApiDocument(write(tmp_path, json.dumps({"paths": {}, "a": {"$ref": "#/a"}})))
    with pytest.raises(DocumentError, match="longer than"):
        document.resolve({"$ref": "#/a"})
    with pytest.raises(DocumentError, match="points nowhere"):
        document.resolve({"$ref": "#/nope"})
    with pytest.raises(DocumentError, match="only local"):
        document.resolve({"$ref": "other.json#/a"})


def test_the_overlay_gives_cancel_and_update_their_own_420() -> None:
    overlaid = ApiDocument(default_spec_path(), default_overlay_path())
    for operation_id in ("cancelANumber", "updateANumber"):
        assert "420" in overlaid.operation(operation_id)["responses"]
        assert "420" not in DOCUMENT.operation(operation_id)["responses"]
    assert "400" in overlaid.operation("getOwnedNumbers")["responses"]


def test_an_overlay_that_does_not_apply_is_a_document_error(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
        "actions:\n  - target: $.paths['/no/such/path']\n    update: {x: 1}\n"
    )
    with pytest.raises(DocumentError, match="does not apply"):
        ApiDocument(default_spec_path(), overlay)
