from __future__ import annotations

import asyncio

import pytest
from starlette.requests import Request
from starlette.types import Message

from numbers_mock.core.bodies import JSON_CONTENT_TYPE, json_response, read_body
from numbers_mock.core.replies import Rejected


def test_json_answers_are_compact_ascii_with_the_services_content_type() -> None:
    response = json_response(201, {"a": [1, 2], "b": "\u00e9"})
    assert response.status_code == 201
    assert response.body == b'{"a":[1,2],"b":"\\u00e9"}'
    assert response.headers["content-type"] == JSON_CONTENT_TYPE == "application/json;charset=UTF-8"


def request(chunks: list[bytes], headers: list[tuple[bytes, bytes]] | None = None) -> Request:
    messages = [
        {"type": "http.request", "body": chunk, "more_body": index < len(chunks) - 1}
        for index, chunk in enumerate(chunks)
    ]

    async def receive() -> Message:
        return messages.pop(0)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers or []}
    return Request(scope, receive)


def test_a_body_is_read_whole_within_the_limit() -> None:
    assert asyncio.run(read_body(request([b"ab", b"cd"]), limit=4)) == b"abcd"


@pytest.mark.parametrize(
    ("chunks", "headers"),
    [
        ([b"abc", b"de"], []),  # streamed past the limit
        ([b""], [(b"content-length", b"5")]),  # declared past it: refused before reading
    ],
)
def test_a_body_past_the_limit_is_413(
    chunks: list[bytes], headers: list[tuple[bytes, bytes]]
) -> None:
    with pytest.raises(Rejected) as refused:
        asyncio.run(read_body(request(chunks, headers), limit=4))
    assert refused.value.reply.status == 413
