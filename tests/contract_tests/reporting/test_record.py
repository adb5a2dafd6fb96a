"""The run record: the verdict line, the checks table, the workers' shares added up, masking."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema_rs

from contract_tests.judging.redaction import Redactor
from contract_tests.judging.registry import REGISTRY
from contract_tests.reporting.record import (
    GateTotals,
    RunHeader,
    build_record,
    checks_table,
    load_schema,
    verdict,
    worker_part,
    write_record,
)
from contract_tests.reporting.text import Row
from contract_tests.tally.findings import Exchange, Finding, RunFindings, SeenAnswer, SentRequest
from contract_tests.tally.stats import OperationStats

HEADER = RunHeader(
    command=["numbers-contract", "--api-key", "***"],
    replay="numbers-contract --hypothesis-seed 1",
    target="http://t",
    embedded=False,
    profile="ci",
    seed=1,
    started="2026-12-07T06:00:00+00:00",
    duration_seconds=1.0,
    exit_status=0,
)


def a_finding(check: str = "page_within_size") -> Finding:
    exchange = Exchange(SentRequest("GET", "http://t/x"), SeenAnswer(200, "application/json", "{}"))
    return Finding(check, "GET /number/search", "too long", "11 numbers", exchange, tests=("t",))


def test_the_verdict_says_passed_only_without_failures_or_findings() -> None:
    rows = [Row("a", "passed", 0.1, OperationStats(cases=4)), Row("b", "skipped", 0.0)]
    assert verdict(rows, [], failed=False) == {
        "passed": True,
        "line": "PASSED: 1 of 2 tests passed (4 cases), no finding",
    }
    assert verdict(rows, [], failed=True)["passed"] is False
    failing = verdict([Row("a", "failed", 0.1, OperationStats(cases=4))], [a_finding()], False)
    assert failing["line"] == "FAILED: 1 finding, 1 of 1 tests failed (4 cases)"


def test_every_declared_check_is_in_the_table_with_what_it_judged() -> None:
    totals = GateTotals()
    for _ in range(2):
        totals.add(
            worker_part({}, {"judged": {"page_within_size": 5}, "failed": {}}, {"sent": 3}, 1)
        )
    table = {row["id"]: row for row in checks_table(totals, [a_finding()])}
    assert set(table) == set(REGISTRY)
    assert table["page_within_size"]["judged"] == 10
    assert table["page_within_size"]["findings"] == 1
    # A rule judged over sequences (the paging walk) counts no answers.
    assert table["pages_hold_each_number_once"]["judged"] is None
    assert totals.counters["sent"] == 6 and totals.purchases == 2


def test_a_written_record_is_masked_and_valid(tmp_path: Path) -> None:
    finding = Finding(
        "ignored_auth",
        "GET /account/numbers",
        "accepted",
        "sent sekritpass99",
        Exchange(
            SentRequest("GET", "http://t/account/numbers", own_credentials=False),
            SeenAnswer(200, "application/json", '{"key": "sekritkey77"}'),
        ),
    )
    filed, _ = RunFindings().add(finding, "GET /account/numbers", "numbers-contract")
    rows = [Row("GET /account/numbers", "failed", 1.0)]
    record = build_record(HEADER, rows, [filed], None, [], None)
    path = tmp_path / "run.json"
    write_record(record, path, Redactor.for_credentials("sekritkey77", "sekritpass99").redact)
    text = path.read_text(encoding="utf-8")
    assert "sekritkey77" not in text and "sekritpass99" not in text
    jsonschema_rs.validate(load_schema(), json.loads(text))
