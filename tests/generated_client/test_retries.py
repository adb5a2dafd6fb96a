"""numbers_api_client.retries: what is retried, how long it waits, and when it gives up."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import pytest
from httpx_retries import RetryTransport
from numbers_api_client import AuthenticatedClient, Client
from numbers_api_client.models import ActionResponse, AvailableNumbers, InboundNumbers
from numbers_api_client.retries import Retries, RetriesExhausted, with_retries

from .support import (
    API_KEY,
    API_SECRET,
    BASE_URL,
    OPERATIONS,
    QUICK_RETRIES,
    REAL_SUCCESS,
    Operation,
)

OWNED, SEARCH, BUY, CANCEL, UPDATE = OPERATIONS
REPEATABLE = [pytest.param(op, id=op.operation_id) for op in (OWNED, SEARCH, UPDATE)]
UNREPEATABLE = [pytest.param(op, id=op.operation_id) for op in (BUY, CANCEL)]
EVERY = [pytest.param(op, id=op.operation_id) for op in OPERATIONS]

Answer = tuple[int, dict[str, str]] | Exception


@dataclass
class ScriptedService:
    """Answers each request with the next answer of its script (the last one over and over),
    recording when each request came."""

    script: list[Answer]
    seen_at: list[float] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.seen_at.append(time.monotonic())
        answer = self.script[min(len(self.seen_at), len(self.script)) - 1]
        if isinstance(answer, Exception):
            raise answer
        status, headers = answer
        body = REAL_SUCCESS if request.method == "POST" else {"count": 0, "numbers": []}
        return httpx.Response(
            status,
            content=json.dumps(body if status == 200 else {}).encode(),
            headers={"Content-Type": "application/json;charset=UTF-8", **headers},
        )

    @property
    def requests(self) -> int:
        return len(self.seen_at)

    def client(self, retries: Retries | None = QUICK_RETRIES) -> AuthenticatedClient:
        return AuthenticatedClient(
            base_url=BASE_URL,
            api_key=API_KEY,
            api_secret=API_SECRET,
            raise_on_unexpected_status=True,
            retries=retries,
            httpx_args={"transport": httpx.MockTransport(self.handle)},
        )


OK: Answer = (200, {})
THROTTLED: Answer = (429, {})
UNAVAILABLE: Answer = (503, {})


def read_timeout() -> Exception:
    return httpx.ReadTimeout("timed out waiting for the answer")


def refused_connection() -> Exception:
    return httpx.ConnectError("connection refused")


def succeeded(operation: Operation, parsed: object) -> bool:
    models = {OWNED.operation_id: InboundNumbers, SEARCH.operation_id: AvailableNumbers}
    expected = models.get(operation.operation_id, ActionResponse)
    return isinstance(parsed, expected)


@pytest.mark.parametrize("operation", EVERY)
def test_a_429_with_retry_after_then_a_200_succeeds(operation: Operation, use_async: bool) -> None:
    service = ScriptedService([(429, {"Retry-After": "1"}), OK])
    # Retry-After is capped at max_wait_seconds (20 ms here); the backoff alone would be 0.2 ms.
    retries = Retries(backoff_seconds=0.0001, jitter=0, max_wait_seconds=0.02)

    parsed = operation.parsed(service.client(retries), use_async=use_async)

    assert succeeded(operation, parsed)
    assert service.requests == 2
    assert service.seen_at[1] - service.seen_at[0] >= 0.02


@pytest.mark.parametrize("operation", EVERY)
def test_a_429_forever_gives_up_after_the_retries_with_a_clear_error(
    operation: Operation, use_async: bool
) -> None:
    service = ScriptedService([(429, {"Retry-After": "7"})])
    retries = Retries(max_retries=3, backoff_seconds=0.001, max_wait_seconds=0.002)

    started = time.monotonic()
    with pytest.raises(RetriesExhausted) as caught:
        operation.detailed(service.client(retries), use_async=use_async)

    assert time.monotonic() - started < 1
    assert service.requests == 4
    error = caught.value
    assert (error.status_code, error.attempts, error.retry_after) == (429, 4, "7")
    assert error.waited_seconds <= 3 * 0.002 + 1e-9
    message = str(error)
    assert f"{operation.method.upper()} {operation.path} still answered HTTP 429" in message
    assert "after 4 attempts" in message and "Retries(" in message
    assert API_SECRET not in message and API_KEY not in message


def test_the_total_wait_bounds_the_retries_before_the_attempts_do(use_async: bool) -> None:
    service = ScriptedService([THROTTLED])
    retries = Retries(
        max_retries=1000,
        backoff_seconds=0.01,
        jitter=0,
        max_wait_seconds=0.01,
        total_wait_seconds=0.03,
    )

    started = time.monotonic()
    with pytest.raises(RetriesExhausted) as caught:
        SEARCH.detailed(service.client(retries), use_async=use_async)

    assert time.monotonic() - started < 1
    assert caught.value.waited_seconds == pytest.approx(0.03)
    assert service.requests <= 5


@pytest.mark.parametrize("operation", REPEATABLE)
def test_a_503_is_retried_where_the_operation_may_be_repeated(
    operation: Operation, use_async: bool
) -> None:
    service = ScriptedService([UNAVAILABLE, UNAVAILABLE, OK])

    assert succeeded(operation, operation.parsed(service.client(), use_async=use_async))
    assert service.requests == 3


@pytest.mark.parametrize("operation", UNREPEATABLE)
def test_a_buy_or_cancel_is_never_retried_after_a_5xx(
    operation: Operation, use_async: bool
) -> None:
    service = ScriptedService([UNAVAILABLE, OK])
    client = service.client()
    client.raise_on_unexpected_status = False

    response = operation.detailed(client, use_async=use_async)

    assert response.status_code == 503
    assert service.requests == 1


@pytest.mark.parametrize("operation", UNREPEATABLE)
def test_a_buy_or_cancel_is_retried_when_throttled(operation: Operation, use_async: bool) -> None:
    service = ScriptedService([THROTTLED, OK])

    assert succeeded(operation, operation.parsed(service.client(), use_async=use_async))
    assert service.requests == 2


@pytest.mark.parametrize("operation", EVERY)
def test_a_request_that_timed_out_is_not_retried(operation: Operation, use_async: bool) -> None:
    """The request was sent: the service may have acted on it (a buy may have happened)."""
    service = ScriptedService([read_timeout(), OK])

    with pytest.raises(httpx.ReadTimeout):
        operation.detailed(service.client(), use_async=use_async)
    assert service.requests == 1


@pytest.mark.parametrize("operation", EVERY)
@pytest.mark.parametrize(
    "failure",
    [
        pytest.param(refused_connection, id="connect-error"),
        pytest.param(lambda: httpx.ConnectTimeout("no connection"), id="connect-timeout"),
        pytest.param(lambda: httpx.PoolTimeout("no free connection"), id="pool-timeout"),
    ],
)
def test_a_connection_that_never_opened_is_retried(
    operation: Operation, failure: Callable[[], Exception], use_async: bool
) -> None:
    service = ScriptedService([failure(), OK])

    assert succeeded(operation, operation.parsed(service.client(), use_async=use_async))
    assert service.requests == 2


def test_a_connection_that_never_opens_raises_its_own_error_in_the_end(use_async: bool) -> None:
    service = ScriptedService([refused_connection()])

    with pytest.raises(httpx.ConnectError):
        BUY.detailed(service.client(Retries(max_retries=2, backoff_seconds=0)), use_async=use_async)
    assert service.requests == 3


@pytest.mark.parametrize("operation", EVERY)
def test_retries_none_switches_them_off(operation: Operation, use_async: bool) -> None:
    service = ScriptedService([THROTTLED, OK])

    response = operation.detailed(service.client(retries=None), use_async=use_async)

    assert response.status_code == 429
    assert response.parsed is None
    assert service.requests == 1


def test_retries_are_on_by_default() -> None:
    assert Client(base_url=BASE_URL).retries == Retries()
    client = AuthenticatedClient(base_url=BASE_URL, api_key=API_KEY, api_secret=API_SECRET)
    assert client.retries == Retries()
    defaults = Retries()
    assert defaults.max_retries == 3 and defaults.jitter == 1.0
    assert defaults.respect_retry_after
    assert isinstance(client.get_httpx_client()._transport, RetryTransport)


def test_the_two_policies_differ_only_in_the_statuses() -> None:
    retries = Retries()

    assert retries.repeatable.status_forcelist == frozenset({429, 503})
    assert retries.unrepeatable.status_forcelist == frozenset({429})
    assert retries.repeatable.retryable_exceptions == retries.unrepeatable.retryable_exceptions
    assert retries.repeatable is retries.repeatable  # built once per configuration


@pytest.mark.parametrize(
    "settings",
    [
        {"max_retries": -1},
        {"backoff_seconds": -0.1},
        {"max_wait_seconds": 0},
        {"total_wait_seconds": 0},
        {"jitter": 1.5},
    ],
)
def test_impossible_settings_are_refused(settings: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Retries(**settings)  # type: ignore[arg-type]


@pytest.mark.parametrize("asynchronous", [False, True])
def test_without_a_transport_httpx_default_one_is_wrapped(asynchronous: bool) -> None:
    args = with_retries(
        Retries(),
        {"proxy": "http://127.0.0.1:9", "trust_env": False, "http2": False},
        False,
        asynchronous=asynchronous,
    )

    assert isinstance(args["transport"], RetryTransport)
    # Moved to the wrapped transport, so that the client mounts no transport past the retries.
    assert "proxy" not in args and "http2" not in args
    assert args["trust_env"] is False


def test_without_retries_the_httpx_args_are_a_copy_left_as_they_are() -> None:
    given = {"proxy": "http://127.0.0.1:9", "http2": False}
    args = with_retries(None, given, False, asynchronous=False)
    assert args == given
    assert args is not given
