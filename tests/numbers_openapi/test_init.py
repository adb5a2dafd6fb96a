"""The vendored document is found as package data, through the name its provenance gives."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import numbers_openapi
from numbers_openapi import ResourceMissingError, document_path, provenance_path, published_path

OPENAPI_DIR = Path(__file__).resolve().parents[2] / "openapi"


def test_document_path_is_the_vendored_file_byte_for_byte() -> None:
    vendored = OPENAPI_DIR / "numbers-api.json"
    assert hashlib.sha256(document_path().read_bytes()).digest() == (
        hashlib.sha256(vendored.read_bytes()).digest()
    )
    assert json.loads(provenance_path().read_text())["file"] == published_path().name


def test_a_provenance_without_a_file_name_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "document").mkdir()
    (tmp_path / "document" / "provenance.json").write_text('{"title": "Numbers API"}')
    monkeypatch.setattr(numbers_openapi, "files", lambda _name: tmp_path)
    with pytest.raises(ResourceMissingError, match="names no document file"):
        published_path()


def test_a_missing_document_names_the_file_and_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "document").mkdir()
    (tmp_path / "document" / "provenance.json").write_text('{"file": "numbers-api.yaml"}')
    monkeypatch.setattr(numbers_openapi, "files", lambda _name: tmp_path)
    with pytest.raises(ResourceMissingError, match=r"numbers-api\.yaml is missing"):
        published_path()
    with pytest.raises(ResourceMissingError, match=r"numbers-api\.json is missing"):
        document_path()


def test_overlay_path_is_the_overlay_the_package_holds() -> None:
    assert numbers_openapi.overlay_path().name == "overlay.yaml"
    assert numbers_openapi.overlay_path().parent == Path(numbers_openapi.__file__).parent


def test_a_missing_overlay_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(numbers_openapi, "files", lambda _name: tmp_path)
    with pytest.raises(ResourceMissingError, match=r"overlay\.yaml is missing"):
        numbers_openapi.overlay_path()
