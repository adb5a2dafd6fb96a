"""openapi/provenance.json: where the vendored document came from, and its checksum."""

from __future__ import annotations

import json
from datetime import date

from spec_update.document import Document


def provenance_for(
    document: Document, *, file_name: str, source: str, today: date
) -> dict[str, str]:
    """The provenance record, with the keys in the order of the existing file."""
    return {
        "file": file_name,
        "title": document.title,
        "version": document.version,
        "sha256": document.sha256,
        "source": source,
        "vendored_at": today.isoformat(),
    }


def render_provenance(record: dict[str, str]) -> str:
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"
