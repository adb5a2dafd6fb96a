"""The meaning rules: each one passes what it should and names what it should not."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contract_tests.judging import semantics
from contract_tests.judging.semantics import (
    count_violations,
    error_code_violations,
    matches_pattern,
    owned_filter_violations,
    page_size,
    page_size_violations,
    pattern_in,
    search_filter_violations,
)


def q(**params: str | list[str]) -> dict[str, list[str]]:
    return {k: v if isinstance(v, list) else [v] for k, v in params.items()}


def page(*numbers: dict[str, Any], count: int | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"numbers": list(numbers)}
    if count is not None:
        body["count"] = count
    return body


GB_MOBILE = {"country": "GB", "msisdn": "447700900001", "type": "mobile-lvn", "features": ["SMS"]}
GB_LANDLINE = {
    "country": "GB",
    "msisdn": "441212340010",
    "type": "landline",
    "features": ["VOICE", "SMS"],
}
US_MOBILE = {"country": "US", "msisdn": "12015550123", "type": "mobile-lvn", "features": ["MMS"]}


# --- search --------------------------------------------------------------------------------


def test_search_results_that_obey_every_filter_pass() -> None:
    query = q(
        country="GB", type="landline", features="SMS,VOICE", pattern="4412", search_pattern="0"
    )
    assert search_filter_violations(query, page(GB_LANDLINE, count=1)) == []


def test_search_country_is_compared_without_case() -> None:
    assert search_filter_violations(q(country="gb"), page(GB_MOBILE)) == []


def test_search_names_numbers_of_another_country() -> None:
    violations = search_filter_violations(q(country="GB"), page(GB_MOBILE, US_MOBILE))
    assert violations == ["country=GB returned numbers of another country: 12015550123 is 'US'"]


def test_search_names_numbers_of_another_type() -> None:
    violations = search_filter_violations(q(country="GB", type="landline"), page(GB_MOBILE))
    assert violations == [
        "type=landline returned numbers of another type: 447700900001 is 'mobile-lvn'"
    ]


def test_search_names_numbers_lacking_a_feature() -> None:
    violations = search_filter_violations(q(country="GB", features="SMS,VOICE"), page(GB_MOBILE))
    assert len(violations) == 1
    assert violations[0].startswith(
        "features=SMS,VOICE returned numbers lacking a requested feature"
    )
    assert "447700900001" in violations[0]


@pytest.mark.parametrize(
    ("strategy", "pattern", "good", "bad"),
    [
        ("0", "4477", "447700900001", "441212340010"),
        ("1", "0090", "447700900001", "441212340010"),
        ("2", "0010", "441212340010", "447700900001"),
    ],
)
def test_search_pattern_strategies(strategy: str, pattern: str, good: str, bad: str) -> None:
    query = q(country="GB", pattern=pattern, search_pattern=strategy)
    assert search_filter_violations(query, page({"country": "GB", "msisdn": good})) == []
    violations = search_filter_violations(query, page({"country": "GB", "msisdn": bad}))
    assert len(violations) == 1
    assert bad in violations[0]


def test_search_pattern_defaults_to_starts_with() -> None:
    query = q(country="GB", pattern="0090")
    assert search_filter_violations(query, page({"country": "GB", "msisdn": "447700900001"}))


@pytest.mark.parametrize(
    "query",
    [
        q(type="satellite"),
        q(features="SMS,FAX"),
        q(pattern="99", search_pattern="7"),
        q(country=["GB", "US"]),
        q(country="GBR"),
    ],
    ids=["unknown-type", "unknown-feature", "unknown-strategy", "repeated", "three-letters"],
)
def test_ill_formed_filters_are_not_judged(query: dict[str, list[str]]) -> None:
    # A number that any well-formed reading of these filters would reject.
    odd = {"country": "FR", "msisdn": "33123456789", "type": "landline", "features": []}
    assert search_filter_violations(query, page(odd)) == []


@pytest.mark.parametrize("body", [{}, {"count": 0, "numbers": []}, None, "text", [1, 2]])
def test_empty_or_odd_bodies_have_nothing_to_judge(body: Any) -> None:
    assert search_filter_violations(q(country="GB", type="landline"), body) == []
    assert owned_filter_violations(q(country="GB"), body) == []


def test_long_offender_lists_are_cut_short() -> None:
    numbers = [{"country": "US", "msisdn": f"1201555{i:04d}"} for i in range(8)]
    (violation,) = search_filter_violations(q(country="GB"), page(*numbers))
    assert violation.endswith("and 3 more")


# --- owned ---------------------------------------------------------------------------------

APP = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"


@pytest.mark.parametrize(
    "number",
    [
        {"msisdn": "1", "app_id": APP},
        {"msisdn": "2", "messagesCallbackType": "app", "messagesCallbackValue": APP},
        {"msisdn": "3", "voiceCallbackType": "app", "voiceCallbackValue": APP},
    ],
    ids=["app_id", "messages-callback", "voice-callback"],
)
def test_a_number_linked_to_the_application_matches_application_id(number: dict[str, Any]) -> None:
    assert owned_filter_violations(q(application_id=APP), page(number)) == []
    assert owned_filter_violations(q(has_application="true"), page(number)) == []
    assert owned_filter_violations(q(has_application="false"), page(number))


def test_application_id_names_numbers_of_other_applications() -> None:
    other = {"msisdn": "447700900001", "app_id": "other"}
    (violation,) = owned_filter_violations(q(application_id=APP), page(other))
    assert "447700900001 is linked to ['other']" in violation


def test_a_tel_callback_is_not_an_application() -> None:
    number = {"msisdn": "4", "voiceCallbackType": "tel", "voiceCallbackValue": "447700900000"}
    assert owned_filter_violations(q(has_application="false"), page(number)) == []
    (violation,) = owned_filter_violations(q(has_application="true"), page(number))
    assert violation == "has_application=true returned numbers without an application: 4"


def test_has_application_that_is_not_a_boolean_is_not_judged() -> None:
    assert owned_filter_violations(q(has_application="maybe"), page({"msisdn": "5"})) == []


def test_owned_results_obey_country_and_pattern_too() -> None:
    query = q(country="US", pattern="555", search_pattern="1")
    assert owned_filter_violations(query, page(US_MOBILE)) == []
    assert len(owned_filter_violations(query, page(GB_MOBILE))) == 2


# --- page size and count ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (q(), 10),
        (q(size="3"), 3),
        (q(size="100"), 100),
        (q(size="0"), None),
        (q(size="-4"), None),
        (q(size="101"), None),
        (q(size="ten"), None),
        (q(size=["3", "4"]), None),
    ],
)
def test_page_size_is_read_from_the_query(
    query: dict[str, list[str]], expected: int | None
) -> None:
    assert page_size(query) == expected


def test_a_page_may_hold_up_to_size_numbers() -> None:
    numbers = [{"msisdn": str(i)} for i in range(10)]
    assert page_size_violations(q(), page(*numbers)) == []
    assert page_size_violations(q(size="9"), page(*numbers)) == [
        "page holds 10 numbers, more than size=9"
    ]
    assert page_size_violations(q(), page(*numbers, {"msisdn": "x"})) == [
        "page holds 11 numbers, more than size=10"
    ]


def test_count_covers_the_page() -> None:
    two = page({"msisdn": "1"}, {"msisdn": "2"}, count=2)
    assert count_violations(two) == []
    assert count_violations({**two, "count": 40}) == []
    assert count_violations({**two, "count": 1}) == [
        "count=1 is less than the 2 numbers on the page"
    ]
    assert count_violations({"numbers": two["numbers"]}) == [
        "page holds 2 numbers but the answer has no count"
    ]


def test_count_of_the_wrong_type_is_left_to_the_schema_check() -> None:
    assert count_violations(page({"msisdn": "1"}, count=True)) == []
    assert count_violations({"count": "0", "numbers": [{"msisdn": "1"}]}) == []


def test_empty_pages_need_no_count() -> None:
    assert count_violations({}) == []
    assert count_violations({"count": 0, "numbers": []}) == []


# --- error-code -----------------------------------------------------------------------------


def test_error_code_is_the_status_as_a_string() -> None:
    assert error_code_violations(420, {"error-code": "420", "error-code-label": "x"}) == []
    assert error_code_violations(420, {"error-code": 420}) == [
        "error-code is 420, expected '420' (the HTTP status, as a string)"
    ]
    assert error_code_violations(200, {"error-code": "420"})
    assert error_code_violations(200, {"count": 1}) == []
    assert error_code_violations(200, None) == []


@given(msisdn=st.from_regex(r"[0-9]{8,15}", fullmatch=True), data=st.data())
def test_pattern_strategies_agree_with_their_definitions(msisdn: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(msisdn)))
    end = data.draw(st.integers(start, len(msisdn)))
    piece = msisdn[start:end]
    assert matches_pattern(msisdn, piece, 1)
    assert matches_pattern(msisdn, msisdn[:end], 0)
    assert matches_pattern(msisdn, msisdn[start:], 2)
    assert matches_pattern(msisdn, msisdn + "9", 0) is False


def test_page_numbers_skips_non_objects() -> None:
    assert semantics.page_numbers({"numbers": [{"msisdn": "1"}, "junk", 3]}) == [{"msisdn": "1"}]


@pytest.mark.parametrize(("strategy", "pattern"), [(0, "44770"), (1, "70090"), (2, "00012")])
def test_pattern_in_takes_a_piece_the_strategy_matches(strategy: int, pattern: str) -> None:
    msisdn = "447700900012"
    assert pattern_in(msisdn, strategy) == pattern
    assert matches_pattern(msisdn, pattern, strategy)
