"""Middlewares in front of the mock that break one habit of the service or one rule of HTTP that
the mock's fault catalogue does not cover, for the decisive probes' checks to find."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from starlette.middleware.base import RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response

from tests.contract_tests.wrappers import Middleware

JSON = "application/json;charset=UTF-8"
Rewrite = Callable[[Request, int, bytes], bytes | None]


async def read(response: Response) -> bytes:
    return b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]


def rewriting(rewrite: Rewrite) -> Middleware:
    """A middleware giving the mock's answer a new JSON body where `rewrite` returns one."""

    async def middleware(request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        body = await read(response)
        new = rewrite(request, response.status_code, body)
        content_type = response.headers["content-type"] if new is None else JSON
        return Response(
            body if new is None else new,
            response.status_code,
            headers={"content-type": content_type},
        )

    return middleware


def offers_nothing(request: Request, status: int, body: bytes) -> bytes | None:
    """Every search answers `{}`, in every country."""
    return b"{}" if request.url.path == "/number/search" and status == 200 else None


def label_dropped(request: Request, status: int, body: bytes) -> bytes | None:
    """A JSON 401 without its `error-code-label`."""
    if status != 401 or not body.startswith(b"{"):
        return None
    return json.dumps({"error-code": "401"}).encode()


def lowercase_country_unknown(request: Request, status: int, body: bytes) -> bytes | None:
    """A search in a lowercase country (`gb`) finds nothing."""
    country = request.query_params.get("country", "")
    return b"{}" if country.islower() and request.url.path == "/number/search" else None


def strange_field_errors(request: Request, status: int, body: bytes) -> bytes | None:
    """Every 400 blames `index`, whatever the request sent."""
    return b'{"index": "Is invalid."}' if status == 400 else None


def past_last_page_counted(request: Request, status: int, body: bytes) -> bytes | None:
    """A page past the last one answers `{"count": N}` rather than `{}`."""
    if status == 200 and body == b"{}" and "index" in request.query_params:
        return b'{"count": 24}'
    return None


def undocumented_field(request: Request, status: int, body: bytes) -> bytes | None:
    """Every listed number carries a field the document does not describe."""
    if status != 200 or not body.startswith(b"{"):
        return None
    page = json.loads(body)
    for number in page.get("numbers", []):
        number["colour"] = "red"
    return json.dumps(page).encode()


async def charset_dropped(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """JSON labelled `application/json`, without the service's charset."""
    response = await call_next(request)
    body = await read(response)
    content_type = response.headers["content-type"].split(";")[0]
    return Response(body, response.status_code, headers={"content-type": content_type})


async def q_values_ignored(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """Reads Accept as its first media type, whatever the quality values say."""
    request.scope["headers"] = [
        (name, re.split(rb"[;,]", value)[0] if name == b"accept" else value)
        for name, value in request.scope["headers"]
    ]
    return await call_next(request)


async def accept_parameters_ignored(
    request: Request, call_next: RequestResponseEndpoint
) -> Response:
    """An Accept with parameters is read as no Accept at all (JSON)."""
    request.scope["headers"] = [
        (name, value)
        for name, value in request.scope["headers"]
        if not (name == b"accept" and b";" in value)
    ]
    return await call_next(request)
