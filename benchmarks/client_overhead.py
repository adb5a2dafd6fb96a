"""The generated client's cost per call against raw httpx, on the same in-process transport.

Both send the same request through the same `httpx.MockTransport`, which answers the mock's own
bytes (captured once from an in-process mock): no sockets, no server, so what differs is only what
each side does around the request. Raw httpx builds the request and decodes the JSON; the generated
client also builds its query from typed arguments and turns the answer into its models, and goes
through its retrying transport (retries on, as by default: the transport answers at once, so no
retry happens, but every check of whether to retry is paid).

Calls run in alternating rounds of `calls` each; each side keeps its fastest round (the least
disturbed by other load on the machine), and the ratio is taken from those.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
from numbers_api_client import AuthenticatedClient
from numbers_api_client.api.default import buy_a_number, get_available_numbers
from numbers_api_client.models import ActionFailed, AvailableNumbers, NumberDetails
from numbers_api_client.retries import Retries

from benchmarks.targets import PRIMARY
from numbers_mock import MockSettings, create_app

__all__ = ["CallCost", "capture_answers", "measure_client_overhead", "measured_client"]

BASE_URL = "http://numbers.test"
SEARCH_QUERY = {"country": "GB", "search_pattern": "0", "size": "10", "index": "1"}
BUY_FORM = {"country": "GB", "msisdn": "440000000000"}


@dataclass(frozen=True)
class CallCost:
    """Microseconds per call, each side's best round, for one kind of call."""

    call: str
    client_us: float
    raw_us: float

    @property
    def ratio(self) -> float:
        return self.client_us / self.raw_us


def capture_answers() -> dict[str, tuple[int, bytes]]:
    """The mock's answers (status, JSON bytes) to the search and the refused buy, by path."""
    app = create_app(MockSettings())
    transport = httpx.ASGITransport(app=app)

    async def fetch() -> dict[str, tuple[int, bytes]]:
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=PRIMARY) as http:
            search = await http.get("/number/search", params=SEARCH_QUERY)
            buy = await http.post("/number/buy", data=BUY_FORM)
        return {
            "/number/search": (search.status_code, search.content),
            "/number/buy": (buy.status_code, buy.content),
        }

    try:
        return anyio.run(fetch)
    finally:
        app.close()


def canned_transport(answers: Mapping[str, tuple[int, bytes]]) -> httpx.MockTransport:
    """A transport that answers each path with its captured bytes."""
    headers = {"content-type": "application/json;charset=UTF-8"}

    def answer(request: httpx.Request) -> httpx.Response:
        status, body = answers[request.url.path]
        return httpx.Response(status, content=body, headers=headers)

    return httpx.MockTransport(answer)


def measured_client(transport: httpx.MockTransport) -> AuthenticatedClient:
    """The generated client as measured: on `transport`, retries on as by default."""
    return AuthenticatedClient(
        base_url=BASE_URL,
        api_key=PRIMARY[0],
        api_secret=PRIMARY[1],
        retries=Retries(),
        httpx_args={"transport": transport},
    )


def _round(call: Callable[[], Any], calls: int) -> float:
    gc.collect()
    started = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - started) / calls * 1e6


def _pair(
    name: str, client_call: Callable[[], Any], raw_call: Callable[[], Any], calls: int, rounds: int
) -> CallCost:
    client_call(), raw_call()  # warm-up: imports, connection pools, caches
    client_best = raw_best = float("inf")
    for _ in range(rounds):
        client_best = min(client_best, _round(client_call, calls))
        raw_best = min(raw_best, _round(raw_call, calls))
    return CallCost(name, client_best, raw_best)


def measure_client_overhead(calls: int = 2000, rounds: int = 7) -> list[CallCost]:
    """Per-call cost of a search and of a (refused) buy, generated client against raw httpx."""
    transport = canned_transport(capture_answers())
    client = measured_client(transport)
    raw = httpx.Client(
        base_url=BASE_URL, auth=PRIMARY, transport=transport, headers={"Accept": "application/json"}
    )

    def client_search() -> None:
        parsed = get_available_numbers.sync_detailed(client=client, country="GB").parsed
        assert isinstance(parsed, AvailableNumbers)

    def raw_search() -> None:
        response = raw.get("/number/search", params=SEARCH_QUERY)
        assert response.status_code == 200 and response.json()["numbers"]

    def client_buy() -> None:
        body = NumberDetails(country=BUY_FORM["country"], msisdn=BUY_FORM["msisdn"])
        parsed = buy_a_number.sync_detailed(client=client, body=body).parsed
        assert isinstance(parsed, ActionFailed)

    def raw_buy() -> None:
        response = raw.post("/number/buy", data=BUY_FORM)
        assert response.status_code == 420 and response.json()["error-code"] == "420"

    with client, raw:
        return [
            _pair("search (10 numbers)", client_search, raw_search, calls, rounds),
            _pair("buy (refused, 420)", client_buy, raw_buy, calls, rounds),
        ]
