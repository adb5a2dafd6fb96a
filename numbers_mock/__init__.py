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

from numbers_mock.app import MockApp, Variant, create_app
from numbers_mock.core.document import DocumentError
from numbers_mock.server.connections import ConnectionLimits
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
