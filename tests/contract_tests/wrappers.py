"""Test tooling around a served mock that is not a fault: a middleware in front of it (to record,
delay, hold or throttle requests as a test needs), and purchases made before a run.

The faults themselves come from the mock's catalogue (`create_app(variant=fault_variant(...))`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp

from numbers_mock import PRIMARY_ACCOUNT, MockApp, create_app

__all__ = ["PRIMARY", "Middleware", "behind", "buy_some"]

Middleware = Callable[[Request, RequestResponseEndpoint], Awaitable[Response]]
PRIMARY = PRIMARY_ACCOUNT.auth


def behind(middleware: Middleware, mock: MockApp | None = None) -> ASGIApp:
    """The mock (a fresh, unfaulted one unless given) with `middleware` in front of it."""
    return BaseHTTPMiddleware(mock if mock is not None else create_app(), dispatch=middleware)


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
