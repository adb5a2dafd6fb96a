"""What the rules share: the two documents being compared, where a change is, how values show."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Any, NamedTuple

from spec_update.changes import Change, Location
from spec_update.view import Comparison, View


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
        return Change(rule, replace(at, **where) if where else at, message)


class Paired(NamedTuple):
    """The two ids of a rule that comes as a request and a response variant, both spelled out so
    that searching for an id finds the module that emits it."""

    request: str
    response: str

    def of(self, direction: Direction) -> str:
        return self.request if direction is Direction.REQUEST else self.response


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
