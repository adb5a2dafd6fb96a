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
"""

from numbers_mock.app import MockApp, Variant, create_app
from numbers_mock.connections import ConnectionLimits
from numbers_mock.document import DocumentError
from numbers_mock.server import ServerOptions, serve_in_thread
from numbers_mock.settings import (
    DEFAULT_ACCOUNTS,
    OTHER_ACCOUNT,
    PRIMARY_ACCOUNT,
    SUBACCOUNT,
    TEST_APPLICATION_IDS,
    Account,
    MockSettings,
    default_spec_path,
)
from numbers_mock.store import StoreError
from numbers_mock.tls import TlsFiles, make_test_certificate

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
