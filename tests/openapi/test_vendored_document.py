"""The vendored document is valid OpenAPI and is exactly the file its provenance describes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

OPENAPI_DIR = Path(__file__).resolve().parents[2] / "openapi"


def provenance() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((OPENAPI_DIR / "provenance.json").read_text())
    return data


def test_document_is_valid_openapi() -> None:
    spec, _ = read_from_filename(str(OPENAPI_DIR / provenance()["file"]))
    validate(spec)


def test_document_bytes_match_recorded_sha256() -> None:
    data = (OPENAPI_DIR / provenance()["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == provenance()["sha256"]


def test_provenance_names_the_documents_title_and_version() -> None:
    record = provenance()
    document = json.loads((OPENAPI_DIR / record["file"]).read_text())
    assert (record["title"], record["version"]) == (
        document["info"]["title"],
        document["info"]["version"],
    )
    assert record["source"]
