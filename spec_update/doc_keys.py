"""Which keys of an OpenAPI document only document, and which hold names chosen by its author.

Shared by the comparison of documents (spec_update.view) and the rules built on it
(spec_update.rules): it sits below both, so that the view never reaches up into the rules.
"""

from __future__ import annotations

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
        "webhooks",
        "pathItems",
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
