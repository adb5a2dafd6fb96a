"""Small tools the faults are written with: operation names, call and body edits, new responses."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from numbers_mock.core.replies import Reply
from numbers_mock.faults.model import HandlerWrap
from numbers_mock.http.handlers import Call

__all__ = [
    "BUY",
    "CANCEL",
    "LISTS",
    "OWNED",
    "SEARCH",
    "UPDATE",
    "body_of",
    "edit_numbers",
    "on_lists",
    "page_numbers",
    "relabel",
    "replace_body",
    "with_params",
    "without_params",
]

OWNED = "getOwnedNumbers"
SEARCH = "getAvailableNumbers"
BUY = "buyANumber"
CANCEL = "cancelANumber"
UPDATE = "updateANumber"
LISTS = frozenset({OWNED, SEARCH})


def on_lists(wrap: HandlerWrap) -> dict[str, HandlerWrap]:
    """The same handler wrap for both lists (search and owned numbers)."""
    return dict.fromkeys(LISTS, wrap)


def with_params(call: Call, **params: Any) -> Call:
    """`call` with some parameters set (the handlers read them as validation left them)."""
    return dataclasses.replace(call, params={**call.params, **params})


def without_params(call: Call, *names: str) -> Call:
    """`call` as if some parameters had not been sent."""
    return dataclasses.replace(
        call, params={key: value for key, value in call.params.items() if key not in names}
    )


def page_numbers(reply: Reply) -> list[Mapping[str, Any]]:
    """The numbers of a list reply (none for any other reply)."""
    numbers = reply.body.get("numbers")
    return list(numbers) if isinstance(numbers, list) else []


def edit_numbers(reply: Reply, **changes: Any) -> Reply:
    """A list reply whose numbers each get `changes`; a change that is a function maps the value.

    The numbers are copied: a page shares its inner lists with the store.
    """
    edited = []
    for number in page_numbers(reply):
        copy = dict(number)
        for key, change in changes.items():
            if key in copy:
                copy[key] = change(copy[key]) if callable(change) else change
        edited.append(copy)
    return Reply(reply.status, {**reply.body, "numbers": edited})


def body_of(response: Response) -> bytes:
    """The bytes of a rendered response."""
    return bytes(response.body)


def replace_body(response: Response, body: bytes, content_type: str | None = None) -> Response:
    """`response` with another body (and content type); the length is computed again."""
    headers = {
        key: value
        for key, value in response.headers.items()
        if key.lower() not in ("content-length", "content-type")
    }
    headers["content-type"] = content_type or response.headers.get("content-type", "")
    return Response(body, status_code=response.status_code, headers=headers)


def relabel(response: Response, content_type: str) -> Response:
    """`response` with the same body under another content type."""
    return replace_body(response, body_of(response), content_type)
