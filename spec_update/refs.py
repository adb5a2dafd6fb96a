"""The document's `$ref`s: each must be local (`#/...`) and point at something.

The vendored document must stand alone: it is the single input of the generator, and nothing is
fetched to read it. References are found in the document's JSON text (at C speed) and looked up
one by one; spec_update.view follows them during a diff.
"""

from __future__ import annotations

from typing import Any

from spec_update.errors import UpdateError
from spec_update.view import pointer_target, refs_in


class RefError(UpdateError):
    """A `$ref` points outside the document or at nothing."""


def check_refs(document: dict[str, Any], *, text: str | None = None) -> None:
    """Raise RefError for the first reference that is external or points at nothing (`text`: the
    JSON the document was parsed from, searched instead of a new rendering)."""
    for ref in dict.fromkeys(refs_in(document, text=text)):
        if not ref.startswith("#"):
            raise RefError(
                f"$ref {ref!r} points outside the document; only local '#/...' refs work"
            )
        if pointer_target(document, ref) is None:
            raise RefError(f"$ref {ref!r} points at nothing")
