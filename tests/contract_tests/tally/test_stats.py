"""Tallies: distinct failures counted once, a bounded list of findings, a JSON round trip."""

from __future__ import annotations

from contract_tests.tally.findings import Exchange, Finding, SeenAnswer, SentRequest
from contract_tests.tally.stats import MAX_FINDINGS_PER_TEST, OperationStats, RunStats


def finding(check: str, summary: str, detail: str, url: str = "http://t/number/search") -> Finding:
    exchange = Exchange(SentRequest("GET", url), SeenAnswer(500, "text/plain", "boom"))
    return Finding(check, "GET /number/search", summary, detail, exchange)


def test_a_failure_replayed_while_shrinking_counts_once_and_keeps_the_last_request() -> None:
    stats = OperationStats()
    for size in (30, 12, 2):
        stats.record_failure(
            finding("page_within_size", "Custom check failed", "too long", f"http://t/?size={size}")
        )
    stats.record_failure(finding("page_within_size", "Custom check failed", "page holds 12"))
    assert stats.failures == {"page_within_size": 2}
    first = stats.findings[0].exchange
    assert first is not None and first.request.url == "http://t/?size=2"


def test_findings_are_bounded() -> None:
    stats = OperationStats()
    for i in range(MAX_FINDINGS_PER_TEST + 2):
        stats.record_failure(finding("not_a_server_error", "Server error", f"case {i}"))
    assert len(stats.findings) == MAX_FINDINGS_PER_TEST
    assert stats.failures["not_a_server_error"] == MAX_FINDINGS_PER_TEST + 2


def test_json_round_trip() -> None:
    stats = OperationStats()
    stats.record_case(xml=True)
    stats.record_case(xml=False)
    for _ in range(4):
        stats.hold_back("purchase cap")
    stats.record_failure(
        finding("ignored_auth", "API accepts requests without authentication", "m")
    )
    again = OperationStats.from_json(stats.to_json())
    assert again.to_json() == stats.to_json()
    assert (again.cases, again.xml_answers, again.not_sent) == (2, 1, 4)


def test_a_label_is_taken_once() -> None:
    run = RunStats()
    run.for_label("GET /number/search").record_case(xml=False)
    taken = run.take("GET /number/search")
    assert taken is not None and taken.cases == 1
    assert run.take("GET /number/search") is None
