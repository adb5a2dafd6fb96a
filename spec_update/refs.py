"""Inline the document's local `$ref`s so that two versions compare by content, not by reference.

In this document parameters and schemas are references: a change to `#/components/schemas/country`
is a change to every parameter and field that points at it, and that is where it must be reported.
"""

from __future__ import annotations

from typing import Any

from spec_update.errors import UpdateError


class RefError(UpdateError):
    """A `$ref` points outside the document or at nothing."""


def resolve_refs(document: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of `document` with every `$ref` replaced by what it points at.

    A reference met again while inlining itself (a recursive schema) is kept as `{"$ref": ...}`,
    so recursion ends and the two versions still compare by that reference.
    """
    resolved = _inline(document, document, ())
    assert isinstance(resolved, dict)
    return resolved


def check_refs(document: dict[str, Any]) -> None:
    """Raise RefError for the first reference that is external or points at nothing."""
    resolve_refs(document)


def _inline(node: Any, document: dict[str, Any], active: tuple[str, ...]) -> Any:
    if isinstance(node, list):
        return [_inline(item, document, active) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        if ref in active:
            return {"$ref": ref}
        return _inline(_target(ref, document), document, (*active, ref))
    return {key: _inline(value, document, active) for key, value in node.items()}


def _target(ref: str, document: dict[str, Any]) -> Any:
    if not ref.startswith("#/"):
        # The vendored document must stand alone: it is the single input of the generator.
        raise RefError(f"$ref {ref!r} points outside the document; only local '#/...' refs work")
    node: Any = document
    for token in ref[2:].split("/"):
        key = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            raise RefError(f"$ref {ref!r} points at nothing")
    return node
