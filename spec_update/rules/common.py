"""What the rules share: the two documents being compared, where a change is, how values show."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spec_update.changes import Change, Location
    from spec_update.view import Comparison, View

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


class Direction(Enum):
    """Which way the data flows: requests go to the server, responses come back to the client."""

    REQUEST = "request"
    RESPONSE = "response"


@dataclass(frozen=True)
class Context:
    """The two documents of one comparison, and the day removals are judged against."""

    old: View
    new: View
    compare: Comparison
    today: date

    def change(self, rule: str, at: Location, message: str, **where: Any) -> Change:
        from spec_update.changes import Change

        return Change(rule, replace(at, **where) if where else at, message)


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


def directed(direction: Direction, rule: str) -> str:
    """The id of the request or the response variant of a rule."""
    return f"{direction.value}-{rule}"


def show(value: Any) -> str:
    """A value as it would appear in the document."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def show_all(values: list[Any]) -> str:
    return ", ".join(show(value) for value in values)


def join_field(parent: str, child: str) -> str:
    return f"{parent}.{child}" if parent else child


def subject(field: str, text: str) -> str:
    """`text` about `field`, or about the whole schema when `field` is empty."""
    return f"`{field}` {text}" if field else text


def is_true(value: Any) -> bool:
    return value is True
