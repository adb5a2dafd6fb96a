"""Paging through a list returns each number once (a walk over many requests, not one answer)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contract_tests.account import numbers as account
from contract_tests.account.harness import Harness
from contract_tests.account.lifecycle import SEARCH_COUNTRIES
from contract_tests.judging.answers import json_body
from contract_tests.judging.document import OWNED, SEARCH
from contract_tests.judging.paging import walk
from contract_tests.judging.violations import PAGES_HOLD_EACH_NUMBER_ONCE, Violation
from contract_tests.run.profiles import paging_examples
from contract_tests.tally.stats import OperationStats

# How many numbers the owned list gets on the mock before its walk (a real account is walked as is).
MOCK_OWNED_NUMBERS = 13
_SETTINGS = settings(
    max_examples=paging_examples(),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def owned_on_mock(harness: Harness, target_stock: tuple[tuple[str, str], ...]) -> None:
    """On the mock, buy a few numbers, so that the owned list has pages to walk (a real target's
    owned list is walked with the stock in it)."""
    if not harness.target.embedded:
        return
    harness.target.reset()
    client = harness.target.client()
    with harness.target.http() as http:
        answer = http.get(
            "/number/search",
            params={"country": "GB", "size": "100"},
            headers={"Accept": "application/json"},
        )
        pool = json_body(answer, "setup: search country=GB", harness.redactor)
    for number in pool.get("numbers", [])[:MOCK_OWNED_NUMBERS]:
        status = account.buy(client, number["country"], number["msisdn"])
        assert status == 200, f"setup: buying {number['msisdn']} on the mock answered {status}"


@pytest.mark.contract_row(f"paging {SEARCH}")
@_SETTINGS
@given(size=st.integers(min_value=1, max_value=30), country=st.sampled_from(SEARCH_COUNTRIES))
def test_search_pages_hold_each_number_once(
    harness: Harness, tally: OperationStats, size: int, country: str
) -> None:
    with harness.target.http() as http:
        result = walk(http, "/number/search", {"country": country}, size, harness.redactor)
    tally.cases += len(result.page_lengths)
    if result.problems:
        raise Violation(PAGES_HOLD_EACH_NUMBER_ONCE, "\n".join(result.problems))


@pytest.mark.contract_row(f"paging {OWNED}")
@_SETTINGS
@given(size=st.integers(min_value=1, max_value=20))
def test_owned_pages_hold_each_number_once(
    harness: Harness, owned_on_mock: None, tally: OperationStats, size: int
) -> None:
    with harness.target.http() as http:
        result = walk(http, "/account/numbers", {}, size, harness.redactor)
    tally.cases += len(result.page_lengths)
    if result.problems:
        raise Violation(PAGES_HOLD_EACH_NUMBER_ONCE, "\n".join(result.problems))
