"""The HTML report from a run record: what it holds, that it is masked and self-contained, and that
the browser helpers it is tested with see what they claim to see.

Whole runs rendered in Chromium: test_run_reports.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_tests.judging.document import BUY, CANCEL, OWNED, SEARCH, UPDATE
from contract_tests.judging.redaction import Redactor
from contract_tests.reporting import html as html_report
from contract_tests.reporting.record import GateTotals, RunHeader, build_record, worker_part
from contract_tests.reporting.text import Row
from contract_tests.tally.exercised import Exercised
from contract_tests.tally.findings import Exchange, Finding, RunFindings, SeenAnswer, SentRequest
from contract_tests.tally.stats import OperationStats
from tests.contract_tests import browser
from tests.contract_tests.browser import laid_out_width

OPERATIONS = (OWNED, SEARCH, BUY, CANCEL, UPDATE)
KEY, SECRET = "sekritkey77", "sekritpass99"
TOKEN = "c2Vrcml0a2V5Nzc6c2Vrcml0cGFzczk5"  # base64 of "sekritkey77:sekritpass99"
HEADER = RunHeader(
    command=["numbers-contract", "--target-url", "http://t"],
    replay="numbers-contract --target-url http://t --hypothesis-seed 7",
    target="http://t",
    embedded=False,
    profile="quick",
    seed=7,
    started="2026-12-07T06:00:00+00:00",
    duration_seconds=12.5,
    exit_status=1,
)


def record() -> dict[str, object]:
    exercised = Exercised()
    for label in OPERATIONS:
        method, path = label.split(" ", 1)
        form = {"country": ["GB"], "msisdn": ["447700900001"]} if method == "POST" else {}
        body = b'{"count":1,"numbers":[{"msisdn":"447700900001"}]}'
        exercised.record(label, f"http://t{path}?country=GB", form, 200, "application/json", body)
        exercised.record(label, f"http://t{path}", form, 401, "text/xml", b"<x/>")
    failing = OperationStats(cases=3)
    answer = SeenAnswer(500, "text/html", "<b>boom</b> " + "x" * 400 + f" Basic {TOKEN}")
    request = SentRequest("GET", "http://t/number/search?pattern=" + "9" * 300)
    failing.record_failure(
        Finding("not_a_server_error", SEARCH, "Server error", "500", Exchange(request, answer))
    )
    findings = RunFindings()
    for finding in failing.findings:
        findings.add(finding, SEARCH, "numbers-contract -k 'test_operation and search'")
    held = OperationStats(cases=0)
    for _ in range(43):
        held.hold_back("purchase cap")
    rows = [
        Row(SEARCH, "failed", 1.0, failing),
        Row(BUY, "passed", 0.1, held),
        Row(OWNED, "passed", 0.1, OperationStats(cases=5)),
    ]
    totals = GateTotals()
    part = worker_part(
        {label: entry.to_json() for label, entry in exercised.by_label().items()},
        {"judged": {"not_a_server_error": 3}, "failed": {"not_a_server_error": 1}},
        {"sent": 10, "answers": 10},
        0,
    )
    totals.add(part)
    # A second worker's share adds up.
    totals.add(part)
    return build_record(HEADER, rows, findings.findings, totals, ["requests: 20 sent"], None)


def page() -> str:
    return Redactor.for_credentials(KEY, SECRET).redact(html_report.render(record()))


def test_the_report_holds_the_header_matrix_checks_and_findings() -> None:
    text = page()
    assert '<p class="verdict failed" id="verdict">FAILED: 1 finding, 1 of 3 tests failed' in text
    assert '<dd id="run-duration">12.5 s</dd>' in text
    for label in OPERATIONS:
        assert f'<td class="operation">{label}</td>' in text
        # Summed over the two workers' shares.
        assert f'data-operation="{label}" data-status="401">seen: 2</td>' in text
    assert f'data-operation="{SEARCH}" data-status="200">seen: 2</td>' in text
    assert f'data-operation="{SEARCH}" data-status="429">never seen</td>' in text
    assert f'data-operation="{BUY}" data-status="420">never seen</td>' in text
    assert "held back: 43, purchase cap" in text
    assert '<a href="#finding-1">finding 1</a>' in text
    assert '<section class="finding" id="finding-1">' in text
    assert f'<a href="#test-get-number-search">{SEARCH}</a>' in text
    assert '-u "$NUMBERS_API_KEY:$NUMBERS_API_SECRET"' in text.replace("&quot;", '"')
    # Markup in a server's answer is shown, not rendered; credentials are masked.
    assert "&lt;b&gt;boom&lt;/b&gt;" in text
    assert TOKEN not in text and TOKEN[:12] not in text
    # Self-contained: nothing runs, nothing is fetched.
    assert "<script" not in text and "http-equiv" not in text and "src=" not in text


def test_a_long_answer_does_not_widen_the_page(tmp_path: Path) -> None:
    report = tmp_path / "contract.html"
    report.write_text(page(), encoding="utf-8")
    assert laid_out_width(report, 1280) <= 1280
    wide = tmp_path / "wide.html"
    wide.write_text(
        '<html><body><pre style="white-space:pre">' + "x" * 2000 + "</pre></body></html>"
    )
    # The measure sees an overflow where there is one.
    assert laid_out_width(wide, 1280) > 1280


def test_a_missing_chromium_fails_in_ci_and_skips_locally(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"CI: .*no-chromium is missing"):
        browser.require_chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="no-chromium is missing"):
        browser.require_chromium()
