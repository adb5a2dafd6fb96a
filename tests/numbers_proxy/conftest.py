"""Fixtures for the proxy's tests: the mock over TLS (faulty or not) and the proxy in front of it,
both served on 127.0.0.1 in threads of the test process, started and stopped by each test."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from numbers_mock import MockApp, MockSettings, create_app
from numbers_mock import serve_in_thread as serve_mock
from numbers_mock.faults import fault_variant
from numbers_mock.server import ServerOptions as MockOptions
from numbers_mock.tls import TlsFiles as MockTls
from numbers_mock.tls import make_test_certificate as mock_certificate
from numbers_proxy.assembly import assemble
from numbers_proxy.forwarding import ProxyApp
from numbers_proxy.server import ServerOptions, serve_in_thread
from numbers_proxy.session import Session
from numbers_proxy.tls import TlsFiles, make_test_certificate


@dataclass
class Proxied:
    """A mock and the proxy in front of it."""

    mock: MockApp
    mock_url: str
    url: str
    app: ProxyApp
    session: Session
    # The CA the proxy's clients trust (None when the proxy speaks plain HTTP).
    ca_file: Path | None

    @property
    def rest_host(self) -> str:
        """`host:port` as the official SDK takes it."""
        return self.url.split("://", 1)[1]

    def found(self) -> list[str]:
        """Every finding's check id, in order."""
        return [kept.check for kept in self.session.kept]


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
    ) -> Iterator[Proxied]:
        mock = create_app(settings or MockSettings(), fault_variant(faults) if faults else None)
        try:
            with serve_mock(mock, options=MockOptions(tls=mock_tls)) as mock_url:
                assert mock_tls.ca_file is not None
                verify = ssl.create_default_context(cafile=str(mock_tls.ca_file))
                app, session = assemble(mock_url, verify, None, args)  # type: ignore[arg-type]
                options = ServerOptions(tls=proxy_tls if tls else None)
                with serve_in_thread(app, options=options) as url:
                    yield Proxied(
                        mock, mock_url, url, app, session, proxy_tls.ca_file if tls else None
                    )
        finally:
            mock.close()

    return start
