from __future__ import annotations

import ssl
from pathlib import Path

import httpx
import pytest
from starlette.types import Receive, Scope, Send

from numbers_mock import serve_in_thread
from numbers_mock.server.serving import ServerOptions
from numbers_mock.server.tls import TlsFiles, make_test_certificate


async def hello(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": scope["scheme"].encode()})


def test_a_test_certificate_is_trusted_through_its_ca_for_every_local_name(
    tmp_path: Path,
) -> None:
    tls = make_test_certificate(tmp_path)
    assert tls.ca_file is not None
    context = ssl.create_default_context(cafile=str(tls.ca_file))
    with serve_in_thread(hello, options=ServerOptions(tls=tls)) as url:
        port = url.rsplit(":", 1)[1]
        assert url == f"https://127.0.0.1:{port}"
        for host in ("127.0.0.1", "localhost"):
            response = httpx.get(f"https://{host}:{port}/", verify=context)
            assert response.text == "https"
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            httpx.get(url)


def test_missing_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"TLS file not found: .*nope\.pem"):
        TlsFiles(tmp_path / "nope.pem", tmp_path / "key.pem").check()


def test_files_that_are_no_certificate_and_key_are_refused_before_serving(tmp_path: Path) -> None:
    made = make_test_certificate(tmp_path / "made")
    not_pem = tmp_path / "not.pem"
    not_pem.write_text("not a certificate")
    with pytest.raises(ValueError, match=r"do not load as a PEM chain and its key"):
        TlsFiles(not_pem, made.keyfile).check()
    with pytest.raises(ValueError, match=r"do not load as a PEM chain and its key"):
        TlsFiles(made.certfile, not_pem).check()
    TlsFiles(made.certfile, made.keyfile).check()
