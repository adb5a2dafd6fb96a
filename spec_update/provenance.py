"""openapi/provenance.json: where the vendored document came from, and its checksum."""

from __future__ import annotations

import json
from datetime import date

from spec_update.document import Document
from spec_update.sources import recorded_as


def provenance_for(
    document: Document,
    *,
    file_name: str,
    source: str,
    today: date,
    json_rendering: str | None = None,
) -> dict[str, str]:
    """The provenance record, with the keys in the order of the existing file; `source` is
    recorded as a URL whole, a local file by its name.

    `json_rendering`: the file holding the document as JSON, when the published one is YAML.
    """
    record = {
        "file": file_name,
        "title": document.title,
        "version": document.version,
        "sha256": document.sha256,
        "source": recorded_as(source),
        "vendored_at": today.isoformat(),
    }
    if json_rendering is not None:
        record["format"] = document.format
        record["json_rendering"] = json_rendering
    return record


def render_provenance(record: dict[str, str]) -> str:
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"
