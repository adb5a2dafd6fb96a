"""The lines a person reads."""

from __future__ import annotations

from contract_tests.reporting.text import (
    Row,
    RunInfo,
    failure_text,
    finding_block,
    progress_line,
    safety_lines,
    summary_lines,
)
from contract_tests.run.options import HarnessOptions
from contract_tests.run.run_state import RunState
from contract_tests.safety.purchases import Settlement
from contract_tests.tally.exercised import Exercised
from contract_tests.tally.findings import Exchange, Finding, RunFindings, SeenAnswer, SentRequest
from contract_tests.tally.stats import OperationStats

INFO = RunInfo(target="http://t", seed=7, profile="quick", replay="numbers-contract --x")


def stats(cases: int, xml: int, *failures: tuple[str, str]) -> OperationStats:
    result = OperationStats(cases=cases, xml_answers=xml)
    for check, message in failures:
        exchange = Exchange(
            SentRequest("GET", f"http://t/account/numbers?{check}=1"),
            SeenAnswer(200, "application/json", f'{{"{check}": 1}}'),
        )
        result.record_failure(Finding(check, "GET /account/numbers", "Title", message, exchange))
    return result


def filed(rows: list[Row]) -> list[Finding]:
    """The rows' findings as the plugin files them, numbered."""
    run = RunFindings()
    for row in rows:
        for finding in row.stats.findings if row.stats else []:
            run.add(finding, row.label, f"numbers-contract -k {row.label.split()[-1]}")
    return run.findings


def test_progress_line() -> None:
    row = Row("GET /number/search", "failed", 1.23, stats(10, 4, ("page_within_size", "m")))
    assert progress_line(row) == (
        "    -> GET /number/search: failed, 10 cases (4 XML), failures: page_within_size: 1, 1.2s"
    )


def test_summary_table_and_sections() -> None:
    rows = [
        Row("GET /number/search", "passed", 1.0, stats(120, 50)),
        Row(
            "GET /account/numbers",
            "failed",
            2.0,
            stats(30, 10, ("ignored_auth", "no auth\nmore"), ("count_covers_page", "count=1")),
        ),
        Row("POST /number/buy", "skipped", 0.0, None, note="spends money: skipped"),
    ]
    lines = summary_lines(rows, INFO, None, filed(rows))
    assert lines[0] == "target: http://t   profile: quick   seed: 7"
    header = next(line for line in lines if line.startswith("operation"))
    assert header.split() == ["operation", "cases", "xml", "result", "failures", "by", "check"]
    owned = next(line for line in lines if line.startswith("GET /account/numbers"))
    assert owned.split()[2:5] == ["30", "10", "failed"]
    assert "count_covers_page: 1, ignored_auth: 1" in owned
    assert "  POST /number/buy: spends money: skipped" in lines
    assert "Findings (2):" in lines
    assert "Finding 1: [ignored_auth] GET /account/numbers" in lines
    assert "Finding 2: [count_covers_page] GET /account/numbers" in lines
    assert lines[-1] == "Replay the run: numbers-contract --x"


def test_a_finding_block_says_rule_request_answer_and_both_replays() -> None:
    (finding,) = filed(
        [Row("GET /account/numbers", "failed", 1.0, stats(3, 0, ("ignored_auth", "no auth")))]
    )
    block = finding_block(finding)
    assert block[0] == "Finding 1: [ignored_auth] GET /account/numbers"
    text = "\n".join(block)
    assert (
        "rule:     A request without credentials, or with wrong ones, is refused with 401." in text
    )
    assert "request:  GET http://t/account/numbers?ignored_auth=1" in text
    assert "answer:   200 application/json" in text
    assert '-u "$NUMBERS_API_KEY:$NUMBERS_API_SECRET"' in text
    assert "replay:   numbers-contract -k /account/numbers" in text
    assert "Traceback" not in text
    assert failure_text([finding]).startswith("[ignored_auth] GET /account/numbers: Title (")


def test_a_green_run_has_no_failure_section() -> None:
    lines = summary_lines([Row("GET /number/search", "passed", 1.0, stats(1, 0))], INFO)
    assert not any("Findings" in line or "Replay" in line for line in lines)


def test_columns_line_up() -> None:
    rows = [
        Row("A", "passed", 0.0, stats(1, 0)),
        Row("a much longer label", "passed", 0.0, stats(100, 0)),
    ]
    lines = summary_lines(rows, INFO)
    table = [line for line in lines[2:] if line]
    starts = {line.index("passed") for line in table if "passed" in line}
    assert len(starts) == 1


def state_for(target_url: str | None) -> RunState:
    options = HarnessOptions(
        target_url=target_url,
        api_key="key",
        api_secret="secret",
        allow_purchases=True,
        max_purchases=2,
        seed=1,
    )
    return RunState.for_options(options)


def test_the_safety_lines_count_requests_and_throttling_and_say_the_clean_up() -> None:
    state = state_for("http://t")
    counters = state.gate.counters
    counters.sent, counters.answers, counters.throttled, counters.throttle_wait = 10, 10, 6, 6.0
    state.gate.tripped = "3 requests in a row were still answered 429 after 2 retries each"
    state.ledger.reserve("GB", "447700900001")
    lines = "\n".join(safety_lines(state, embedded=False))
    assert "requests: 10 sent, 10 answered, 0 without an answer; throttled (429): 6" in lines
    assert "circuit open: 3 requests in a row" in lines
    assert "FAILED as throttled: 6 of 10 answers were 429" in lines
    # The run ended before its clean-up: what may be left owned is said.
    assert "clean-up: not run; may be left owned: GB 447700900001 (sent, no answer)" in lines
    state.settlement = Settlement(cancelled=["447700900001"])
    assert "clean-up: cancelled: 447700900001" in safety_lines(state, embedded=False)


def test_the_mock_needs_no_clean_up_line() -> None:
    lines = safety_lines(state_for(None), embedded=True)
    assert not any(line.startswith("clean-up") for line in lines)
    assert not any("throttled:" in line and "FAILED" in line for line in lines)


def held(cases: int, count: int) -> OperationStats:
    result = OperationStats(cases=cases)
    for _ in range(count):
        result.hold_back("purchase cap")
    return result


def test_held_back_cases_are_said_never_passed_with_nothing_sent() -> None:
    nothing_sent = Row("POST /number/buy", "passed", 0.1, held(0, 43))
    assert nothing_sent.result == "held back: 43, purchase cap"
    assert progress_line(nothing_sent).startswith("    -> POST /number/buy: held back: 43,")
    assert "passed" not in progress_line(nothing_sent)
    some_sent = Row("POST /number/buy", "passed", 0.1, held(12, 3))
    assert some_sent.result == "passed; held back: 3, purchase cap"
    line = next(s for s in summary_lines([some_sent], INFO) if s.startswith("POST"))
    assert "passed; held back: 3, purchase cap" in line


def test_the_summary_lists_what_each_operation_exercised() -> None:
    exercised = Exercised()
    exercised.record(
        "POST /number/buy", "http://t/number/buy", {"country": ["GB"]}, 401, "text/xml", b"<x/>"
    )
    rows = [Row("POST /number/buy", "passed", 0.1, held(1, 2))]
    lines = summary_lines(rows, INFO, exercised.by_label())
    start = lines.index("Exercised (every answer of the run, whoever sent it):")
    buy = next(line for line in lines[start:] if line.startswith("POST /number/buy "))
    assert buy.split()[2:5] == ["401x1", "0", "1"]
    assert buy.endswith("held back: 2, purchase cap")
    assert "  POST /number/buy judged with a non-empty answer: nothing" in lines
