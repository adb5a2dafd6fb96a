"""Servers with one known fault each: the mock behind a middleware that breaks exactly one thing.

Each fault is a `dispatch` function for Starlette's `BaseHTTPMiddleware`; the harness run against it
must fail, and name the check that catches that fault.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qsl, urlencode

import httpx
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp

from numbers_mock import PRIMARY_ACCOUNT, create_app
from numbers_mock.app import MockApp

Dispatch = Callable[[Request, RequestResponseEndpoint], Awaitable[Response]]
PRIMARY = PRIMARY_ACCOUNT.auth


def buy_some(base_url: str, count: int, auth: tuple[str, str] = PRIMARY) -> list[str]:
    """Buy `count` GB numbers on a served mock, so the owned list has something to show."""
    with httpx.Client(base_url=base_url, auth=auth, headers={"Accept": "application/json"}) as http:
        pool = http.get("/number/search", params={"country": "GB", "size": str(count)}).json()
        bought = []
        for number in pool["numbers"]:
            http.post(
                "/number/buy", data={"country": "GB", "msisdn": number["msisdn"]}
            ).raise_for_status()
            bought.append(str(number["msisdn"]))
    return bought


def with_fault(dispatch: Dispatch, mock: MockApp | None = None) -> ASGIApp:
    """The mock (a fresh one unless given) with one fault in front of it."""
    return BaseHTTPMiddleware(mock if mock is not None else create_app(), dispatch=dispatch)


async def _body(response: Response) -> bytes:
    chunks = [chunk async for chunk in response.body_iterator]  # type: ignore[attr-defined]
    return b"".join(chunk if isinstance(chunk, bytes) else chunk.encode() for chunk in chunks)


def _replace(response: Response, body: bytes) -> Response:
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    return Response(body, status_code=response.status_code, headers=headers)


def _set_query(request: Request, params: list[tuple[str, str]]) -> None:
    request.scope["query_string"] = urlencode(params).encode()


def _is_xml(response: Response) -> bool:
    return "xml" in response.headers.get("content-type", "")


async def count_as_text_in_json(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """JSON lists give `count` as a string: a schema violation only the JSON answers show."""
    response = await call_next(request)
    if request.url.path != "/account/numbers" or response.status_code != 200 or _is_xml(response):
        return response
    data = json.loads(await _body(response))
    if "count" in data:
        data["count"] = str(data["count"])
    return _replace(response, json.dumps(data).encode())


async def count_as_words_in_xml(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """XML lists give `count` as words: a schema violation only the XML answers show."""
    response = await call_next(request)
    if (
        request.url.path != "/account/numbers"
        or response.status_code != 200
        or not _is_xml(response)
    ):
        return response
    body = re.sub(rb"<count>(\d+)</count>", rb"<count>\1 numbers</count>", await _body(response))
    return _replace(response, body)


async def wrong_xml_root(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """XML lists come wrapped in a root the document does not name."""
    response = await call_next(request)
    if request.url.path != "/account/numbers" or not _is_xml(response):
        return response
    body = (await _body(response)).replace(b"inbound-numbers>", b"numbers-list>")
    return _replace(response, body)


async def ignores_type_filter(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """Search drops `type`: numbers of every type come back."""
    if request.url.path == "/number/search":
        _set_query(request, [(k, v) for k, v in request.query_params.multi_items() if k != "type"])
    return await call_next(request)


async def pages_larger_than_size(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """Search serves pages three times the size asked for."""
    if request.url.path == "/number/search":
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "size"]
        size = request.query_params.get("size", "10")
        bigger = str(min(100, int(size) * 3)) if size.isdigit() and 0 < int(size) <= 33 else size
        _set_query(request, [*params, ("size", bigger)])
    return await call_next(request)


async def crashes_on_odd_pattern(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """Search falls over on a pattern that is not all digits (an empty one included).

    Empty patterns come up in every run's coverage phase; patterns with other characters only now
    and then, so a fault needing one would be found by luck.
    """
    pattern = request.query_params.get("pattern")
    if request.url.path == "/number/search" and pattern is not None and not pattern.isdigit():
        return PlainTextResponse("Internal Server Error", status_code=500)
    return await call_next(request)


def _with_primary_credentials(request: Request) -> None:
    token = base64.b64encode(":".join(PRIMARY).encode()).decode()
    headers = [(k, v) for k, v in request.scope["headers"] if k.lower() != b"authorization"]
    request.scope["headers"] = [*headers, (b"authorization", f"Basic {token}".encode())]


async def ignores_credentials(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """The owned list answers whoever asks, as the primary account."""
    if request.url.path == "/account/numbers":
        _with_primary_credentials(request)
    return await call_next(request)


async def _form(request: Request) -> dict[str, str]:
    return dict(parse_qsl((await request.body()).decode()))


def _echo(request: Request, mock: ASGIApp) -> httpx.AsyncClient:
    # Talks to the mock behind the fault directly, as the same caller.
    headers = {"authorization": request.headers.get("authorization", "")}
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=mock), base_url="http://mock", headers=headers
    )


def purchase_never_shows_up(mock: MockApp) -> Dispatch:
    """Buying answers 200, but the number is given back at once: it never appears as owned."""

    async def dispatch(request: Request, call_next: RequestResponseEndpoint) -> Response:
        form = await _form(request)
        response = await call_next(request)
        if request.url.path == "/number/buy" and response.status_code == 200:
            async with _echo(request, mock) as client:
                await client.post("/number/cancel", data=form)
        return response

    return dispatch


def cancel_does_not_remove(mock: MockApp) -> Dispatch:
    """Cancelling answers 200, but the number is bought back at once: it stays owned."""

    async def dispatch(request: Request, call_next: RequestResponseEndpoint) -> Response:
        form = await _form(request)
        response = await call_next(request)
        if request.url.path == "/number/cancel" and response.status_code == 200:
            async with _echo(request, mock) as client:
                await client.post("/number/buy", data=form)
        return response

    return dispatch


async def owned_list_ignores_country(
    request: Request, call_next: RequestResponseEndpoint
) -> Response:
    """The owned list drops `country`: numbers of every country come back."""
    if request.url.path == "/account/numbers":
        params = request.query_params.multi_items()
        _set_query(request, [(k, v) for k, v in params if k != "country"])
    return await call_next(request)


def update_drops_webhook(mock: MockApp) -> Dispatch:
    """An update that is not sent `moHttpUrl` removes the number's webhook (it should keep it)."""

    async def dispatch(request: Request, call_next: RequestResponseEndpoint) -> Response:
        form = await _form(request)
        response = await call_next(request)
        if (
            request.url.path == "/number/update"
            and response.status_code == 200
            and "moHttpUrl" not in form
        ):
            async with _echo(request, mock) as client:
                await client.post(
                    "/number/update",
                    data={"country": form["country"], "msisdn": form["msisdn"], "moHttpUrl": ""},
                )
        return response

    return dispatch


def stateless_owned_list() -> Dispatch:
    """The owned list answers a made-up number, a new one each time (a stub without state)."""
    serial = iter(range(10**6))

    async def dispatch(request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.url.path != "/account/numbers" or "authorization" not in request.headers:
            return await call_next(request)
        number = {"country": "GB", "msisdn": f"4470099{next(serial):05d}", "type": "mobile-lvn"}
        body = {"count": 1, "numbers": [number]}
        return Response(json.dumps(body), media_type="application/json")

    return dispatch
