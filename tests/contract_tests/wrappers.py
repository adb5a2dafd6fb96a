"""Test tooling around a served mock that is not a fault: a middleware in front of it (to record,
delay, hold or throttle requests as a test needs), a log of what reached it, and purchases made
before a run.

The faults themselves come from the mock's catalogue (`create_app(variant=fault_variant(...))`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable

import httpx
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp

from numbers_mock import PRIMARY_ACCOUNT, MockApp, create_app

__all__ = ["PRIMARY", "Middleware", "Recorder", "behind", "buy_some"]

Middleware = Callable[[Request, RequestResponseEndpoint], Awaitable[Response]]
PRIMARY = PRIMARY_ACCOUNT.auth


def behind(middleware: Middleware, mock: MockApp | None = None) -> ASGIApp:
    """The mock (a fresh, unfaulted one unless given) with `middleware` in front of it."""
    return BaseHTTPMiddleware(mock if mock is not None else create_app(), dispatch=middleware)


class Recorder:
    """Middleware state: every request (arrival time, method, path), and an event to wait on."""

    def __init__(self) -> None:
        self.log: list[tuple[float, str, str]] = []
        self.event = threading.Event()
        # Set once the test's own setup is done: what the middleware does is for the harness only.
        self.armed = False

    def note(self, request: Request) -> None:
        """Log `request` as it arrives."""
        self.log.append((time.monotonic(), request.method, request.url.path))

    async def record(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        """A middleware that only logs each request."""
        self.note(request)
        return await call_next(request)


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
