"""The generated client and the harness itself through the proxy, on one faulty mock: the proxy
names the fault under the check id the harness names it by."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from numbers_api_client.api.default import get_available_numbers
from numbers_api_client.client import AuthenticatedClient

from numbers_mock import PRIMARY_ACCOUNT, MockSettings, create_app, serve_in_thread
from numbers_mock.faults import fault_variant
from numbers_proxy.assembly import assemble
from numbers_proxy.server import serve_in_thread as serve_proxy
from tests.summary_text import contract_summary

from .conftest import settle

FAULT = "json-count-as-string"
CHECK = "response_schema_conformance"
SEARCH = "GET /number/search"
REPOSITORY = Path(__file__).resolve().parents[2]


def server_checks(session_record: dict[str, object], operation: str) -> set[str]:
    findings = session_record["findings"]
    assert isinstance(findings, list)
    return {f["check"] for f in findings if f["operation"] == operation and f["side"] == "server"}


def test_the_generated_client_and_the_harness_agree_with_the_proxy(tmp_path: Path) -> None:
    mock = create_app(MockSettings(), fault_variant([FAULT]))
    try:
        with serve_in_thread(mock) as upstream:
            app, session = assemble(upstream, True, None)
            with serve_proxy(app) as url:
                key, secret = PRIMARY_ACCOUNT.auth
                client = AuthenticatedClient(base_url=url, api_key=key, api_secret=secret)
                with client:
                    get_available_numbers.sync_detailed(client=client, country="GB")
                settle(app)
                by_client = server_checks(session.as_record(), SEARCH)
                harness = _run_harness(url, tmp_path)
            by_both = server_checks(session.as_record(), SEARCH)
    finally:
        mock.close()
    assert by_client == {CHECK}
    assert harness.returncode == 1, harness.stdout[-3000:]
    row = next(line for line in _summary(harness.stdout) if line.startswith(SEARCH))
    assert f"{CHECK}:" in row, row
    assert CHECK in by_both


def _run_harness(url: str, folder: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("NUMBERS_API_KEY", "NUMBERS_API_SECRET", "HYPOTHESIS_PROFILE")
    }
    environment["NUMBERS_API_KEY"], environment["NUMBERS_API_SECRET"] = PRIMARY_ACCOUNT.auth
    command = [sys.executable, "-m", "pytest", "contract_tests", "--target-url", url]
    command += ["--rate-limit=none", "-k", "test_operation and search", "-p", "no:cacheprovider"]
    command += ["--hypothesis-profile=quick", "--hypothesis-seed=1", "--assert=plain"]
    command += [f"--junitxml={folder / 'junit.xml'}"]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPOSITORY,
        env=environment,
    )


def _summary(stdout: str) -> list[str]:
    return [line.strip() for line in contract_summary(stdout).splitlines()]
