"""Small helpers the rules share: documentation keys, and how values and fields are shown."""

from __future__ import annotations

import json
from typing import Any

# Keys that only document: they never change what is sent or received.
DOC_KEYS = frozenset({"description", "summary", "title", "example", "examples", "externalDocs"})


# Keys whose values map names chosen by the author to objects: there a key called "description"
# is a field or a media type, not documentation.
NAME_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "paths",
        "responses",
        "content",
        "schemas",
        "parameters",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "callbacks",
        "encoding",
        "variables",
        "mapping",
    }
)


def is_doc_key(key: str) -> bool:
    return key in DOC_KEYS or key.startswith("x-")


def strip_docs(node: Any, *, names: bool = False) -> Any:
    """`node` without documentation keys, to compare what two pieces of the document mean.

    `names`: `node` is a map of author-chosen names (see NAME_MAPS), whose keys all stay.
    """
    if isinstance(node, dict):
        return {
            key: strip_docs(value, names=not names and key in NAME_MAPS)
            for key, value in node.items()
            if names or not is_doc_key(key)
        }
    if isinstance(node, list):
        return [strip_docs(item) for item in node]
    return node


def show(value: Any) -> str:
    """A value as it would appear in the document."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def show_all(values: list[Any]) -> str:
    return ", ".join(show(value) for value in values)


def join_field(parent: str, child: str) -> str:
    return f"{parent}.{child}" if parent else child


def subject(field: str, text: str) -> str:
    """`text` about `field`, or about the whole schema when `field` is empty."""
    return f"`{field}` {text}" if field else text
