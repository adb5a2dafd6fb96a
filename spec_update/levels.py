"""How much one difference between two versions matters, to a client and to a server.

"Client" is code written against the old document (the generated client included) talking to a
server of the new one; "server" is an implementation of the old document (the mock included)
answering clients written against the new one:

- BREAKING: that side fails: something it sends is now refused, something it receives is
  unexpected or missing, or code using the generated client must change.
- MAY_BREAK: that side fails only in some cases: when a server actually uses a new status, when a
  client relied on something now announced as going away, ...
- COMPATIBLE: nothing fails.

Requests and responses are mirror images: narrowing what a server accepts breaks clients, widening
it breaks servers; widening what a server may answer breaks clients, narrowing it breaks servers.
"""

from __future__ import annotations

from enum import IntEnum


class Level(IntEnum):
    """Ordered so that max() is the worst."""

    COMPATIBLE = 0
    MAY_BREAK = 1
    BREAKING = 2

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def from_label(cls, label: str) -> Level:
        for level in cls:
            if level.label == label:
                return level
        raise ValueError(f"no level {label!r} (one of {', '.join(x.label for x in cls)})")


BREAKING, MAY_BREAK, COMPATIBLE = Level.BREAKING, Level.MAY_BREAK, Level.COMPATIBLE
