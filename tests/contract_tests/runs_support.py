"""Helpers of the tests that run the whole harness against the mock (with or without faults)."""

from __future__ import annotations

from numbers_mock import PRIMARY_ACCOUNT, MockApp, MockSettings, create_app
from numbers_mock.faults import fault_variant
from tests.contract_tests.conftest import HarnessRun, RunHarness

MOCK_CREDENTIALS = {
    "NUMBERS_API_KEY": PRIMARY_ACCOUNT.api_key,
    "NUMBERS_API_SECRET": PRIMARY_ACCOUNT.api_secret,
}
LIFECYCLE = "lifecycle (stateful, generated client)"


def faulty_mock(fault: str, settings: MockSettings | None = None) -> MockApp:
    """The mock with one fault of its catalogue switched on."""
    return create_app(settings, variant=fault_variant([fault]))


def run_against(run_harness: RunHarness, url: str, *args: str) -> HarnessRun:
    # These servers run here: the rate limit meant for a real service would only slow the run.
    return run_harness("--target-url", url, "--rate-limit=none", *args, env=MOCK_CREDENTIALS)


def assert_failed_with(run: HarnessRun, label: str, check: str) -> None:
    assert run.returncode == 1, run.output
    row = run.summary_row(label)
    assert "failed" in row, row
    assert f"{check}:" in row, row
