"""The mock server as a Starlette application: the document's operations plus the `/_mock/` routes.

The `/_mock/` routes (`controls/admin.py`) live outside the document's paths and need no
credentials (the mock is a local development and test tool).

`create_app` takes a `variant`: a function that gets the pieces the app is built from (the
services every request step shares and the handler table) and returns the pieces to serve. The
mock itself knows no variant; its fault catalogue (`numbers_mock.faults`) is one, installed by the
command line (`numbers-mock --fault NAME`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Protocol

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from numbers_mock.controls.admin import AdminRoutes
from numbers_mock.controls.journal import Journal
from numbers_mock.controls.panel import Controls
from numbers_mock.controls.throttle import Throttle
from numbers_mock.core.bodies import json_response
from numbers_mock.core.document import ApiDocument
from numbers_mock.http.handlers import HANDLERS, Handler, MockContext
from numbers_mock.http.pipeline import OperationEndpoint, Services
from numbers_mock.http.rendering import Renderer
from numbers_mock.http.validation import RequestValidator
from numbers_mock.http.wire import WireRules
from numbers_mock.settings import MockSettings
from numbers_mock.state.accounts import Account, AccountBook
from numbers_mock.state.balances import Balances
from numbers_mock.state.store import NumberStore

__all__ = ["MockApp", "Variant", "create_app"]

logger = logging.getLogger("numbers_mock")


class Variant(Protocol):
    """Changes the pieces of an app before it serves: `(services, handlers)` in and out."""

    def __call__(
        self,
        document: ApiDocument,
        accounts: tuple[Account, ...],
        services: Services,
        handlers: Mapping[str, Handler],
    ) -> tuple[Services, Mapping[str, Handler]]: ...


class MockApp(Starlette):
    """A Starlette app serving the mock, with its state at hand for tests."""

    def __init__(
        self,
        settings: MockSettings,
        handlers: Mapping[str, Handler],
        variant: Variant | None = None,
    ) -> None:
        document = ApiDocument(settings.spec_path, settings.overlay_path)
        # Built before the store: a bad document must not leave a database file behind.
        validator = RequestValidator(document)
        self.settings = settings
        self.store = NumberStore(settings.database, settings.seed, settings.inventory)
        self.balances = Balances(settings.accounts)
        self.controls = Controls(
            throttle=None if settings.rate_limit is None else Throttle(settings.rate_limit),
            journal=Journal(settings.journal_size) if settings.journal_size else None,
        )
        services = Services(
            context=MockContext(self.store, AccountBook(settings.accounts), self.balances),
            validator=validator,
            renderer=Renderer(document),
            max_body_bytes=settings.max_body_bytes,
            controls=self.controls,
        )
        if variant is not None:
            services, handlers = variant(document, settings.accounts, services, handlers)
        operations = document.operations()
        admin = AdminRoutes(
            self.reset,
            self.controls,
            self.balances,
            [account.api_key for account in settings.accounts],
            [operation.operation_id for operation in operations],
        )
        # The document's operations first: Starlette tries routes in order, and they are the load.
        routes: list[BaseRoute] = []
        for operation in operations:
            handler = handlers.get(operation.operation_id)
            if handler is None:
                logger.warning("no handler for operation %s: not served", operation.operation_id)
                continue
            wire = WireRules.for_operation(document, operation.operation_id)
            endpoint = OperationEndpoint(operation, handler, services, wire)
            routes.append(
                Route(operation.path, endpoint.handle, methods=[operation.method.upper()])
            )
        routes += admin.routes()
        super().__init__(routes=routes, exception_handlers={HTTPException: _http_error})

    def reset(self) -> None:
        """The state as at start: the inventory, the balances; no scripts, a full rate limit,
        an empty journal."""
        self.store.reset()
        self.balances.reset()
        self.controls.scripts.clear()
        if self.controls.throttle is not None:
            self.controls.throttle.reset()
        if self.controls.journal is not None:
            self.controls.journal.clear()

    def close(self) -> None:
        """Release the database (a file database keeps its state for the next app)."""
        self.store.close()


def create_app(settings: MockSettings | None = None, variant: Variant | None = None) -> MockApp:
    """A mock server app for `settings` (default: repo document, seed 0, memory, default accounts).

    `variant`, when given, changes the app's pieces before it serves (see `Variant`). Raises
    `DocumentError` for a missing or invalid document and `StoreError` for an unusable database,
    before anything is served.
    """
    return MockApp(settings or MockSettings(), HANDLERS, variant)


async def _http_error(request: Request, exc: Exception) -> Response:
    # Unknown paths (404) and methods (405) get the service's body style rather than plain text.
    assert isinstance(exc, HTTPException)
    response = json_response(
        exc.status_code,
        {"error-code": str(exc.status_code), "error-code-label": exc.detail.lower()},
    )
    if exc.headers:
        response.headers.update(exc.headers)
    return response
