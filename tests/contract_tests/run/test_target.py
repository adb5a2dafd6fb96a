"""Opening the target: the embedded mock on a free port, or a URL left exactly as given."""

from __future__ import annotations

import socket

import httpx
import pytest

from contract_tests.run.options import HarnessOptions
from contract_tests.run.target import check_reachable, open_target
from numbers_mock import PRIMARY_ACCOUNT


def options(target_url: str | None) -> HarnessOptions:
    return HarnessOptions(
        target_url=target_url,
        api_key=PRIMARY_ACCOUNT.api_key,
        api_secret=PRIMARY_ACCOUNT.api_secret,
        allow_purchases=False,
        max_purchases=2,
        seed=1,
    )


def test_the_embedded_mock_serves_and_resets() -> None:
    with open_target(options(None)) as target:
        assert target.embedded
        assert target.base_url.startswith("http://127.0.0.1:")
        with target.http() as http:
            pool = http.get("/number/search", params={"country": "GB"}).json()
            msisdn = pool["numbers"][0]["msisdn"]
            assert (
                http.post("/number/buy", data={"country": "GB", "msisdn": msisdn}).status_code
                == 200
            )
            assert http.get("/account/numbers").json()["count"] == 1
            target.reset()
            assert http.get("/account/numbers").json() in ({}, {"count": 0, "numbers": []})
    # Stopped with the block.
    try:
        httpx.get(target.base_url + "/_mock/health", timeout=1)
    except httpx.TransportError:
        pass
    else:  # pragma: no cover - only when the server outlived its block
        raise AssertionError("the embedded mock is still serving")


def test_a_url_target_is_never_sent_the_admin_reset() -> None:
    # Nothing listens on port 9: a request would fail loudly, so a quiet reset proves none was sent.
    with open_target(options("http://127.0.0.1:9")) as target:
        assert not target.embedded
        target.reset()
        assert PRIMARY_ACCOUNT.api_secret not in repr(target)


def test_a_reachable_target_passes_the_check_with_the_run_s_tls_context() -> None:
    with open_target(options(None)) as target:
        # Any answer counts, the mock's 404 for `/` included.
        check_reachable(target.base_url, 5.0, httpx.create_ssl_context())


def test_an_unreachable_target_is_a_usage_error_in_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens there once the probe is closed.
    with pytest.raises(pytest.UsageError, match=r"cannot reach --target-url .*ConnectError"):
        check_reachable(f"http://127.0.0.1:{port}", 5.0, httpx.create_ssl_context())
