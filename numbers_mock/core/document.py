"""The vendored API document: loaded once, then asked for operations and schemas."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from numbers_openapi.documents import HTTP_METHODS, load_document
from numbers_openapi.documents import DocumentError as UnreadableFile

__all__ = ["ApiDocument", "DocumentError", "OperationRef"]

_MAX_REF_DEPTH = 32

Schema = Mapping[str, Any]


class DocumentError(ValueError):
    """The API document cannot be read or is not shaped like an OpenAPI document."""


@dataclass(frozen=True)
class OperationRef:
    """Where one operation of the document lives."""

    operation_id: str
    method: str
    path: str


class ApiDocument:
    """A parsed OpenAPI document with the few look-ups the mock needs.

    Everything the mock knows about the API's shape (paths, parameters, bodies, answers, XML names)
    comes from here, so a new version of the document changes the mock without code changes.
    """

    def __init__(self, path: Path, overlay: Path | None = None) -> None:
        """Read the document at `path`, with `overlay` (an OpenAPI Overlay) applied when given."""
        self.path = path
        if not path.is_file():
            raise DocumentError(f"API document not found: {path}")
        try:
            raw = load_document(path)
        except (UnreadableFile, UnicodeDecodeError) as exc:
            raise DocumentError(f"API document {exc}") from None
        if not isinstance(raw.get("paths"), dict):
            raise DocumentError(f"API document {path} has no 'paths' object")
        if overlay is not None:
            raw = _overlaid(raw, overlay)
        self.raw: Mapping[str, Any] = raw
        self._operations = {ref.operation_id: ref for ref in self._iter_operations()}

    @property
    def server_url(self) -> str:
        """The first server URL: requests are matched against the document as if sent there."""
        servers = self.raw.get("servers") or [{"url": "/"}]
        return str(servers[0].get("url", "/"))

    def operations(self) -> list[OperationRef]:
        """Every operation that has an operationId, in document order."""
        return list(self._operations.values())

    def operation(self, operation_id: str) -> Schema:
        """The operation object of `operation_id`."""
        ref = self._operations[operation_id]
        operation: Schema = self.raw["paths"][ref.path][ref.method]
        return operation

    def resolve(self, node: Schema) -> Schema:
        """`node` with local `$ref`s followed until a real object is reached."""
        for _ in range(_MAX_REF_DEPTH):
            ref = node.get("$ref")
            if not isinstance(ref, str):
                return node
            node = self._lookup(ref)
        raise DocumentError(f"$ref chain longer than {_MAX_REF_DEPTH} in {self.path}")

    def inline(self, node: Any, depth: int = 0) -> Any:
        """A copy of `node` with every local `$ref` replaced by its target (refs may not loop)."""
        if depth > _MAX_REF_DEPTH:
            raise DocumentError(f"$refs nested deeper than {_MAX_REF_DEPTH} in {self.path}")
        if isinstance(node, Mapping):
            if isinstance(node.get("$ref"), str):
                return self.inline(self._lookup(node["$ref"]), depth + 1)
            return {key: self.inline(value, depth + 1) for key, value in node.items()}
        if isinstance(node, list):
            return [self.inline(value, depth + 1) for value in node]
        return node

    def response_schema(self, operation_id: str, status: int, media_type: str) -> Schema | None:
        """The schema of an answer (its `$ref` kept), or None when the document has no such answer.

        When the operation does not list `status`, another operation's answer for that status is
        used: the published document lists HTTP 420 for buy only (the overlay adds it to cancel and
        update), yet the service refuses cancels and updates with the same body, and this keeps
        that body shaped (and named, in XML) by a document read without the overlay too.
        """
        response = self._response(self.operation(operation_id), status)
        if response is None:
            for ref in self._operations.values():
                response = self._response(self.operation(ref.operation_id), status)
                if response is not None:
                    break
        if response is None:
            return None
        content: Mapping[str, Any] = response.get("content") or {}
        # Only the media type asked for: an answer documented in JSON alone (the overlay's 400)
        # stays JSON for a client that asked for XML.
        media = content.get(media_type)
        if media is None or "schema" not in media:
            return None
        # Unresolved: the `$ref` names the component, which names an XML root lacking `xml.name`.
        schema: Schema = media["schema"]
        return schema

    def required_body_fields(self, operation_id: str) -> tuple[str, ...]:
        """The required properties of the operation's form body (empty when it has none)."""
        body = self.operation(operation_id).get("requestBody")
        if body is None:
            return ()
        for media in self.resolve(body).get("content", {}).values():
            schema = self.resolve(media.get("schema", {}))
            return tuple(schema.get("required", ()))
        return ()

    def _response(self, operation: Schema, status: int) -> Schema | None:
        response = operation.get("responses", {}).get(str(status))
        return None if response is None else self.resolve(response)

    def _lookup(self, ref: str) -> Schema:
        if not ref.startswith("#/"):
            raise DocumentError(f"only local $refs are supported, not {ref!r}")
        node: Any = self.raw
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, Mapping) or part not in node:
                raise DocumentError(f"$ref {ref!r} points nowhere in {self.path}")
            node = node[part]
        if not isinstance(node, Mapping):
            raise DocumentError(f"$ref {ref!r} does not point to an object")
        return node

    def _iter_operations(self) -> Iterator[OperationRef]:
        for path, item in self.raw["paths"].items():
            for method, operation in item.items():
                if method not in HTTP_METHODS:
                    continue
                if isinstance(operation, Mapping) and "operationId" in operation:
                    yield OperationRef(str(operation["operationId"]), method, path)


def _overlaid(raw: dict[str, Any], overlay: Path) -> dict[str, Any]:
    # Imported here: only a mock built with an overlay needs the overlay's JSONPath machinery.
    from numbers_openapi.overlay import OverlayError, apply_overlay, load_overlay

    try:
        return apply_overlay(raw, load_overlay(overlay))
    except (OverlayError, UnreadableFile) as exc:
        raise DocumentError(
            f"overlay {overlay} does not apply: {exc}"
            " (--no-overlay reads the document as published)"
        ) from None
