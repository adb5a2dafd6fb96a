"""What one difference between two versions means, for a client and for a server.

"Client" is code written against the old document talking to a server of the new one; "server" is
an implementation of the old document answering clients written against the new one:

- BREAKING: that side may fail (something it sends is now refused, something it receives is
  unexpected or missing, or code using the generated client must change).
- ADDITIVE: nothing fails; the new document offers something new to use (a minor version).
- COMPATIBLE: nothing fails and nothing new is offered (documentation, constraints relaxed, ...).

Requests and responses are mirror images: narrowing what a server accepts breaks clients, widening
it breaks servers; widening what a server may answer breaks clients, narrowing it breaks servers.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum


class Impact(IntEnum):
    """How much a change matters to one side; ordered so that max() is the worst."""

    COMPATIBLE = 0
    ADDITIVE = 1
    BREAKING = 2

    @property
    def label(self) -> str:
        return self.name.lower()


B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE
# (client, server)
Impacts = tuple[Impact, Impact]


class Direction(Enum):
    """Which way the data flows: requests go to the server, responses come back to the client."""

    REQUEST = "request"
    RESPONSE = "response"


def narrowed(direction: Direction) -> Impacts:
    """(client, server) impact of allowing less than before."""
    return (B, C) if direction is Direction.REQUEST else (C, B)


def widened(direction: Direction, *, offers_more: bool = False) -> Impacts:
    """(client, server) impact of allowing more than before.

    `offers_more`: a request may now say something new (a new enum value), which is an addition
    for clients; loosening a bound offers nothing new to use.
    """
    if direction is Direction.REQUEST:
        return (A if offers_more else C, B)
    return (B, C)


@dataclass(frozen=True, order=True)
class Change:
    """One classified difference: `where` in the API, `what` changed, and its impact per side."""

    where: str
    what: str
    client: Impact
    server: Impact

    @classmethod
    def of(cls, where: str, what: str, impacts: Impacts) -> Change:
        return cls(where, what, impacts[0], impacts[1])

    def describe(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what


class Bump(Enum):
    """How far the client's version moves."""

    MAJOR = "major"
    MINOR = "minor"
    PATCH = "patch"


def bump_for(impacts: list[Impact]) -> Bump:
    """Major for anything breaking the client, minor for additions, patch otherwise."""
    worst = max(impacts, default=C)
    return {B: Bump.MAJOR, A: Bump.MINOR, C: Bump.PATCH}[worst]
