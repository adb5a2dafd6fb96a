"""Stateful reference mock of the Vonage Numbers API 1.1.0.

Serves the operations of the vendored OpenAPI document, validates every request against it at
runtime, keeps its state in SQLite and shapes JSON and XML answers by the document's schemas.

In-process use::

    from numbers_mock import MockSettings, create_app, serve_in_thread

    app = create_app(MockSettings(seed=7))
    with serve_in_thread(app) as base_url:
        ...  # http requests to base_url; app.reset() between tests
    app.close()

Over TLS, as the official SDKs need: `serve_in_thread(app, options=ServerOptions(tls=...))` with
`make_test_certificate(folder)`. From a shell: `numbers-mock --port 8000` (`--tls` for HTTPS; or
`python -m numbers_mock`, or `nox -s mock`). numbers_mock/README.md has every option and the
`/_mock/` routes for application tests.

The parts, each importing only from the parts listed after it (tests/numbers_mock/test_layers.py
holds them to it):

- `server/`: the `numbers-mock` command, uvicorn in the foreground or in a thread, TLS, the
  guards against slow and idle connections;
- `faults/`: deliberate bugs, a variant of the app's pieces that the command line installs;
- `app.py`, `settings.py`: the routes (the document's operations and `/_mock/`) built into one
  Starlette app from one `MockSettings`;
- `http/`: request handling for the document's operations: the pipeline, one handler per
  operation, validation, rendering;
- `controls/`: the `/_mock/` routes and what they steer: scripted answers, the rate limit, the
  journal;
- `state/`: the models: numbers in SQLite, the inventory, accounts, balances, listing filters;
- `core/`: the API document, replies, bodies, which parameters are secret.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from numbers_mock.app import MockApp, Variant, create_app
    from numbers_mock.core.document import DocumentError
    from numbers_mock.server.limits import ConnectionLimits
    from numbers_mock.server.serving import ServerOptions, serve_in_thread
    from numbers_mock.server.tls import TlsFiles, make_test_certificate
    from numbers_mock.settings import TEST_APPLICATION_IDS, MockSettings, default_spec_path
    from numbers_mock.state.accounts import (
        DEFAULT_ACCOUNTS,
        OTHER_ACCOUNT,
        PRIMARY_ACCOUNT,
        SUBACCOUNT,
        Account,
    )
    from numbers_mock.state.store import StoreError

__all__ = [
    "DEFAULT_ACCOUNTS",
    "OTHER_ACCOUNT",
    "PRIMARY_ACCOUNT",
    "SUBACCOUNT",
    "TEST_APPLICATION_IDS",
    "Account",
    "ConnectionLimits",
    "DocumentError",
    "MockApp",
    "MockSettings",
    "ServerOptions",
    "StoreError",
    "TlsFiles",
    "Variant",
    "create_app",
    "default_spec_path",
    "make_test_certificate",
    "serve_in_thread",
]

# The module each public name comes from. They are imported on first use (PEP 562), not here:
# `python -m numbers_mock` runs this file first, and must reach the `mock` extra's check
# (numbers_commands) before anything imports Starlette or openapi-core.
_SOURCES = {
    "DEFAULT_ACCOUNTS": "numbers_mock.state.accounts",
    "OTHER_ACCOUNT": "numbers_mock.state.accounts",
    "PRIMARY_ACCOUNT": "numbers_mock.state.accounts",
    "SUBACCOUNT": "numbers_mock.state.accounts",
    "TEST_APPLICATION_IDS": "numbers_mock.settings",
    "Account": "numbers_mock.state.accounts",
    "ConnectionLimits": "numbers_mock.server.limits",
    "DocumentError": "numbers_mock.core.document",
    "MockApp": "numbers_mock.app",
    "MockSettings": "numbers_mock.settings",
    "ServerOptions": "numbers_mock.server.serving",
    "StoreError": "numbers_mock.state.store",
    "TlsFiles": "numbers_mock.server.tls",
    "Variant": "numbers_mock.app",
    "create_app": "numbers_mock.app",
    "default_spec_path": "numbers_mock.settings",
    "make_test_certificate": "numbers_mock.server.tls",
    "serve_in_thread": "numbers_mock.server.serving",
}

if not TYPE_CHECKING:
    # Hidden from mypy, which reads the real types from the imports above and still refuses a
    # name this package does not have.

    def __getattr__(name: str) -> object:
        try:
            source = _SOURCES[name]
        except KeyError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        return getattr(import_module(source), name)

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
