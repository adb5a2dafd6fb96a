"""One classified difference between two versions of the document, and the client's version bump.

A change names the rule that found it (spec_update.rules.catalog), which gives its levels for a
client and for a server; where it is and what it is are its location and its message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import Enum, IntEnum
from typing import Any

from spec_update.levels import Level
from spec_update.rules.catalog import Rule, rule


class Impact(IntEnum):
    """What a change to the generated client's public API means for code using it."""

    COMPATIBLE = 0
    ADDITIVE = 1
    BREAKING = 2

    @property
    def label(self) -> str:
        return self.name.lower()


B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE


@dataclass(frozen=True, order=True)
class Location:
    """Where a change is: any of an operation, a parameter, a part of the operation (the request
    body, a response, a response header), the media types and a field path inside the schema."""

    operation: str | None = None
    parameter: str | None = None
    section: str | None = None
    media_types: tuple[str, ...] = ()
    schema: str | None = None

    def describe(self) -> str:
        parts = [part for part in (self.operation, self.parameter, self.section) if part]
        if self.media_types:
            parts.append(f"({', '.join(self.media_types)})")
        return " ".join(parts) or "document"

    def as_json(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "parameter": self.parameter,
            "section": self.section,
            "media_types": list(self.media_types),
            "schema": self.schema,
        }


@dataclass(frozen=True, order=True)
class Place:
    """A place in both documents, as a JSON pointer into each: the same key of the same object,
    whose pointers differ when the object moved in its list (a parameter now listed first)."""

    old: str
    new: str

    def child(self, old_key: str, new_key: str) -> Place:
        return Place(f"{self.old}/{_escape(old_key)}", f"{self.new}/{_escape(new_key)}")

    def as_json(self) -> dict[str, str]:
        return {"old": self.old, "new": self.new}


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True, order=True)
class Change:
    """`places`: for a change found in several places of the documents at once (documentation),
    each of them, for programs; the message names the first few, for people."""

    rule: str
    location: Location = field(default_factory=Location)
    message: str = ""
    places: tuple[Place, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        rule(self.rule)  # an unknown id is a bug in a rule module: fail where it is made

    @property
    def definition(self) -> Rule:
        return rule(self.rule)

    @property
    def client(self) -> Level:
        return self.definition.client

    @property
    def server(self) -> Level:
        return self.definition.server

    @property
    def adds(self) -> bool:
        return self.definition.adds

    def describe(self) -> str:
        return f"{self.location.describe()}: {self.message}"

    def with_places(self, places: tuple[Place, ...]) -> Change:
        return replace(self, places=places)

    def as_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "rule": self.rule,
            "client": self.client.label,
            "server": self.server.label,
            "location": self.location.as_json(),
            "message": self.message,
        }
        if self.places:
            record["places"] = [place.as_json() for place in self.places]
        return record


class Bump(Enum):
    """How far the client's version moves."""

    MAJOR = "major"
    MINOR = "minor"
    PATCH = "patch"


def bump_for(changes: Iterable[Change], api_impacts: Iterable[Impact] = ()) -> Bump:
    """Major for anything breaking a client; minor for additions and changes that may break;
    patch otherwise."""
    changes = list(changes)
    impacts = list(api_impacts)
    if any(c.client is Level.BREAKING for c in changes) or Impact.BREAKING in impacts:
        return Bump.MAJOR
    if any(c.client is Level.MAY_BREAK or c.adds for c in changes) or Impact.ADDITIVE in impacts:
        return Bump.MINOR
    return Bump.PATCH
