"""The proxy as a server: answers unchanged, the upstream's failures answered and found, large
answers streamed through, credentials never shown."""

from __future__ import annotations

import argparse
import io
import json
import ssl
from pathlib import Path
from typing import Any

import httpx
import pytest

from numbers_mock import PRIMARY_ACCOUNT
from numbers_mock import serve_in_thread as serve_in_thread_plain
from numbers_proxy.assembly import assemble
from numbers_proxy.records import write_html, write_json, write_junit
from numbers_proxy.run_record import harness_record
from numbers_proxy.server import serve_in_thread

from .conftest import Proxied, Proxy, assert_harness_record

BASIC = PRIMARY_ACCOUNT.auth
# Headers the two servers stamp on their own (uvicorn's clock).
STAMPS = {"date"}


def direct_client(proxy: Proxied) -> httpx.Client:
    verify = ssl.create_default_context(cafile=str(proxy.mock_ca))
    return httpx.Client(base_url=proxy.mock_url, verify=verify, auth=BASIC)


def proxy_client(proxy: Proxied) -> httpx.Client:
    verify = ssl.create_default_context(cafile=str(proxy.ca_file))
    return httpx.Client(base_url=proxy.url, verify=verify, auth=BASIC)


def headers_of(response: httpx.Response) -> list[tuple[str, str]]:
    return [(k, v) for k, v in response.headers.multi_items() if k not in STAMPS]


@pytest.mark.parametrize("accept", ["application/json", "text/xml"])
def test_answers_come_back_unchanged(proxied: Proxy, accept: str) -> None:
    with proxied() as proxy, direct_client(proxy) as direct, proxy_client(proxy) as through:
        for method, target, body in [
            ("GET", "/number/search?country=GB&size=3", None),
            ("GET", "/account/numbers", None),
            ("POST", "/number/cancel", {"country": "GB", "msisdn": "440000000000"}),
            ("GET", "/number/search?country=XQ", None),
        ]:
            expected = direct.request(method, target, data=body, headers={"accept": accept})
            seen = through.request(method, target, data=body, headers={"accept": accept})
            assert seen.status_code == expected.status_code
            assert headers_of(seen) == headers_of(expected)
            assert seen.content == expected.content
    assert proxy.session.exchanges == 4


def test_an_unreachable_upstream_answers_502_and_is_found() -> None:
    app, session = assemble("http://127.0.0.1:9", True, None)
    with serve_in_thread(app) as url, httpx.Client(base_url=url, auth=BASIC) as client:
        answer = client.get("/account/numbers")
    assert answer.status_code == 502
    assert answer.json()["error-code"] == "502"
    assert [kept.check for kept in session.kept] == ["target_answers"]
    assert session.coverage[("GET /account/numbers", 502)] == 1


def test_an_upstream_past_the_deadline_answers_504(proxied: Proxy) -> None:
    args = argparse.Namespace(request_deadline=0.3)
    with proxied(args=args) as proxy, direct_client(proxy) as direct:
        script = {"operation": "*", "delay_ms": 1500}
        assert direct.post("/_mock/scripts", json=script).status_code == 201
        with proxy_client(proxy) as through:
            answer = through.get("/account/numbers")
    assert answer.status_code == 504
    assert answer.json() == {
        "error-code": "504",
        "error-code-label": answer.json()["error-code-label"],
    }
    assert proxy.found() == ["target_answers"]


def test_an_answer_past_the_judge_cap_streams_through_unjudged(proxied: Proxy) -> None:
    args = argparse.Namespace(judge_cap=100)
    with (
        proxied(args=args) as proxy,
        direct_client(proxy) as direct,
        proxy_client(proxy) as through,
    ):
        expected = direct.get("/number/search", params={"country": "GB", "size": 50})
        seen = through.get("/number/search", params={"country": "GB", "size": 50})
    assert len(expected.content) > 1000
    assert seen.content == expected.content
    assert proxy.session.unjudged == 1
    assert proxy.session.notes["unjudged_too_large"] == 1
    assert not proxy.session.kept


def test_credentials_are_masked_everywhere(proxied: Proxy, tmp_path: Path) -> None:
    out = io.StringIO()
    key, secret = BASIC
    with proxied(tls=False, out=out) as proxy, httpx.Client(base_url=proxy.url) as client:
        # The legacy pair in the query string, and the secret where a value goes: both findings
        # quote what was sent.
        client.get(f"/number/search?api_key={key}&api_secret={secret}&country={secret}")
        client.get("/account/numbers", params={"pattern": secret, "size": 0}, auth=BASIC)
    summary = proxy.session.as_record()
    assert summary["counts"]["findings"] >= 2
    record = harness_record(proxy.session, ["numbers-contract-proxy"], 0)
    assert_harness_record(record)
    files = [tmp_path / "record.json", tmp_path / "report.html", tmp_path / "junit.xml"]
    write_json(record, files[0])
    write_html(record, files[1])
    write_junit(summary, files[2])
    texts = [out.getvalue(), json.dumps(record), *(path.read_text() for path in files)]
    for text in texts:
        assert secret not in text
        assert key not in text
    assert "***" in json.dumps(record)


async def chunked_upstream(scope: Any, receive: Any, send: Any) -> None:
    """An upstream answering a search in three chunks, no length (uvicorn sends it chunked)."""
    if scope["type"] != "http":
        return
    body = b'{"count":0,"numbers":[]}'
    head = [(b"content-type", b"application/json")]
    await send({"type": "http.response.start", "status": 200, "headers": head})
    for part in (body[:5], body[5:12], body[12:]):
        await send({"type": "http.response.body", "body": part, "more_body": True})
    await send({"type": "http.response.body", "body": b"", "more_body": False})


async def breaking_upstream(scope: Any, receive: Any, send: Any) -> None:
    """An upstream promising 100 bytes and sending 10 (uvicorn then drops the connection)."""
    if scope["type"] != "http":
        return
    head = [(b"content-type", b"application/json"), (b"content-length", b"100")]
    await send({"type": "http.response.start", "status": 200, "headers": head})
    await send({"type": "http.response.body", "body": b'{"count":0', "more_body": True})
    raise RuntimeError("gone")


def test_a_chunked_answer_comes_through_whole_and_judged() -> None:
    with serve_in_thread_plain(chunked_upstream) as upstream:
        app, session = assemble(upstream, True, None)
        with serve_in_thread(app) as url, httpx.Client(base_url=url, auth=BASIC) as client:
            answer = client.get("/number/search", params={"country": "GB"})
    assert answer.content == b'{"count":0,"numbers":[]}'
    assert session.exchanges == 1 and not session.kept and not session.unjudged


def test_an_answer_broken_off_is_a_502_and_found() -> None:
    with serve_in_thread_plain(breaking_upstream) as upstream:
        app, session = assemble(upstream, True, None)
        with serve_in_thread(app) as url, httpx.Client(base_url=url, auth=BASIC) as client:
            answer = client.get("/number/search", params={"country": "GB"})
    assert answer.status_code == 502
    assert [kept.check for kept in session.kept] == ["target_answers"]
