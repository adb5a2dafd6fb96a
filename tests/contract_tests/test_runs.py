"""Whole harness runs in a subprocess: green on the mock, red (naming the right check) on faults.

Faulty servers are the mock with one fault of its catalogue switched on (`numbers_mock.faults`), so
that a failing run can only be explained by that fault: the run against the same mock without it
(`test_url_target_passes`) is green.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.types import ASGIApp

from numbers_mock import OTHER_ACCOUNT, PRIMARY_ACCOUNT, Account, MockSettings, create_app
from tests.contract_tests import wrappers
from tests.contract_tests.conftest import RunHarness
from tests.contract_tests.runs_support import (
    LIFECYCLE,
    MOCK_CREDENTIALS,
    assert_failed_with,
    faulty_mock,
    run_against,
)

Serve = Callable[[ASGIApp], str]


def test_embedded_mock_passes(run_harness: RunHarness) -> None:
    run = run_harness()
    assert run.returncode == 0, run.output
    for label in (
        "GET /account/numbers",
        "GET /number/search",
        "POST /number/buy",
        "POST /number/cancel",
        "POST /number/update",
        LIFECYCLE,
        "paging GET /number/search",
        "paging GET /account/numbers",
        "example: deprecated app links are applications",
    ):
        assert " passed " in run.summary_row(label)
    assert "embedded mock" in run.stdout
    assert 'failures="0"' in run.junit and 'errors="0"' in run.junit


def test_url_target_passes(run_harness: RunHarness, serve: Serve) -> None:
    url = serve(create_app())
    run = run_against(run_harness, url, "--allow-purchases", "--max-purchases=60")
    assert run.returncode == 0, run.output
    assert url in run.stdout
    assert " passed " in run.summary_row("POST /number/buy")
    assert " passed " in run.summary_row(LIFECYCLE)


@pytest.mark.parametrize(
    ("fault", "selection"),
    [
        pytest.param("json-count-as-string", "numbers", id="json-schema"),
        pytest.param("xml-count-as-words", "numbers", id="xml-schema"),
        pytest.param("xml-wrong-root", "numbers", id="xml-root"),
    ],
)
def test_schema_violations_are_found(
    run_harness: RunHarness, serve: Serve, fault: str, selection: str
) -> None:
    url = serve(faulty_mock(fault))
    wrappers.buy_some(url, 3)
    run = run_against(run_harness, url, "-k", selection)
    assert_failed_with(run, "GET /account/numbers", "response_schema_conformance")
    if fault == "xml-wrong-root":
        assert (
            "XML root element is <numbers-list>, the schema names it <inbound-numbers>"
            in run.stdout
        )


@pytest.mark.parametrize(
    ("fault", "label", "check"),
    [
        pytest.param(
            "search-ignores-type", "GET /number/search", "results_match_filters", id="filter"
        ),
        pytest.param(
            "page-larger-than-size", "GET /number/search", "page_within_size", id="page-size"
        ),
        pytest.param("auth-ignored", "GET /account/numbers", "ignored_auth", id="credentials"),
        pytest.param(
            "crash-on-invalid-pattern", "GET /number/search", "not_a_server_error", id="500"
        ),
    ],
)
def test_faulty_answers_are_found(
    run_harness: RunHarness, serve: Serve, fault: str, label: str, check: str
) -> None:
    url = serve(faulty_mock(fault))
    wrappers.buy_some(url, 3)
    selection = label.rsplit("/", 1)[-1]
    run = run_against(run_harness, url, "-k", f"test_operation and {selection}")
    assert_failed_with(run, label, check)
    if check == "not_a_server_error":
        # One 500 is one finding, not three (undocumented status, valid data refused).
        row = run.summary_row(label)
        assert "status_code_conformance" not in row and "positive_data_acceptance" not in row, row
    # Each failure comes with a way to reproduce it: the request, and the test from any folder.
    assert "curl -sS -i -X GET" in run.stdout
    replay = next(line for line in run.stdout.splitlines() if "replay:   numbers-contract" in line)
    assert f"--target-url={url}" in replay
    assert f"-k 'test_operation and {selection}'" in run.stdout


@pytest.mark.parametrize(
    ("fault", "check"),
    [
        pytest.param("buy-does-nothing", "purchase_shows_up", id="purchase"),
        pytest.param("cancel-does-nothing", "cancel_removes", id="cancel"),
    ],
)
def test_broken_lifecycles_are_found(
    run_harness: RunHarness, serve: Serve, fault: str, check: str
) -> None:
    url = serve(faulty_mock(fault))
    run = run_against(
        run_harness, url, "--allow-purchases", "--max-purchases=60", "-k", "lifecycle"
    )
    assert_failed_with(run, LIFECYCLE, check)


@pytest.mark.parametrize("fault", ["owned-list-shows-every-account", "buy-takes-others-numbers"])
def test_account_leaks_are_found_with_a_second_account(
    run_harness: RunHarness, serve: Serve, fault: str
) -> None:
    url = serve(faulty_mock(fault))
    other = {
        "NUMBERS_OTHER_API_KEY": OTHER_ACCOUNT.api_key,
        "NUMBERS_OTHER_API_SECRET": OTHER_ACCOUNT.api_secret,
    }
    run = run_harness(
        "--target-url",
        url,
        "--rate-limit=none",
        "--allow-purchases",
        "--max-purchases=60",
        "-k",
        "lifecycle",
        env={**MOCK_CREDENTIALS, **other},
    )
    assert_failed_with(run, LIFECYCLE, "accounts_isolated")
    assert OTHER_ACCOUNT.api_secret not in run.output


def test_no_account_changes_on_a_real_target_without_permission(
    run_harness: RunHarness, serve: Serve
) -> None:
    recorder = wrappers.Recorder()
    run = run_against(run_harness, serve(wrappers.behind(recorder.record)))
    seen = [f"{method} {path}" for _, method, path in recorder.log]
    assert run.returncode == 0, run.output
    account_paths = ("/number/buy", "/number/cancel", "/number/update")
    assert [request for request in seen if request.endswith(account_paths)] == []
    assert any(request.startswith("GET /number/search") for request in seen)
    for label in ("POST /number/buy", "POST /number/cancel", "POST /number/update", LIFECYCLE):
        assert " skipped " in run.summary_row(label)
    assert "POST /number/buy spends money on a real account" in run.stdout
    assert "--allow-purchases" in run.stdout


def test_credentials_never_appear(run_harness: RunHarness, serve: Serve, tmp_path: Path) -> None:
    key, secret = "sekritkey77", "sekritpass99"
    settings = MockSettings(accounts=(Account(key, secret),))
    url = serve(faulty_mock("crash-on-invalid-pattern", settings))
    run = run_harness(
        "--target-url",
        url,
        "--rate-limit=none",
        "--api-key",
        key,
        "--api-secret",
        secret,
        "-k",
        "search",
        f"--html-report={tmp_path / 'contract.html'}",
        f"--json-report={tmp_path / 'contract.json'}",
        env={"NUMBERS_API_KEY": "unused", "NUMBERS_API_SECRET": "unused"},
    )
    # A failing run prints the most: failures, curl commands, replay commands, the summary.
    assert run.returncode == 1, run.output
    assert "curl -sS -i -X GET" in run.stdout
    token = "c2Vrcml0a2V5Nzc6c2Vrcml0cGFzczk5"  # base64 of "sekritkey77:sekritpass99"
    html = (tmp_path / "contract.html").read_text(encoding="utf-8")
    # The HTML report has every failure with its curl replay, masked like the rest.
    assert "curl -sS -i -X GET" in html
    record = (tmp_path / "contract.json").read_text(encoding="utf-8")
    assert '"check": "not_a_server_error"' in record
    for text in (run.stdout, run.stderr, run.junit, html, record):
        assert key not in text
        assert secret not in text
        assert token not in text


def test_missing_credentials_for_a_url_are_a_usage_error(run_harness: RunHarness) -> None:
    run = run_harness("--target-url", "http://127.0.0.1:9")
    assert run.returncode == 4, run.output
    assert "NUMBERS_API_KEY" in run.stderr


def test_an_unreachable_url_is_a_usage_error(run_harness: RunHarness) -> None:
    # Port 9 (discard) on loopback: nothing listens there on a test machine.
    run = run_against(run_harness, "http://127.0.0.1:9")
    assert run.returncode == 4, run.output
    assert "cannot reach --target-url http://127.0.0.1:9" in run.stderr
    assert PRIMARY_ACCOUNT.api_secret not in run.output


def test_a_url_without_scheme_is_a_usage_error(run_harness: RunHarness) -> None:
    run = run_against(run_harness, "127.0.0.1:9")
    assert run.returncode == 4, run.output
    assert "--target-url '127.0.0.1:9' is not an http(s) URL: did you mean http://127.0.0.1:9?" in (
        run.stderr
    )
    assert "Traceback" not in run.output
