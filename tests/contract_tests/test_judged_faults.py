"""Real-target runs against `numbers-mock --fault NAME`: every blind spot the harness's judgement
of every answer closes is caught, naming the right check, and the unfaulted mock passes.

Each run is the harness as a user runs it against a server of their own (`--target-url`,
`--allow-purchases` with the default purchase cap), the mock started by the test as a user would
start it (its command line, on a free port of 127.0.0.1), so nothing of the embedded mock's
stocking helps: only what a real target allows is exercised.
"""

from __future__ import annotations

import re
import sys

import pytest

from benchmarks.targets import run_server
from tests.contract_tests.conftest import HarnessRun, RunHarness
from tests.contract_tests.runs_support import LIFECYCLE, MOCK_CREDENTIALS, assert_failed_with

SEARCH = "GET /number/search"


def run_real_target(
    run_harness: RunHarness, faults: tuple[str, ...], *args: str, purchases: bool = True
) -> HarnessRun:
    command = [sys.executable, "-m", "numbers_mock", "--log-level", "critical"]
    for fault in faults:
        command += ["--fault", fault]
    with run_server(command) as server:
        return run_harness(
            "--target-url",
            server.url,
            *(["--allow-purchases"] if purchases else []),
            # The mock is local: the limit meant for a real service would only slow the run.
            "--rate-limit=none",
            *args,
            env=MOCK_CREDENTIALS,
        )


@pytest.mark.parametrize(
    ("fault", "selection", "label", "check"),
    [
        pytest.param(
            "success-error-code-as-number",
            "lifecycle",
            LIFECYCLE,
            "response_schema_conformance",
            id="error-code-number-on-success",
        ),
        pytest.param(
            "owned-mohttpurl-not-a-url", "lifecycle", LIFECYCLE, "formats_conform", id="url"
        ),
        pytest.param(
            "xml-requests-answered-json",
            "test_operation and search",
            SEARCH,
            "answer_negotiated",
            id="xml-as-json",
        ),
        pytest.param(
            "xml-json-disagree",
            "test_operation and search",
            SEARCH,
            "json_xml_agree",
            id="json-xml-disagree",
        ),
        pytest.param(
            "search-refuses-sms-voice",
            "test_operation and search",
            SEARCH,
            "positive_data_acceptance",
            id="documented-value-refused",
        ),
    ],
)
def test_a_fault_is_caught_in_real_target_mode(
    run_harness: RunHarness, fault: str, selection: str, label: str, check: str
) -> None:
    run = run_real_target(run_harness, (fault,), "-k", selection)
    assert_failed_with(run, label, check)
    # The finding names its check in the test's own report too.
    assert check in run.stdout


def test_a_stub_refusing_everything_is_caught_before_any_test(run_harness: RunHarness) -> None:
    # The first request of a run with --allow-purchases is the snapshot of the account; its 400
    # is the run's one finding (nothing can be safe without the snapshot, so nothing else runs).
    run = run_real_target(run_harness, ("answers-400-to-everything",))
    assert run.returncode == 1, run.output
    assert "[positive_data_acceptance] GET /account/numbers answered 400" in run.output


def test_a_stub_refusing_everything_fails_the_fuzzing_without_purchases(
    run_harness: RunHarness,
) -> None:
    run = run_real_target(
        run_harness,
        ("answers-400-to-everything",),
        "-k",
        "test_operation and search",
        purchases=False,
    )
    assert_failed_with(run, SEARCH, "positive_data_acceptance")


def test_the_unfaulted_mock_passes_in_real_target_mode(run_harness: RunHarness) -> None:
    run = run_real_target(run_harness, ())
    assert run.returncode == 0, run.output
    for label in (SEARCH, "GET /account/numbers", "POST /number/buy", LIFECYCLE):
        # "passed", or "passed; held back: N, purchase cap" once the stock has spent the cap.
        assert re.search(r" passed(;| )", run.summary_row(label)), run.summary_row(label)
        assert "failed" not in run.summary_row(label)
