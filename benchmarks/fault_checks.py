"""Which check of the contract harness is expected to catch each of the mock's faults.

Harness metadata, kept with the benchmarks that measure it rather than in the mock, which only
serves the faults. A check is named by its id in the harness's registry
(`contract_tests/judging/registry.py`), as the run record reports it; a test holds every
expectation to the registry.
"""

from __future__ import annotations

from collections.abc import Mapping

from numbers_mock.faults import Fault

__all__ = ["EXPECTED_CHECKS", "expected_check"]

EXPECTED_CHECKS: Mapping[str, str] = {
    "crash-on-odd-pattern": "not_a_server_error",
    # Every run's coverage phase sends an empty pattern: this one does not wait for luck.
    "crash-on-invalid-pattern": "not_a_server_error",
    "crash-past-last-page": "not_a_server_error",
    "crash-on-non-ascii-update": "not_a_server_error",
    "auth-ignored": "ignored_auth",
    "auth-any-credentials": "ignored_auth",
    "search-ignores-type": "results_match_filters",
    "search-ignores-features": "results_match_filters",
    # The numbers it returns do contain the pattern: only a search that misses one shows it.
    "search-pattern-always-starts-with": "filters_keep_matches",
    "owned-ignores-has-application": "results_match_filters",
    # Random countries over a few owned numbers answer empty pages: the stock's own countries,
    # tried by test_owned_filters.py, show it.
    "owned-ignores-country": "filters_hold_only_matches",
    "page-larger-than-size": "page_within_size",
    "pages-overlap": "pages_hold_each_number_once",
    "index-from-zero": "pages_hold_each_number_once",
    "count-is-page-length": "pages_hold_each_number_once",
    "count-one-short": "count_covers_page",
    "json-count-as-string": "response_schema_conformance",
    "json-features-as-string": "response_schema_conformance",
    "json-limitation-without-reach": "response_schema_conformance",
    "json-error-code-as-number": "response_schema_conformance",
    "xml-count-as-words": "response_schema_conformance",
    "xml-wrong-root": "response_schema_conformance",
    "xml-limitations-as-elements": "response_schema_conformance",
    "xml-errors-as-json": "response_schema_conformance",
    "buy-does-nothing": "purchase_shows_up",
    "cancel-does-nothing": "cancel_removes",
    "update-does-nothing": "update_shows",
    "update-drops-mohttpurl": "owned_fields_kept",
    # Not `purchase_shows_up`: the lifecycle sees numbers it did not buy come and go.
    "owned-list-stateless": "owned_list_matches",
    "cancel-unowned-succeeds": "cancel_unowned_refused",
    "buy-owned-again-succeeds": "buy_owned_refused",
    "search-offers-owned": "search_excludes_owned",
    "owned-list-shows-every-account": "accounts_isolated",
    "buy-takes-others-numbers": "accounts_isolated",
    "refusal-as-404": "status_code_conformance",
    "search-empty-as-404": "status_code_conformance",
    "field-errors-as-200": "negative_data_rejection",
    # A success of an account change is reached on a real target by the lifecycle, through the
    # generated client: the harness's judgement of every answer
    # (contract_tests/judging/answer_rules.py).
    "success-error-code-as-number": "response_schema_conformance",
    "owned-mohttpurl-not-a-url": "formats_conform",
    "xml-requests-answered-json": "answer_negotiated",
    "xml-json-disagree": "json_xml_agree",
    "search-refuses-sms-voice": "positive_data_acceptance",
    "answers-400-to-everything": "positive_data_acceptance",
    "json-as-text-plain": "content_type_conformance",
    "xml-as-application-xml": "content_type_conformance",
}


def expected_check(fault: Fault) -> str:
    """The check expected to catch `fault`; `KeyError` for a fault the table does not know."""
    return EXPECTED_CHECKS[fault.name]
