"""What an operation answers, before it is rendered as JSON or XML."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "METHOD_FAILED",
    "SUCCESS",
    "UNAUTHORIZED",
    "Rejected",
    "Reply",
    "SharedMapping",
    "field_errors",
    "status_reply",
]


@dataclass(frozen=True)
class Reply:
    """An HTTP status, a body in JSON shape, and any headers the answer needs (`Retry-After`).

    The renderer shapes the body by the document's schema for this operation and status when the
    document has one; otherwise (400 field errors, 413, 415, 429) the body is sent as JSON as it is.
    """

    status: int
    body: Mapping[str, Any]
    headers: Mapping[str, str] = field(default_factory=dict)


class SharedMapping(dict[str, Any]):
    """A part of a reply that every request gets alike and nobody changes (an available number).

    The renderer projects such a part by the document's schema once and keeps the result; a reply
    edit that wants to change one copies it first, as `dict(part)`.
    """


class Rejected(Exception):
    """A request step refuses the request; `reply` is what the client gets."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


def status_reply(status: int, label: str) -> Reply:
    """The service's status body; `error-code` is a string, as the live service sends it."""
    return Reply(status, {"error-code": str(status), "error-code-label": label})


def field_errors(errors: Mapping[str, str]) -> Reply:
    """HTTP 400 naming each bad field, like the service's `{"country":"Is required."}`."""
    return Reply(400, dict(errors))


SUCCESS = status_reply(200, "success")
UNAUTHORIZED = status_reply(401, "authentication failed")
# The live service never says why it refused; neither does the mock.
METHOD_FAILED = status_reply(420, "method failed")
