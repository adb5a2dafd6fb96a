"""The harness's promises held against hostile servers, run as a user would run it.

Each test starts a throwaway server on 127.0.0.1 (hostile.py, or the mock behind a middleware of
the test's own: wrappers.py) and runs `pytest contract_tests --target-url URL ...` in a subprocess
(conftest.py). Budgets are small and deadlines short (options), so the whole module stays within a
couple of minutes.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import threading
import time
from collections.abc import Callable
from urllib.parse import quote, quote_plus

import httpx
import pytest
from starlette.middleware.base import RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp

from numbers_mock import PRIMARY_ACCOUNT
from tests.contract_tests import hostile, wrappers
from tests.contract_tests.conftest import HarnessRun, RunHarness, StartHarness

Serve = Callable[[ASGIApp], str]
KEY, SECRET = "sekritkey77", "sekritpass99"
CREDENTIALS = {"NUMBERS_API_KEY": KEY, "NUMBERS_API_SECRET": SECRET}
MOCK_CREDENTIALS = {
    "NUMBERS_API_KEY": PRIMARY_ACCOUNT.api_key,
    "NUMBERS_API_SECRET": PRIMARY_ACCOUNT.api_secret,
}
# The lifecycle alone, free to buy: the Ctrl-C tests interrupt it while a buy is held.
LIFECYCLE_BUYING = (
    "--allow-purchases",
    "--max-purchases=5",
    "--request-deadline=20",
    "--rate-limit=none",
    "-k",
    "lifecycle",
)
# A short deadline and an early circuit keep runs against dead servers short.
FAST_FAIL = ("--request-deadline=1", "--breaker-after=3", "--rate-limit=none")
ACCOUNT_CHANGES = ("/number/buy", "/number/cancel", "/number/update")
# The stated bounds (contract_tests/README.md).
DEAD_TARGET_BOUND_SECONDS = 60.0
AFTER_INTERRUPT_BOUND_SECONDS = 30.0
PEAK_MEMORY_BOUND_MIB = 250.0
# The fuzzing test's Ctrl-C comes as this account change reaches the server.
INTERRUPT_AT_CHANGE = 20


def forbidden_forms(key: str, secret: str) -> list[str]:
    """Everything that must never appear: each credential, its encodings, long token prefixes."""
    token = base64.b64encode(f"{key}:{secret}".encode()).decode()
    forms = {key, secret, token, f"{key}:{secret}"}
    for value in (key, secret, token, f"{key}:{secret}"):
        forms |= {quote(value, safe=""), quote_plus(value)}
    forms |= {token[:end] for end in range(8, len(token))}
    return sorted(forms, key=len)


def written(run: HarnessRun) -> str:
    """Everything the run wrote: terminal (both streams) and the JUnit report."""
    return "\n".join((run.stdout, run.stderr, run.junit))


def assert_nothing_leaked(run: HarnessRun, key: str = KEY, secret: str = SECRET) -> None:
    text = written(run)
    leaked = {form: text.count(form) for form in forbidden_forms(key, secret) if form in text}
    assert leaked == {}, leaked


def owned(url: str, auth: tuple[str, str] = wrappers.PRIMARY) -> set[str]:
    with httpx.Client(base_url=url, auth=auth, headers={"Accept": "application/json"}) as http:
        body = http.get("/account/numbers", params={"size": "100"}).json()
    return {str(number["msisdn"]) for number in body.get("numbers", [])}


def after(server_log: list[tuple[float, str, str]], moment: float) -> list[str]:
    return [f"{method} {path.split('?')[0]}" for at, method, path in server_log if at > moment]


def is_settling(request: str) -> bool:
    return request in ("GET /account/numbers", "POST /number/cancel")


# --- secrets ----------------------------------------------------------------------------------


@pytest.mark.parametrize("purchases", [(), ("--allow-purchases",)], ids=["read-only", "purchases"])
def test_an_echoing_server_never_gets_the_credentials_printed(
    run_harness: RunHarness, purchases: tuple[str, ...]
) -> None:
    with hostile.hostile_server(hostile.echo) as server:
        run = run_harness("--target-url", server.url, *purchases, *FAST_FAIL, env=CREDENTIALS)
    assert run.returncode == 1, run.output
    # The run did print the echoed bodies (masked), so the test looked where the leak would be.
    assert "you sent Authorization: Basic ***" in run.stdout
    assert_nothing_leaked(run)


# --- money --------------------------------------------------------------------------------------


def test_a_buy_answered_after_the_deadline_is_cancelled(
    run_harness: RunHarness, serve: Serve
) -> None:
    async def slow_buy(request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        if request.url.path == "/number/buy" and response.status_code == 200:
            # Bought, but the answer comes after the harness's 1 s deadline.
            await asyncio.sleep(2.5)
        return response

    url = serve(wrappers.behind(slow_buy))
    kept = wrappers.buy_some(url, 1)
    before = owned(url)
    run = run_harness(
        "--target-url",
        url,
        "--allow-purchases",
        "--max-purchases=2",
        "--request-deadline=1",
        "--rate-limit=none",
        "-k",
        "lifecycle",
        env=MOCK_CREDENTIALS,
    )
    assert run.returncode == 1, run.output
    assert "answer_within_deadline" in run.stdout
    time.sleep(3)  # let the last slow answer finish on the server
    assert owned(url) == before, run.output
    assert set(kept) <= before
    cancelled = next(line for line in run.stdout.splitlines() if "clean-up: cancelled:" in line)
    assert "nothing" not in cancelled, run.output


def test_ctrl_c_while_a_buy_is_in_flight(start_harness: StartHarness, serve: Serve) -> None:
    recorder = wrappers.Recorder()

    async def hold_buy(request: Request, call_next: RequestResponseEndpoint) -> Response:
        recorder.note(request)
        response = await call_next(request)
        if recorder.armed and request.url.path == "/number/buy" and response.status_code == 200:
            recorder.event.set()
            await asyncio.sleep(5)
        return response

    url = serve(wrappers.behind(hold_buy))
    wrappers.buy_some(url, 1)
    before = owned(url)
    recorder.armed = True
    running = start_harness("--target-url", url, *LIFECYCLE_BUYING, env=MOCK_CREDENTIALS)
    assert running.wait_for(recorder.event), "no buy reached the server"
    interrupted_at = running.interrupt()
    run = running.finish()
    assert run.returncode == 2, run.output
    assert time.monotonic() - interrupted_at < AFTER_INTERRUPT_BOUND_SECONDS
    sent_after = after(recorder.log, interrupted_at)
    assert all(is_settling(request) for request in sent_after), sent_after
    assert "POST /number/cancel" in sent_after, run.output
    time.sleep(5)
    assert owned(url) == before, run.output
    assert "clean-up: cancelled: " in run.stdout


def test_a_second_ctrl_c_during_the_clean_up_says_what_is_left(
    start_harness: StartHarness, serve: Serve
) -> None:
    recorder = wrappers.Recorder()
    interrupted = threading.Event()
    # Set by the clean-up's cancel (the only one after the first Ctrl-C), which is then held.
    cancelling = threading.Event()

    async def hold_buy_and_cancel(request: Request, call_next: RequestResponseEndpoint) -> Response:
        recorder.note(request)
        response = await call_next(request)
        if recorder.armed and request.url.path == "/number/buy" and response.status_code == 200:
            recorder.event.set()
            await asyncio.sleep(5)
        if interrupted.is_set() and request.url.path == "/number/cancel":
            cancelling.set()
            await asyncio.sleep(5)
        return response

    url = serve(wrappers.behind(hold_buy_and_cancel))
    recorder.armed = True
    running = start_harness("--target-url", url, *LIFECYCLE_BUYING, env=MOCK_CREDENTIALS)
    assert running.wait_for(recorder.event), "no buy reached the server"
    interrupted.set()
    running.interrupt()
    assert running.wait_for(cancelling), "the clean-up sent no cancel"
    second = running.interrupt()
    run = running.finish()
    assert run.returncode == 2, run.output
    assert time.monotonic() - second < 5
    assert "Interrupted again: stopping at once. Numbers this run may have left owned" in run.stderr
    assert "(bought)" in run.stderr or "(sent, no answer)" in run.stderr


def test_ctrl_c_while_fuzzing_account_changes(start_harness: StartHarness, serve: Serve) -> None:
    recorder = wrappers.Recorder()
    changes = itertools.count(1)

    async def count_changes(request: Request, call_next: RequestResponseEndpoint) -> Response:
        recorder.note(request)
        is_change = request.method == "POST" and request.url.path in ACCOUNT_CHANGES
        if recorder.armed and is_change and next(changes) == INTERRUPT_AT_CHANGE:
            recorder.event.set()
        return await call_next(request)

    url = serve(wrappers.behind(count_changes))
    wrappers.buy_some(url, 1)
    before = owned(url)
    recorder.armed = True
    running = start_harness(
        "--target-url",
        url,
        "--allow-purchases",
        "--max-purchases=60",
        "--rate-limit=20/s",
        "-k",
        "test_operation and (buy or cancel or update)",
        env=MOCK_CREDENTIALS,
    )
    assert running.wait_for(recorder.event), "fuzzing never reached the account changes"
    interrupted_at = running.interrupt()
    run = running.finish()
    assert run.returncode == 2, run.output
    assert time.monotonic() - interrupted_at < AFTER_INTERRUPT_BOUND_SECONDS
    sent_after = after(recorder.log, interrupted_at)
    # At most the request in flight when Ctrl-C came; the rest is the clean-up.
    assert len([r for r in sent_after if not is_settling(r)]) <= 1, sent_after
    assert owned(url) == before, run.output
    assert "interrupted (Ctrl-C)" in run.stdout


# --- time and memory ----------------------------------------------------------------------------


@pytest.mark.parametrize("behaviour", [hostile.silent, hostile.dripping], ids=["silent", "drip"])
def test_a_server_that_stops_answering_ends_the_run(
    run_harness: RunHarness, behaviour: hostile.Behaviour
) -> None:
    with hostile.hostile_server(behaviour) as server:
        run = run_harness("--target-url", server.url, *FAST_FAIL, env=CREDENTIALS)
        api_requests = len(server.api_requests())
    assert run.returncode == 1, run.output
    assert run.duration < DEAD_TARGET_BOUND_SECONDS, run.duration
    assert "circuit open: the target stopped answering" in run.stdout
    # The circuit opened after three dead requests: the rest was skipped, not waited out.
    assert api_requests == 3, api_requests
    assert_nothing_leaked(run)


def test_a_50_mb_answer_is_cut_off(run_harness: RunHarness) -> None:
    with hostile.hostile_server(hostile.huge) as server:
        run = run_harness(
            "--target-url", server.url, "--rate-limit=none", "-k", "test_operation", env=CREDENTIALS
        )
    assert run.returncode == 1, run.output
    assert "answer_within_size" in run.stdout
    assert run.peak_rss_mib < PEAK_MEMORY_BOUND_MIB, run.peak_rss_mib
    for raw_error in ("MemoryError", "JSONDecodeError", "UnicodeDecodeError"):
        assert raw_error not in run.output


# --- throttling ---------------------------------------------------------------------------------


def test_429_is_waited_out_and_retried(run_harness: RunHarness, serve: Serve) -> None:
    recorder = wrappers.Recorder()
    # The first attempts of the first three requests are throttled; each retry goes through.
    throttled_requests = (1, 3, 5)
    throttled = len(throttled_requests)

    async def throttle_first(request: Request, call_next: RequestResponseEndpoint) -> Response:
        recorder.note(request)
        api_requests = sum(1 for _, _, path in recorder.log if path != "/")
        if request.url.path != "/" and api_requests in throttled_requests:
            return PlainTextResponse("slow down", status_code=429, headers={"Retry-After": "1"})
        return await call_next(request)

    url = serve(wrappers.behind(throttle_first))
    run = run_harness(
        "--target-url", url, "--rate-limit=50/s", "-k", "paging and search", env=MOCK_CREDENTIALS
    )
    assert run.returncode == 0, run.output
    assert f"throttled (429): {throttled}," in run.stdout
    arrivals = [at for at, _, path in recorder.log if path != "/"]
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    # Each 429 said "retry after 1 s": the retry came no sooner.
    retry_gaps = [gaps[index - 1] for index in throttled_requests]
    assert all(gap >= 0.95 for gap in retry_gaps), retry_gaps


def test_a_run_answered_only_429_fails_as_throttled(run_harness: RunHarness) -> None:
    with hostile.hostile_server(hostile.always_throttled) as server:
        run = run_harness("--target-url", server.url, *FAST_FAIL, env=CREDENTIALS)
    assert run.returncode == 1, run.output
    assert "FAILED as throttled" in run.stdout
    assert run.duration < DEAD_TARGET_BOUND_SECONDS, run.duration


def test_the_rate_limit_spaces_requests(run_harness: RunHarness, serve: Serve) -> None:
    recorder = wrappers.Recorder()
    url = serve(wrappers.behind(recorder.record))
    # Asked for: a server on this machine is not limited by default.
    run = run_harness(
        "--target-url", url, "--rate-limit=5/s", "-k", "paging and search", env=MOCK_CREDENTIALS
    )
    assert run.returncode == 0, run.output
    arrivals = [at for at, _, path in recorder.log if path != "/"]
    assert len(arrivals) >= 5, arrivals
    # 5/s: N requests take at least (N - 1) / 5 seconds.
    assert arrivals[-1] - arrivals[0] >= (len(arrivals) - 1) / 5 * 0.95
