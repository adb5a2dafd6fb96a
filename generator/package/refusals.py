"""Refusals as exceptions, for code that would rather catch one error than check answer types.

Every operation's `sync_detailed`/`asyncio_detailed` returns a `Response` whose `parsed` is any
of the documented answers (e.g. `ActionResponse | ActionFailed | FieldErrors`). `expect` hands
back the one model a successful call answers with, typed as that model, and raises `Refused`,
carrying the status and the body, for every other answer:

    owned = expect(get_owned_numbers.sync_detailed(client=client), InboundNumbers)

This module is copied into the generated package by the generator.
"""

from __future__ import annotations

from typing import Any, TypeVar

from .types import Response

__all__ = ["Refused", "expect"]

T = TypeVar("T")
# How much of a body an error message quotes; the whole body stays in `content`.
QUOTED_BYTES = 200


class Refused(Exception):
    """The service answered with something other than the expected success.

    Attributes:
        status_code: The HTTP status (e.g. 420 for a refused buy, cancel or update).
        content: The body as received.
        parsed: The body parsed into its documented model (`ActionFailed`, `FieldErrors`,
            `AccountUnauthorized`, ...), or None when the status is not documented or has no body.
    """

    def __init__(self, status_code: int, content: bytes, parsed: Any) -> None:
        self.status_code = status_code
        self.content = content
        self.parsed = parsed
        body = content[:QUOTED_BYTES].decode("utf-8", errors="replace")
        more = "..." if len(content) > QUOTED_BYTES else ""
        super().__init__(f"HTTP {status_code}: {body}{more}" if body else f"HTTP {status_code}")


def expect(response: Response[Any], model: type[T]) -> T:
    """`response.parsed` if the call succeeded (2xx) with a `model`; raise `Refused` otherwise."""
    status = int(response.status_code)
    if 200 <= status < 300 and isinstance(response.parsed, model):
        return response.parsed
    raise Refused(status, response.content, response.parsed)
