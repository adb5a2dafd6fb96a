"""Connection guards: slow or idle clients cannot hold the server's connections forever.

uvicorn's h11 protocol times a connection out only between two requests (its keep-alive timeout):
a client that connects and sends nothing, or sends a request a byte at a time, is held forever, and
enough of them exhaust the process's file descriptors. `guarded_protocol` adds three limits:

- a new connection that sends nothing within `idle_timeout` seconds is closed (as uvicorn closes a
  keep-alive connection that stays idle after an answer);
- once a request's first bytes arrive, the whole request (headers and body) must arrive within
  `request_timeout` seconds, or the connection is closed;
- at most `max_connections` connections are open: a new one beyond that closes the connection that
  has been idle longest, and when none is idle the new one is refused with 503.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from numbers_mock.server.limits import ConnectionLimits

__all__ = ["fit_to_descriptors", "guarded_protocol"]

# Descriptors kept for everything but client connections: the listening socket, SQLite, logs,
# the event loop's own, imported libraries' files.
_RESERVED_DESCRIPTORS = 64


def fit_to_descriptors(limits: ConnectionLimits) -> ConnectionLimits:
    """`limits` with `max_connections` within what the process may open.

    The soft limit on open files is raised to the hard one first (a common soft limit is 1024).
    Connections past the limit would fail in `accept()`, which asyncio logs and retries every
    second while nobody is served; within it, the longest idle connection makes room instead.
    """
    try:
        import resource
    except ImportError:  # not on POSIX: nothing to read
        return limits
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return limits
    room = max(1, soft - _RESERVED_DESCRIPTORS)
    if limits.max_connections <= room:
        return limits
    return dataclasses.replace(limits, max_connections=room)


def _closing_answer(status: int, reason: str, label: str) -> bytes:
    # Written straight to the transport: these connections never reach the app.
    body = f'{{"error-code":"{status}","error-code-label":"{label}"}}'.encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json;charset=UTF-8\r\n"
        f"connection: close\r\ncontent-length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


_REFUSED = _closing_answer(503, "Service Unavailable", "too many connections")
_TOO_SLOW = _closing_answer(408, "Request Timeout", "request timeout")


def guarded_protocol(limits: ConnectionLimits) -> type[H11Protocol]:
    """An h11 protocol class for uvicorn (`Config(http=...)`) that enforces `limits`."""

    class GuardedH11Protocol(H11Protocol):
        _limits = limits
        _deadline: asyncio.TimerHandle | None = None
        _last_active = 0.0

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._last_active = time.monotonic()
            if len(self.connections) > self._limits.max_connections and not self._evict_idle():
                transport.write(_REFUSED)
                transport.close()
                return
            # uvicorn's own keep-alive timer, armed before the first request as after each answer;
            # its data_received cancels it when bytes arrive.
            self.timeout_keep_alive_task = self.loop.call_later(
                self._limits.idle_timeout, self.timeout_keep_alive_handler
            )

        def data_received(self, data: bytes) -> None:
            self._last_active = time.monotonic()
            if self._deadline is None and self._between_requests():
                self._deadline = self.loop.call_later(
                    self._limits.request_timeout, self._request_too_slow
                )
            super().data_received(data)
            cycle = self.cycle
            if cycle is not None and not cycle.more_body:
                # The whole request is in: how long the answer takes is the app's business.
                self._cancel_deadline()

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel_deadline()
            super().connection_lost(exc)

        def on_response_complete(self) -> None:
            self._last_active = time.monotonic()
            self._cancel_deadline()
            super().on_response_complete()

        def _between_requests(self) -> bool:
            return self.cycle is None or self.cycle.response_complete

        def _is_idle(self) -> bool:
            return self._deadline is None and self._between_requests()

        def _request_too_slow(self) -> None:
            self._deadline = None
            if not self.transport.is_closing():
                self._send_408()
                self.transport.close()

        def _send_408(self) -> None:
            # Only when no answer was started: a second status line would corrupt the stream.
            if self.conn.our_state is not h11.IDLE and self.conn.our_state is not h11.SEND_RESPONSE:
                return
            if self.cycle is not None and self.cycle.response_started:
                return
            self.transport.write(_TOO_SLOW)

        def _cancel_deadline(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _evict_idle(self) -> bool:
            idle = [
                connection
                for connection in self.connections
                if connection is not self
                and isinstance(connection, GuardedH11Protocol)
                and connection._is_idle()
                and not connection.transport.is_closing()
            ]
            if not idle:
                return False
            oldest = min(idle, key=lambda connection: connection._last_active)
            oldest.timeout_keep_alive_handler()
            return True

    return GuardedH11Protocol
