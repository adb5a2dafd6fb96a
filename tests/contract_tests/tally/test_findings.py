"""Findings: a replay that sends the request again, one per root cause, a JSON round trip."""

from __future__ import annotations

import shlex

import pytest

from contract_tests.judging.registry import REGISTRY
from contract_tests.tally.findings import (
    ENV_CREDENTIALS,
    Exchange,
    Finding,
    RunFindings,
    SeenAnswer,
    SentRequest,
    curl_command,
    excerpt_of,
)

SEARCH_URL = "http://127.0.0.1:8080/number/search?country=GB&pattern="


def broken_search(
    check: str = "not_a_server_error", body: str = "Internal Server Error"
) -> Finding:
    exchange = Exchange(
        SentRequest("GET", SEARCH_URL, accept="application/json"),
        SeenAnswer(500, "text/plain", body),
    )
    return Finding(check, "GET /number/search", "Server error", "500", exchange)


def test_the_curl_reads_the_runs_credentials_from_the_environment() -> None:
    request = SentRequest(
        "POST", "http://t/number/buy", form="country=GB&msisdn=447700900001", accept="text/xml"
    )
    words = shlex.split(curl_command(request))
    assert words[:6] == ["curl", "-sS", "-i", "-X", "POST", "-u"]
    assert words[6] == ENV_CREDENTIALS.strip('"')
    assert words[-3:-1] == ["--data-raw", "country=GB&msisdn=447700900001"]
    assert words[-1] == "http://t/number/buy"
    assert "Accept: text/xml" in words


def test_the_curl_of_a_request_sent_with_other_credentials_sends_those() -> None:
    # ignored_auth's probe: the wrong credentials are the point of the finding.
    wrong = SentRequest("GET", "http://t/x", own_credentials=False, authorization="Basic d3Jvbmc=")
    assert "-u" not in shlex.split(curl_command(wrong))
    assert "Authorization: Basic d3Jvbmc=" in shlex.split(curl_command(wrong))
    none = SentRequest("GET", "http://t/x", own_credentials=False)
    assert "Authorization" not in curl_command(none) and "-u" not in curl_command(none)


def test_later_tests_meeting_the_same_answer_refer_to_the_first_finding() -> None:
    findings = RunFindings()
    first, new = findings.add(broken_search(), "GET /number/search", "numbers-contract -k a")
    assert new and first.number == 1 and first.replay == "numbers-contract -k a"
    again, new = findings.add(
        broken_search("status_code_conformance"), "pattern search GET /number/search", "x"
    )
    assert not new and again.number == 1
    assert again.tests == ("GET /number/search", "pattern search GET /number/search")
    assert again.also == ("status_code_conformance",)
    assert "also [status_code_conformance] Server error" in again.detail
    other, new = findings.add(broken_search(body="other"), "paging", "y")
    assert new and other.number == 2
    assert len(findings.findings) == 2


def test_a_finding_names_its_rule_from_the_registry_and_round_trips() -> None:
    finding = broken_search()
    assert finding.rule == REGISTRY["not_a_server_error"].rule
    data = finding.to_json()
    assert data["replays"]["curl"] == finding.curl
    assert Finding.from_json(data) == finding
    with pytest.raises(KeyError, match="not declared"):
        _ = broken_search("made_up_check").rule


def test_an_answer_breaking_two_checks_is_named_after_the_more_basic_one() -> None:
    findings = RunFindings()
    findings.add(broken_search("json_xml_agree", "<x/>"), "GET /number/search", "r")
    merged, new = findings.add(
        broken_search("response_schema_conformance", "<x/>"), "GET /number/search", "r"
    )
    assert not new
    assert merged.checks == ("response_schema_conformance", "json_xml_agree")
    assert merged.number == 1 and merged.replay == "r"


def test_an_excerpt_is_the_start_of_the_answer_with_its_length_when_cut() -> None:
    assert excerpt_of(b'{"count":0}') == '{"count":0}'
    cut = excerpt_of(b"x" * 5000, limit=10)
    assert cut == "x" * 10 + "... (5000 bytes)"
    assert excerpt_of("é" * 10, limit=10) == "é" * 10


def test_the_curl_of_a_request_of_the_second_account_reads_its_variables() -> None:
    request = SentRequest("GET", "http://t/account/numbers", other_account=True)
    assert '-u "$NUMBERS_OTHER_API_KEY:$NUMBERS_OTHER_API_SECRET"' in curl_command(request)
