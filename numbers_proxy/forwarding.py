"""The proxy as an ASGI app: every request to the upstream, every answer back unchanged, then the
exchange judged.

The answer goes back to the application before the judge reads it, so judging adds nothing to
the time the application waits for its answer. Only hop-by-hop headers (RFC 9110 7.6.1) are not
forwarded; the upstream's `Host` is its own. An upstream that cannot be reached, or does not
answer within the deadline, gets the application a 502 or 504 with a short JSON body and the
session a `target_answers` finding.
"""

from __future__ import annotations

import asyncio
import json
import time
import zlib
from dataclasses import dataclass
from typing import Any

from contract_tests.judging.violations import TARGET_ANSWERS
from numbers_proxy.checks import Side
from numbers_proxy.exchange import Finding, Request, media_type_of
from numbers_proxy.judge import ExchangeJudge
from numbers_proxy.request_rules import RequestVerdict
from numbers_proxy.session import Session
from numbers_proxy.upstream import Answer, Upstream, UpstreamError

__all__ = ["ProxyApp", "ProxySettings"]

HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-connection",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
        b"host",
    }
)

# The proxy sets the length of the body it forwards (it may have come chunked).
NOT_FORWARDED = HOP_BY_HOP | {b"content-length"}

Scope = dict[str, Any]
Receive = Any
Send = Any


@dataclass(frozen=True)
class ProxySettings:
    """Where the upstream is and how long and how much the proxy waits for and reads."""

    upstream: str
    request_deadline: float = 30.0
    # The judge reads at most this much of an answer; the rest streams through unjudged.
    judge_cap: int = 4 * 1024 * 1024
    max_request_bytes: int = 1024 * 1024


class ProxyApp:
    """Forwards to `settings.upstream`, records every judged exchange in `session`."""

    def __init__(
        self,
        settings: ProxySettings,
        judge: ExchangeJudge,
        session: Session,
        upstream: Upstream,
    ) -> None:
        self.settings = settings
        self.judge = judge
        self.session = session
        self.upstream = upstream
        # Exchanges begun and not yet recorded (an answer is sent before it is judged).
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        self.in_flight += 1
        try:
            await self._exchange(scope, receive, send)
        finally:
            self.in_flight -= 1

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.upstream.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _exchange(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        try:
            body = await self._read_body(receive)
        except _ClientGone:
            # The application left before its request was whole: nothing to forward or judge.
            return
        if body is None:
            await _answer(send, 413, "request body too large")
            return
        raw_headers: list[tuple[bytes, bytes]] = scope["headers"]
        query_string: bytes = scope.get("query_string", b"")
        request, verdict = self.judge.arrived(
            Request(
                method=scope["method"],
                path=scope["path"],
                query_string=query_string.decode("latin-1"),
                headers={k.decode("latin-1").lower(): v.decode("latin-1") for k, v in raw_headers},
                body=body,
            )
        )
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        target = raw_path + (b"?" + query_string if query_string else b"")
        forwarded = [(k, v) for k, v in raw_headers if k.lower() not in NOT_FORWARDED]
        deadline = self.settings.request_deadline
        try:
            async with asyncio.timeout(deadline):
                answer, connection = await self.upstream.send(
                    scope["method"], target, forwarded, body
                )
        except (TimeoutError, UpstreamError) as exc:
            status = 504 if isinstance(exc, TimeoutError) else 502
            why = str(exc) if status == 502 else f"no answer within the deadline ({deadline} s)"
            await _answer(send, status, why)
            finding = Finding(TARGET_ANSWERS, Side.SERVER, f"{verdict.operation}: {why}")
            self._record(request, verdict, 0, None, b"", started, True, [finding], status)
            return
        media_type = media_type_of(_text(answer.header(b"content-type")))
        head = {
            "type": "http.response.start",
            "status": answer.status,
            "headers": [(k, v) for k, v in answer.headers if k not in HOP_BY_HOP],
        }
        length = answer.length
        try:
            if length is not None and length <= self.settings.judge_cap:
                # Read whole first: the head and the body then leave in one write, and an upstream
                # breaking off mid-answer still gets the application a clean 502 or 504.
                async with asyncio.timeout(deadline):
                    content = b"".join([chunk async for chunk in answer.body()])
                await send(head)
                await send({"type": "http.response.body", "body": content, "more_body": False})
                complete = True
            else:
                await send(head)
                content, complete = await self._stream(answer, send, deadline)
        except (TimeoutError, UpstreamError) as exc:
            self.upstream.release(answer, connection)
            why = str(exc) or f"the answer did not end within the deadline ({deadline} s)"
            finding = Finding(TARGET_ANSWERS, Side.SERVER, f"{verdict.operation}: {why}")
            started_sending = length is None or length > self.settings.judge_cap
            failed = 504 if isinstance(exc, TimeoutError) else 502
            status = answer.status if started_sending else failed
            if not started_sending:
                await _answer(send, failed, why)
            # Nothing whole to judge: the finding says why, the status is what went out. A
            # streamed answer is left unfinished, so the application sees it broke off.
            self._record(request, verdict, 0, None, b"", started, True, [finding], status)
            return
        self.upstream.release(answer, connection)
        encoding = (_text(answer.header(b"content-encoding")) or "").lower()
        if complete and encoding in ("gzip", "deflate"):
            content = _decoded(content, encoding)
        self._record(request, verdict, answer.status, media_type, content, started, complete, [])

    async def _stream(self, answer: Answer, send: Send, deadline: float) -> tuple[bytes, bool]:
        """Pass a long or unmeasured answer on as it comes; keep what the judge may read."""
        parts: list[bytes] = []
        held, complete = 0, True
        async with asyncio.timeout(deadline):
            async for chunk in answer.body():
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
                if complete and held + len(chunk) <= self.settings.judge_cap:
                    parts.append(chunk)
                    held += len(chunk)
                else:
                    complete = False
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        return b"".join(parts), complete

    def _record(
        self,
        request: Request,
        verdict: RequestVerdict,
        status: int,
        media_type: str | None,
        content: bytes,
        started: float,
        complete: bool,
        extra: list[Finding],
        shown_status: int | None = None,
    ) -> None:
        milliseconds = (time.perf_counter() - started) * 1000
        exchange = self.judge.answered(
            request, verdict, status, media_type, content, milliseconds, complete, extra
        )
        if shown_status is not None:
            exchange.status = shown_status
        self.session.record(exchange)

    async def _read_body(self, receive: Receive) -> bytes | None:
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _ClientGone
            chunk: bytes = message.get("body", b"")
            size += len(chunk)
            if size > self.settings.max_request_bytes:
                return None
            parts.append(chunk)
            if not message.get("more_body", False):
                return b"".join(parts)


class _ClientGone(Exception):
    """The application disconnected before its request was whole."""


def _text(value: bytes | None) -> str | None:
    return None if value is None else value.decode("latin-1")


def _decoded(content: bytes, encoding: str) -> bytes:
    try:
        return zlib.decompress(
            content, 16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS
        )
    except zlib.error:
        return content


async def _answer(send: Send, status: int, label: str) -> None:
    body = json.dumps({"error-code": str(status), "error-code-label": label}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
