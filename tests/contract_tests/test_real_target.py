"""Real-target mode (`--target-url URL --allow-purchases`, the default purchase cap) against the
mock served here, with and without one fault: the stock gives every check something to judge.

Each faulty server is the mock with one fault of its catalogue switched on (`numbers_mock.faults`);
the same run against the plain mock passes (`test_the_plain_mock_passes_in_real_target_mode`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from starlette.middleware.base import RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp

from numbers_mock import create_app
from tests.contract_tests import wrappers
from tests.contract_tests.conftest import RunHarness
from tests.contract_tests.runs_support import (
    LIFECYCLE,
    assert_failed_with,
    faulty_mock,
    run_against,
)

Serve = Callable[[ASGIApp], str]
STOCKED_FILTERS = "stocked filters GET /account/numbers"
OPERATIONS = (
    "GET /account/numbers",
    "GET /number/search",
    "POST /number/buy",
    "POST /number/cancel",
    "POST /number/update",
)


def test_the_plain_mock_passes_in_real_target_mode(
    run_harness: RunHarness, serve: Serve, tmp_path: Path
) -> None:
    report = tmp_path / "contract.html"
    url = serve(create_app())
    run = run_against(run_harness, url, "--allow-purchases", f"--html-report={report}")
    assert run.returncode == 0, run.output
    # The default cap (2) is spent on the stock: one number in each of two countries.
    assert "stock: bought GB " in run.stdout and ", US " in run.stdout
    assert "linked to aaaaaaaa-bbbb-cccc-dddd-0123456789ab" in run.stdout
    assert "webhook https://example.com/webhooks/inbound-sms" in run.stdout
    assert " passed " in run.summary_row(STOCKED_FILTERS)
    assert " passed " in run.summary_row(LIFECYCLE)
    # Buys past the cap: the malformed ones are sent, the others held back, and said so.
    buy = run.summary_row("POST /number/buy")
    assert "held back: " in buy and ", purchase cap" in buy, buy
    assert buy.split()[3] != "0", buy
    exercised = run.stdout.rpartition("Exercised")[2]
    for label in OPERATIONS:
        assert f"\n{label} " in exercised, exercised
    owned = next(line for line in exercised.splitlines() if "GET /account/numbers judged" in line)
    for name in ("country=", "pattern=", "application_id=", "has_application="):
        assert name in owned, owned
    # The same, in the JUnit report's properties and in the HTML report.
    for label in OPERATIONS:
        assert f'<property name="exercised {label}" value="statuses ' in run.junit
        assert f'<td class="operation">{label}</td>' in report.read_text(encoding="utf-8")
    assert '<property name="stock" value="bought GB ' in run.junit
    # Everything bought is cancelled by the end, the stock included (the decisive probes cancel
    # one stocked number, the fuzzing of cancel the other, the clean-up whatever is left): the
    # account, which owned nothing, owns nothing again.
    assert "clean-up: cancelled: " in run.stdout
    assert "clean-up: not cancelled" not in run.stdout
    with httpx.Client(base_url=url, auth=wrappers.PRIMARY) as http:
        assert http.get("/account/numbers").json() == {}


def test_an_owned_list_ignoring_country_is_found(run_harness: RunHarness, serve: Serve) -> None:
    url = serve(faulty_mock("owned-ignores-country"))
    run = run_against(run_harness, url, "--allow-purchases", "-k", "owned_filters")
    assert_failed_with(run, STOCKED_FILTERS, "filters_hold_only_matches")
    assert "country=GB returned numbers of another country" in run.stdout


@pytest.mark.parametrize(
    ("fault", "check", "message"),
    [
        pytest.param(
            "update-drops-mohttpurl",
            "owned_fields_kept",
            "moHttpUrl = None (expected 'https://example.com/webhooks/inbound-sms')",
            id="update-drops-webhook",
        ),
        # The default cap goes to the stock, so the lifecycle buys nothing of its own: it buys the
        # stock again, which a correct server refuses with 420 and this one sells a second time.
        pytest.param(
            "buy-owned-again-succeeds",
            "buy_owned_refused",
            "already owned, answered 200 (expected 420)",
            id="stock-sold-twice",
        ),
    ],
)
def test_the_lifecycle_finds_at_the_default_cap(
    run_harness: RunHarness, serve: Serve, fault: str, check: str, message: str
) -> None:
    url = serve(faulty_mock(fault))
    run = run_against(run_harness, url, "--allow-purchases", "-k", "lifecycle")
    assert_failed_with(run, LIFECYCLE, check)
    assert message in run.stdout


def test_a_stateless_owned_list_is_not_a_lost_purchase(
    run_harness: RunHarness, serve: Serve
) -> None:
    url = serve(faulty_mock("owned-list-stateless"))
    # Nothing bought: what differs is only what the account owned before the run.
    run = run_against(run_harness, url, "--allow-purchases", "--max-purchases=0", "-k", "lifecycle")
    row = run.summary_row(LIFECYCLE)
    assert_failed_with(run, LIFECYCLE, "owned_list_matches")
    assert "purchase_shows_up" not in row, row
    assert "owned list lacks numbers the account owned when the test started" in run.stdout
    # With the default cap the stock is bought, and it is the stock's own purchases that do not
    # show: said once, naming them.
    run = run_against(run_harness, url, "--allow-purchases", "-k", "lifecycle")
    assert_failed_with(run, LIFECYCLE, "purchase_shows_up")
    assert (
        "stocking: bought " in run.stdout and "but the owned list does not show them" in run.stdout
    )


def test_buys_that_cannot_buy_run_past_the_cap(run_harness: RunHarness, serve: Serve) -> None:
    refused: list[int] = []

    async def record(request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        if request.url.path == "/number/buy" and response.status_code in (400, 401):
            refused.append(response.status_code)
        return response

    run = run_against(
        run_harness,
        serve(wrappers.behind(record)),
        "--allow-purchases",
        "--max-purchases=0",
        "-k",
        "test_operation and buy",
    )
    assert run.returncode == 0, run.output
    row = run.summary_row("POST /number/buy")
    assert "passed; held back: " in row and ", purchase cap" in row, row
    # Sent after the cap was spent (it was 0 from the start): each refused as a correct server must.
    assert len(refused) > 5, refused
    assert "clean-up: cancelled: nothing" in run.stdout


def test_a_cancel_that_does_nothing_is_found_by_the_clean_up(
    run_harness: RunHarness, serve: Serve
) -> None:
    # Fuzzing cancels the stock (200) and the account keeps it: the clean-up, which checks that
    # every number the run bought is gone at the end, names both the numbers and the rule.
    url = serve(faulty_mock("cancel-does-nothing"))
    run = run_against(run_harness, url, "--allow-purchases", "-k", "test_operation and cancel")
    assert run.returncode == 1, run.output
    kept = [line for line in run.stdout.splitlines() if line.startswith("clean-up: not cancelled")]
    assert len(kept) == 2, run.stdout
    assert all(
        "cancelling answered 200, and the account still owns it (cancel_removes)" in line
        for line in kept
    ), kept
    assert "new on the account but not bought by this run" not in run.stdout
