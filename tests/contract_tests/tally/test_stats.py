"""Tallies: distinct failures counted once, a bounded list of examples, a JSON round trip."""

from __future__ import annotations

from contract_tests.tally.stats import MAX_EXAMPLES_PER_OPERATION, OperationStats, RunStats


def test_a_failure_replayed_while_shrinking_counts_once() -> None:
    stats = OperationStats()
    for _ in range(3):
        stats.record_failure("page_within_size", "Custom check failed", "page holds 11", "curl a")
    stats.record_failure("page_within_size", "Custom check failed", "page holds 12", "curl b")
    assert stats.failures == {"page_within_size": 2}


def test_examples_are_bounded() -> None:
    stats = OperationStats()
    for i in range(MAX_EXAMPLES_PER_OPERATION + 2):
        stats.record_failure("not_a_server_error", "Server error", f"case {i}", "curl")
    assert len(stats.examples) == MAX_EXAMPLES_PER_OPERATION
    assert stats.failures["not_a_server_error"] == MAX_EXAMPLES_PER_OPERATION + 2


def test_json_round_trip() -> None:
    stats = OperationStats()
    stats.record_case(xml=True)
    stats.record_case(xml=False)
    for _ in range(4):
        stats.hold_back("purchase cap")
    stats.record_failure("ignored_auth", "API accepts requests without authentication", "m", "c")
    again = OperationStats.from_json(stats.to_json())
    assert again.to_json() == stats.to_json()
    assert (again.cases, again.xml_answers, again.not_sent) == (2, 1, 4)


def test_a_label_is_taken_once() -> None:
    run = RunStats()
    run.for_label("GET /number/search").record_case(xml=False)
    taken = run.take("GET /number/search")
    assert taken is not None and taken.cases == 1
    assert run.take("GET /number/search") is None
