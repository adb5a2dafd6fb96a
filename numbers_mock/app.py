"""The mock server as a Starlette application: the document's operations plus two admin routes.

Admin routes live under `/_mock/`, outside the document's paths, and need no credentials (the mock
is a local development and test tool):

- `POST /_mock/reset` forgets every purchase and setting (the seed's inventory again), answers
  `{"reset":"ok"}`;
- `GET /_mock/health` answers `{"status":"ok"}` once the app serves requests.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from numbers_mock.accounts import AccountBook
from numbers_mock.balances import Balances
from numbers_mock.document import ApiDocument
from numbers_mock.faults import install_faults
from numbers_mock.handlers import HANDLERS, Handler, MockContext
from numbers_mock.pipeline import OperationEndpoint, Services
from numbers_mock.rendering import Renderer, json_response
from numbers_mock.settings import MockSettings
from numbers_mock.store import NumberStore
from numbers_mock.validation import RequestValidator
from numbers_mock.wire import WireRules

__all__ = ["MockApp", "create_app"]

logger = logging.getLogger("numbers_mock")


class MockApp(Starlette):
    """A Starlette app serving the mock, with its state at hand for tests."""

    def __init__(self, settings: MockSettings, handlers: Mapping[str, Handler]) -> None:
        document = ApiDocument(settings.spec_path)
        # Built before the store: a bad document must not leave a database file behind.
        validator = RequestValidator(document)
        self.settings = settings
        self.store = NumberStore(settings.database, settings.seed)
        self.balances = Balances(settings.accounts)
        services = Services(
            context=MockContext(self.store, AccountBook(settings.accounts), self.balances),
            validator=validator,
            renderer=Renderer(document),
            max_body_bytes=settings.max_body_bytes,
        )
        if settings.faults:
            logger.warning("serving with faults: %s", ", ".join(settings.faults))
        services, handlers = install_faults(
            settings.faults, document, settings.accounts, services, handlers
        )
        routes: list[BaseRoute] = [
            Route("/_mock/reset", self._reset, methods=["POST"]),
            Route("/_mock/health", _health, methods=["GET"]),
        ]
        for operation in document.operations():
            handler = handlers.get(operation.operation_id)
            if handler is None:
                logger.warning("no handler for operation %s: not served", operation.operation_id)
                continue
            wire = WireRules.for_operation(document, operation.operation_id)
            endpoint = OperationEndpoint(operation, handler, services, wire)
            routes.append(
                Route(operation.path, endpoint.handle, methods=[operation.method.upper()])
            )
        super().__init__(routes=routes, exception_handlers={HTTPException: _http_error})

    def reset(self) -> None:
        """Forget every purchase and setting: the pool is the seed's inventory again."""
        self.store.reset()
        self.balances.reset()

    def close(self) -> None:
        """Release the database (a file database keeps its state for the next app)."""
        self.store.close()

    async def _reset(self, request: Request) -> Response:
        self.reset()
        return json_response(200, {"reset": "ok"})


def create_app(settings: MockSettings | None = None) -> MockApp:
    """A mock server app for `settings` (default: repo document, seed 0, memory, default accounts).

    Raises `DocumentError` for a missing or invalid document and `StoreError` for an unusable
    database, before anything is served.
    """
    return MockApp(settings or MockSettings(), HANDLERS)


async def _health(request: Request) -> Response:
    return json_response(200, {"status": "ok"})


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
