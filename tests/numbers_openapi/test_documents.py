"""numbers_openapi.documents: JSON and YAML read by suffix, clear errors, JSON written back."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.paths import SPEC_PATH
from numbers_openapi.documents import DocumentError, load_document, write_json_document


@pytest.mark.parametrize("suffix", [".yaml", ".yml"])
def test_yaml_is_read_by_its_suffix(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_text("openapi: 3.0.0\npaths:\n  /a: {}\n")

    assert load_document(path) == {"openapi": "3.0.0", "paths": {"/a": {}}}


def test_json_round_trips(tmp_path: Path) -> None:
    document = load_document(SPEC_PATH)
    path = tmp_path / "copy.json"

    write_json_document(document, path)

    assert load_document(path) == document


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("doc.json", "{not json", "is not valid JSON"),
        ("doc.yaml", "a: [unclosed", "is not valid YAML"),
        ("doc.json", "[1, 2]", "does not hold an object"),
    ],
)
def test_a_bad_document_is_a_document_error(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text)

    with pytest.raises(DocumentError, match=message):
        load_document(path)


def test_a_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot read"):
        load_document(tmp_path / "absent.json")
