"""Which statuses the service answers beyond its published document, per operation.

The answer is the difference between the published document and the same document with
numbers_openapi/overlay.yaml applied, so the overlay is the one place that says how the service
differs from its document: the client is generated from it, and the harness and the mock can ask
here instead of keeping their own lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from numbers_openapi import document_path, overlay_path
from numbers_openapi.documents import HTTP_METHODS, load_document
from numbers_openapi.overlay import apply_overlay, load_overlay


@dataclass(frozen=True)
class UndocumentedStatuses:
    """Per operation, the statuses the overlay adds; keyed by label ("POST /number/cancel")."""

    by_label: Mapping[str, frozenset[int]]
    label_of_operation_id: Mapping[str, str]

    def for_label(self, label: str) -> frozenset[int]:
        """The added statuses of the operation labelled "METHOD /path" (empty if unknown)."""
        return self.by_label.get(label, frozenset())

    def for_operation_id(self, operation_id: str) -> frozenset[int]:
        """The added statuses of the operation with this operationId (empty if unknown)."""
        label = self.label_of_operation_id.get(operation_id)
        return frozenset() if label is None else self.for_label(label)


def applied_document(spec: Path | None = None, overlay: Path | None = None) -> dict[str, Any]:
    """The document (by default the vendored one, as installed) with the overlay (by default the
    installed one) applied: what the client is generated from."""
    return apply_overlay(
        load_document(spec or document_path()), load_overlay(overlay or overlay_path())
    )


def undocumented_statuses(
    spec: Path | None = None, overlay: Path | None = None
) -> UndocumentedStatuses:
    """Compare the document with the overlaid one, operation by operation."""
    published = load_document(spec or document_path())
    return compare(published, apply_overlay(published, load_overlay(overlay or overlay_path())))


def compare(published: Mapping[str, Any], overlaid: Mapping[str, Any]) -> UndocumentedStatuses:
    """Per operation, the statuses `overlaid` lists and `published` does not."""
    before = _statuses(published)
    added: dict[str, frozenset[int]] = {}
    ids: dict[str, str] = {}
    for label, (operation_id, statuses) in _statuses(overlaid).items():
        added[label] = statuses - before.get(label, ("", frozenset()))[1]
        if operation_id:
            ids[operation_id] = label
    return UndocumentedStatuses(by_label=added, label_of_operation_id=ids)


def _statuses(document: Mapping[str, Any]) -> dict[str, tuple[str, frozenset[int]]]:
    found: dict[str, tuple[str, frozenset[int]]] = {}
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            codes = frozenset(
                int(code) for code in operation.get("responses", {}) if code.isdigit()
            )
            found[f"{method.upper()} {path}"] = (operation.get("operationId", ""), codes)
    return found
