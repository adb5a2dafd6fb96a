"""A small HTTP/1.1 client for the one upstream: kept-alive connections, bytes as they come.

The proxy must add as little as it can to every request, and forward what it gets unchanged, so it
writes the request in one piece (the application's headers as they came, the upstream's `Host`)
and hands the answer's status, headers and body bytes over as read. httpx did the same in several
times the CPU per request, and asyncio's default sockets wait for delayed ACKs between a head and
a body written apart (TCP_NODELAY is set on every connection here).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["Answer", "Upstream", "UpstreamError"]

_HEAD_LIMIT = 64 * 1024
_CHUNK = 64 * 1024


class UpstreamError(Exception):
    """The upstream could not be reached, or broke off or garbled its answer."""


@dataclass
class Answer:
    """An answer's head; `body()` yields its bytes (dechunked), once."""

    status: int
    headers: list[tuple[bytes, bytes]]
    _reader: asyncio.StreamReader = field(repr=False)
    _length: int | None
    _chunked: bool
    keep_alive: bool
    finished: bool = False

    @property
    def length(self) -> int | None:
        """The body's length when the head says it (None: chunked, or to the end)."""
        return None if self._chunked else self._length

    def header(self, name: bytes) -> bytes | None:
        return next((v for k, v in self.headers if k.lower() == name), None)

    async def body(self) -> AsyncIterator[bytes]:
        reader = self._reader
        try:
            if self._chunked:
                while True:
                    size_line = await reader.readuntil(b"\r\n")
                    size = int(size_line.split(b";", 1)[0].strip(), 16)
                    if size == 0:
                        # Trailers, if any, end with an empty line.
                        while (await reader.readuntil(b"\r\n")) != b"\r\n":
                            pass
                        break
                    yield await reader.readexactly(size)
                    await reader.readexactly(2)
            elif self._length is not None:
                left = self._length
                while left:
                    chunk = await reader.read(min(left, _CHUNK))
                    if not chunk:
                        raise UpstreamError("the upstream closed the connection mid-answer")
                    left -= len(chunk)
                    yield chunk
            else:
                # No length: the body runs to the end of the connection.
                self.keep_alive = False
                while chunk := await reader.read(_CHUNK):
                    yield chunk
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
            raise UpstreamError(f"the upstream's answer broke off: {type(exc).__name__}") from None
        except OSError as exc:
            raise UpstreamError(f"the upstream's connection failed: {type(exc).__name__}") from None
        self.finished = True


@dataclass
class _Connection:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter


class Upstream:
    """Where requests go: `scheme://host:port/prefix`, a pool of idle connections to it."""

    def __init__(self, url: str, verify: ssl.SSLContext | bool = True, max_idle: int = 64) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {url}")
        self.tls = parts.scheme == "https"
        self.host = parts.hostname
        self.port = parts.port or (443 if self.tls else 80)
        default = (self.tls and self.port == 443) or (not self.tls and self.port == 80)
        name = f"[{self.host}]" if ":" in self.host else self.host
        self.host_header = (name if default else f"{name}:{self.port}").encode("idna")
        self.prefix = parts.path.rstrip("/").encode()
        self._ssl = self._context(verify) if self.tls else None
        self._idle: list[_Connection] = []
        self._max_idle = max_idle

    @staticmethod
    def _context(verify: ssl.SSLContext | bool) -> ssl.SSLContext:
        if isinstance(verify, ssl.SSLContext):
            return verify
        context = ssl.create_default_context()
        if not verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context

    async def send(
        self, method: str, target: bytes, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> tuple[Answer, _Connection]:
        """Send one request; its answer's head, and the connection to `release` afterwards."""
        head = [
            f"{method} ".encode(),
            self.prefix,
            target,
            b" HTTP/1.1\r\nhost: ",
            self.host_header,
        ]
        for name, value in headers:
            head += [b"\r\n", name, b": ", value]
        if body or method not in ("GET", "HEAD", "DELETE", "OPTIONS"):
            head += [b"\r\ncontent-length: ", str(len(body)).encode()]
        head += [b"\r\n\r\n", body]
        request = b"".join(head)
        # A kept-alive connection the upstream has closed meanwhile fails before any answer
        # byte: the request is then sent again, on another connection.
        while True:
            reused = bool(self._idle)
            connection = self._idle.pop() if reused else await self._connect()
            try:
                return await self._exchange(connection, request, method), connection
            except (ConnectionError, asyncio.IncompleteReadError) as exc:
                self._close(connection)
                if not reused:
                    raise UpstreamError(f"the upstream broke off: {type(exc).__name__}") from None
            except (OSError, asyncio.LimitOverrunError, ValueError) as exc:
                self._close(connection)
                raise UpstreamError(
                    f"the upstream's answer is garbled: {type(exc).__name__}"
                ) from None
            except BaseException:
                # Cancelled (the deadline passed): the connection is in an unknown state.
                self._close(connection)
                raise

    def release(self, answer: Answer, connection: _Connection) -> None:
        """Keep the connection for the next request when its answer was read to the end."""
        if answer.finished and answer.keep_alive and len(self._idle) < self._max_idle:
            self._idle.append(connection)
        else:
            self._close(connection)

    async def aclose(self) -> None:
        while self._idle:
            self._close(self._idle.pop())

    async def _connect(self) -> _Connection:
        try:
            reader, writer = await asyncio.open_connection(
                self.host,
                self.port,
                ssl=self._ssl,
                server_hostname=self.host if self._ssl else None,
                limit=_HEAD_LIMIT,
            )
        except (OSError, ssl.SSLError) as exc:
            raise UpstreamError(
                f"the upstream could not be reached: {type(exc).__name__}"
            ) from None
        sock = writer.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return _Connection(reader, writer)

    @staticmethod
    async def _exchange(connection: _Connection, request: bytes, method: str) -> Answer:
        connection.writer.write(request)
        head = await connection.reader.readuntil(b"\r\n\r\n")
        lines = head[:-4].split(b"\r\n")
        version, _, rest = lines[0].partition(b" ")
        status = int(rest[:3])
        headers = []
        length: int | None = None
        chunked = False
        keep_alive = version == b"HTTP/1.1"
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name, value = name.strip().lower(), value.strip()
            headers.append((name, value))
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
            elif name == b"connection":
                keep_alive = b"close" not in value.lower()
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            length = 0
        return Answer(status, headers, connection.reader, length, chunked, keep_alive)

    @staticmethod
    def _close(connection: _Connection) -> None:
        with contextlib.suppress(Exception):
            connection.writer.close()
