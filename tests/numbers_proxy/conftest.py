"""Fixtures for the proxy's tests: the mock over TLS (faulty or not) and the proxy in front of it,
both served on 127.0.0.1 in threads of the test process, started and stopped by each test."""

from __future__ import annotations

import json
import ssl
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import jsonschema_rs
import pytest

from contract_tests.reporting.record import SCHEMA_PATH
from numbers_mock import MockApp, MockSettings, create_app
from numbers_mock import serve_in_thread as serve_mock
from numbers_mock.faults import fault_variant
from numbers_mock.server.serving import ServerOptions as MockOptions
from numbers_mock.server.tls import TlsFiles as MockTls
from numbers_mock.server.tls import make_test_certificate as mock_certificate
from numbers_proxy.assembly import assemble
from numbers_proxy.forwarding import ProxyApp
from numbers_proxy.server import ServerOptions, serve_in_thread
from numbers_proxy.session import Session
from numbers_proxy.tls import TlsFiles, make_test_certificate


@dataclass(frozen=True)
class Received:
    """A request as the upstream received it, bytes as they came."""

    method: str
    raw_path: bytes
    query_string: bytes
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class Recorder:
    """An ASGI wrapper keeping what the wrapped app received (bounded: the last 1000 requests)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.received: deque[Received] = deque(maxlen=1000)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        parts: list[bytes] = []
        more = True
        while more:
            message = await receive()
            parts.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(parts)
        self.received.append(
            Received(
                scope["method"],
                scope["raw_path"],
                scope["query_string"],
                tuple(scope["headers"]),
                body,
            )
        )
        replayed = False

        async def replay() -> Any:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


@dataclass
class Proxied:
    """A mock and the proxy in front of it."""

    mock: MockApp
    mock_url: str
    recorder: Recorder
    url: str
    app: ProxyApp
    session: Session
    # The CA the proxy's clients trust (None when the proxy speaks plain HTTP).
    ca_file: Path | None
    # The CA the mock's clients trust.
    mock_ca: Path | None = None

    @property
    def rest_host(self) -> str:
        """`host:port` as the official SDK takes it."""
        return self.url.split("://", 1)[1]

    def settle(self) -> Session:
        """The session once every exchange sent so far is judged (answers go out first)."""
        settle(self.app)
        return self.session

    def found(self) -> list[str]:
        """Every finding's check id, in order."""
        return [kept.check for kept in self.settle().kept]


def assert_harness_record(record: dict[str, Any]) -> None:
    """`record` is valid by the harness's published run-record schema."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    errors = [error.message for error in jsonschema_rs.validator_for(schema).iter_errors(record)]
    assert not errors, errors[:3]


def settle(app: ProxyApp, timeout: float = 10.0) -> None:
    """Wait (bounded) until `app` has judged every exchange it began."""
    deadline = time.monotonic() + timeout
    while app.in_flight:
        assert time.monotonic() < deadline, "the proxy did not finish judging"
        time.sleep(0.005)


Proxy = Callable[..., AbstractContextManager[Proxied]]


@pytest.fixture(scope="session")
def mock_tls(tmp_path_factory: pytest.TempPathFactory) -> MockTls:
    return mock_certificate(tmp_path_factory.mktemp("mock-tls"))


@pytest.fixture(scope="session")
def proxy_tls(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    return make_test_certificate(tmp_path_factory.mktemp("proxy-tls"))


@pytest.fixture
def proxied(mock_tls: MockTls, proxy_tls: TlsFiles) -> Proxy:
    """`with proxied(faults=(...), tls=True, settings=None, **assemble_options) as p:`."""

    @contextmanager
    def start(
        faults: Sequence[str] = (),
        tls: bool = True,
        settings: MockSettings | None = None,
        args: object = None,
        out: TextIO | None = None,
    ) -> Iterator[Proxied]:
        mock = create_app(settings or MockSettings(), fault_variant(faults) if faults else None)
        try:
            recorder = Recorder(mock)
            with serve_mock(recorder, options=MockOptions(tls=mock_tls)) as mock_url:
                assert mock_tls.ca_file is not None
                verify = ssl.create_default_context(cafile=str(mock_tls.ca_file))
                app, session = assemble(mock_url, verify, out, args)  # type: ignore[arg-type]
                options = ServerOptions(tls=proxy_tls if tls else None)
                with serve_in_thread(app, options=options) as url:
                    yield Proxied(
                        mock,
                        mock_url,
                        recorder,
                        url,
                        app,
                        session,
                        proxy_tls.ca_file if tls else None,
                        mock_tls.ca_file,
                    )
        finally:
            mock.close()

    return start
