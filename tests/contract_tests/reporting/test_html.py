"""The HTML report: what it holds, that it is masked, and that a browser renders it."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_tests.judging.document import BUY, CANCEL, OWNED, SEARCH, UPDATE
from contract_tests.judging.redaction import Redactor
from contract_tests.reporting import html as html_report
from contract_tests.reporting.text import Row, RunInfo
from contract_tests.tally.exercised import Exercised
from contract_tests.tally.stats import OperationStats
from tests.contract_tests import browser
from tests.contract_tests.browser import png_colours, render

OPERATIONS = (OWNED, SEARCH, BUY, CANCEL, UPDATE)
KEY, SECRET = "sekritkey77", "sekritpass99"
TOKEN = "c2Vrcml0a2V5Nzc6c2Vrcml0cGFzczk5"  # base64 of "sekritkey77:sekritpass99"
INFO = RunInfo(target="http://t", seed=7, profile="quick", replay="pytest contract_tests --x")


def page() -> str:
    exercised = Exercised()
    for label in OPERATIONS:
        method, path = label.split(" ", 1)
        form = {"country": ["GB"], "msisdn": ["447700900001"]} if method == "POST" else {}
        exercised.record(
            label,
            f"http://t{path}?country=GB",
            form,
            200,
            "application/json",
            b'{"count":1,"numbers":[{"msisdn":"447700900001"}]}',
        )
        exercised.record(label, f"http://t{path}", form, 401, "text/xml", b"<x/>")
    failing = OperationStats(cases=3)
    failing.record_failure(
        "not_a_server_error",
        "Server error",
        "500 <b>boom</b>",
        f"curl -X GET -H 'Authorization: Basic {TOKEN}' http://t/number/search?pattern=x",
    )
    held = OperationStats(cases=0)
    for _ in range(43):
        held.hold_back("purchase cap")
    rows = [
        Row(SEARCH, "failed", 1.0, failing),
        Row(BUY, "passed", 0.1, held),
        Row(OWNED, "passed", 0.1, OperationStats(cases=5)),
    ]
    text = html_report.render(
        INFO, rows, exercised.by_label(), ["", "clean-up: cancelled: nothing"]
    )
    return Redactor.for_credentials(KEY, SECRET).redact(text)


def test_the_report_holds_every_operation_failure_and_replay() -> None:
    text = page()
    for label in OPERATIONS:
        assert f'<td class="operation">{label}</td>' in text
    assert "200x1 401x1" in text
    assert "country=GB" in text
    assert "held back: 43, purchase cap" in text
    assert "passed, 0 cases" not in text
    assert "curl -X GET" in text and "http://t/number/search?pattern=x" in text
    # Markup in a server's answer is shown, not rendered.
    assert "500 &lt;b&gt;boom&lt;/b&gt;" in text
    assert TOKEN not in text and TOKEN[:12] not in text


def test_the_report_renders_in_chromium(tmp_path: Path) -> None:
    report = tmp_path / "contract.html"
    report.write_text(page(), encoding="utf-8")
    rendered = render(report)
    # Not blank: text, table borders and the coloured result cells give many colours.
    assert len(png_colours(rendered.png)) > 8
    for label in OPERATIONS:
        assert f'<td class="operation">{label}</td>' in rendered.dom, rendered.dom[:2000]
    assert "Failures (1)" in rendered.dom


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
