from __future__ import annotations

import json
from datetime import date

from spec_update.document import load_document
from spec_update.layout import REPO_ROOT, Layout
from spec_update.provenance import provenance_for, render_provenance


def test_the_record_describes_the_document(vendored_raw: bytes) -> None:
    document = load_document(vendored_raw, "x")
    record = provenance_for(
        document, file_name="numbers-api.json", source="https://x/n.json", today=date(2026, 12, 1)
    )
    assert record == {
        "file": "numbers-api.json",
        "title": "Numbers API",
        "version": "1.1.0",
        "sha256": document.sha256,
        "source": "https://x/n.json",
        "vendored_at": "2026-12-01",
    }


def test_it_is_written_like_the_existing_file() -> None:
    existing = Layout(REPO_ROOT).provenance.read_text()
    assert render_provenance(json.loads(existing)) == existing


def test_a_yaml_document_names_its_json_rendering() -> None:
    document = load_document(b"openapi: 3.0.3\ninfo: {title: T, version: '2'}\npaths: {}\n", "x")
    record = provenance_for(
        document,
        file_name="numbers-api.yaml",
        source="https://x/n.yaml",
        today=date(2026, 12, 1),
        json_rendering="numbers-api.json",
    )
    assert record["file"] == "numbers-api.yaml"
    assert (record["format"], record["json_rendering"]) == ("yaml", "numbers-api.json")


def test_a_local_file_is_recorded_by_its_name_not_where_it_was(vendored_raw: bytes) -> None:
    document = load_document(vendored_raw, "x")
    record = provenance_for(
        document,
        file_name="numbers-api.json",
        source="/home/someone/downloads/numbers-1.0.21.yml",
        today=date(2026, 12, 1),
    )
    assert record["source"] == "numbers-1.0.21.yml"
