"""Retries of throttled (429) and unavailable (503) answers and of connections that never opened.

Built on httpx-retries: its `RetryTransport` wraps the client's transport and retries with
exponential backoff and jitter, honouring `Retry-After`, within a number of retries and a total
waiting time. What is retried depends on whether a request may be repeated:

- Every operation is retried after HTTP 429 (a throttled request was not processed) and after a
  connection failure before the request was sent (`httpx.ConnectError`, `ConnectTimeout`,
  `PoolTimeout`). A timeout or a broken connection after sending is never retried: the service
  may have acted on the request.
- HTTP 503 is retried for operations that may be repeated (searches, lists, updates), never for
  a buy or a cancel: the service may have bought or cancelled the number before failing, and a
  second try would then buy twice or answer 420 for a cancel that happened.

When retries run out on a 429 or 503, the call raises `RetriesExhausted` rather than returning the
last refusal. This module is copied into the generated package by the generator.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import httpx
from httpx_retries import Retry, RetryTransport

__all__ = [
    "Retries",
    "RetriesExhausted",
    "raise_if_gave_up",
    "retrying_transport",
    "with_retries",
]

# The failures that happen before a byte of the request reaches the service.
BEFORE_SENDING: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)
REPEATABLE_STATUSES = frozenset({429, 503})
UNREPEATABLE_STATUSES = frozenset({429})
# httpx.Client options that belong to the default transport, moved to (or shared with) it.
POPPED_TRANSPORT_OPTIONS = ("cert", "http1", "http2", "limits", "proxy")
SHARED_TRANSPORT_OPTIONS = ("trust_env",)
# The key httpx-retries reads a request's own policy from, and writes the final state to.
EXTENSION = "retry"


@dataclass(frozen=True)
class Retries:
    """How the client retries; pass `retries=Retries(...)` to a client, or `retries=None` for none.

    Attributes:
        max_retries: Retries after the first try (so `max_retries + 1` requests at most).
        backoff_seconds: The base of the exponential backoff: the n-th wait (n = 1, 2, ...) is
            `backoff_seconds * 2**n`, less a random share of it (`jitter`).
        jitter: The share of each backoff wait drawn at random, from 0 (none) to 1 (full jitter).
        max_wait_seconds: The longest single wait, a `Retry-After` included.
        total_wait_seconds: The most time spent waiting between tries of one call.
        respect_retry_after: Wait as long as the service's `Retry-After` says (up to
            `max_wait_seconds`) instead of the backoff.
    """

    max_retries: int = 3
    backoff_seconds: float = 0.5
    jitter: float = 1.0
    max_wait_seconds: float = 30.0
    total_wait_seconds: float = 60.0
    respect_retry_after: bool = True

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must not be negative")
        if self.backoff_seconds < 0 or self.max_wait_seconds <= 0 or self.total_wait_seconds <= 0:
            raise ValueError(
                "backoff_seconds must not be negative, the wait limits must be positive"
            )
        if not 0 <= self.jitter <= 1:
            raise ValueError("jitter must be between 0 and 1")

    @cached_property
    def repeatable(self) -> Retry:
        """The policy of requests that may be repeated: 429, 503 and failures before sending."""
        return self._policy(REPEATABLE_STATUSES)

    @cached_property
    def unrepeatable(self) -> Retry:
        """The policy of buys and cancels: 429 and failures before sending only."""
        return self._policy(UNREPEATABLE_STATUSES)

    def _policy(self, statuses: frozenset[int]) -> Retry:
        return Retry(
            total=self.max_retries,
            # Which operations may be repeated is decided per request, not by method.
            allowed_methods=["GET", "POST"],
            status_forcelist=statuses,
            retry_on_exceptions=BEFORE_SENDING,
            backoff_factor=self.backoff_seconds,
            backoff_jitter=self.jitter,
            max_backoff_wait=self.max_wait_seconds,
            total_timeout=self.total_wait_seconds,
            respect_retry_after_header=self.respect_retry_after,
        )


class RetriesExhausted(Exception):
    """Still throttled (429) or unavailable (503) when the retries ran out.

    Attributes:
        method, path: The request that gave up (never its query or body, which may hold secrets).
        status_code: The last answer's status.
        attempts: How many requests were sent.
        waited_seconds: The time spent waiting between them.
        retry_after: The last answer's `Retry-After` header, if it had one.
        content: The last answer's body.
    """

    def __init__(self, response: httpx.Response, retry: Retry) -> None:
        self.method = response.request.method
        self.path = response.request.url.path
        self.status_code = response.status_code
        self.attempts = retry.attempts_made + 1
        self.waited_seconds = retry.elapsed_sleep
        self.retry_after = response.headers.get("Retry-After")
        self.content = response.content
        hint = "" if self.retry_after is None else f" (last Retry-After: {self.retry_after})"
        super().__init__(
            f"{self.method} {self.path} still answered HTTP {self.status_code} after "
            f"{self.attempts} attempts and {self.waited_seconds:.2f} s of waiting{hint}; "
            "Retries(max_retries=..., total_wait_seconds=...) on the client sets the bound"
        )


def raise_if_gave_up(response: httpx.Response) -> None:
    """Raise RetriesExhausted when `response` is a retryable refusal that the retries gave up on."""
    retry = response.extensions.get(EXTENSION)
    if (
        isinstance(retry, Retry)
        and retry.attempts_made > 0
        and retry.is_retryable_status_code(response.status_code)
    ):
        raise RetriesExhausted(response, retry)


def retrying_transport(
    retries: Retries, transport: httpx.BaseTransport | httpx.AsyncBaseTransport
) -> RetryTransport:
    """`transport` wrapped so that requests are retried by `retries.repeatable` unless they carry
    their own policy (buys and cancels carry `retries.unrepeatable`)."""
    return RetryTransport(transport=transport, retry=retries.repeatable)


def with_retries(
    retries: Retries | None, httpx_args: Mapping[str, Any], verify: Any, *, asynchronous: bool
) -> dict[str, Any]:
    """The client's `httpx_args` with its transport (the given one, or httpx's default built from
    the transport options among them) wrapped to retry by `retries`; unchanged if it is None."""
    args = dict(httpx_args)
    if retries is None:
        return args
    inner = args.pop("transport", None)
    if inner is None:
        # A `proxy` given to the client would mount its own transport past the retrying one.
        options = {key: args.pop(key) for key in POPPED_TRANSPORT_OPTIONS if key in args}
        options.update({key: args[key] for key in SHARED_TRANSPORT_OPTIONS if key in args})
        transport_type = httpx.AsyncHTTPTransport if asynchronous else httpx.HTTPTransport
        inner = transport_type(verify=verify, **options)
    args["transport"] = retrying_transport(retries, inner)
    return args
