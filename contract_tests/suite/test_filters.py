"""Filters keep what they should: a number is found again by a piece of its own digits.

The filter checks judge the numbers an answer holds; a filter that drops matches leaves nothing for
them to judge. This test looks for a number it has just seen, by its start, a piece of its middle
or its end (`search_pattern` 0, 1, 2), and walks the result pages for it.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from contract_tests.account.harness import Harness
from contract_tests.account.lifecycle import SEARCH_COUNTRIES
from contract_tests.judging.answers import expect_status, json_body
from contract_tests.judging.document import SEARCH
from contract_tests.judging.paging import walk
from contract_tests.judging.semantics import MAX_PAGE_SIZE, page_numbers, pattern_in
from contract_tests.judging.violations import (
    FILTERS_KEEP_MATCHES,
    SEARCH_ANSWERS,
    SEARCH_OFFERS_NUMBERS,
    Violation,
)
from contract_tests.run.profiles import paging_examples
from contract_tests.tally.stats import OperationStats

_SETTINGS = settings(
    max_examples=paging_examples(),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    # No shrinking: the failure already names the number and the pattern, and shrinking would
    # spend a hundred searches to find a smaller `pick`.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)


@pytest.mark.contract_row(f"pattern search {SEARCH}")
@_SETTINGS
@given(
    country=st.sampled_from(SEARCH_COUNTRIES),
    strategy=st.sampled_from([0, 1, 2]),
    pick=st.integers(min_value=0, max_value=MAX_PAGE_SIZE - 1),
)
def test_search_finds_a_number_by_its_own_digits(
    harness: Harness, tally: OperationStats, country: str, strategy: int, pick: int
) -> None:
    with harness.target.http() as http:
        response = http.get(
            "/number/search",
            params={"country": country, "size": str(MAX_PAGE_SIZE)},
            headers={"Accept": "application/json"},
        )
        what = f"search country={country}"
        expect_status(response, what, harness.redactor, SEARCH_ANSWERS)
        body: Any = json_body(response, what, harness.redactor)
        numbers = page_numbers(body)
        if not numbers:
            # The service sells numbers in these countries: a search there finding none leaves
            # this test nothing to judge, and is a finding of its own.
            raise Violation(
                SEARCH_OFFERS_NUMBERS, f"{what} offered no number: no filter can be judged"
            )
        msisdn = str(numbers[pick % len(numbers)].get("msisdn"))
        pattern = pattern_in(msisdn, strategy)
        query = {"country": country, "pattern": pattern, "search_pattern": str(strategy)}
        found = walk(http, "/number/search", query, MAX_PAGE_SIZE, harness.redactor)
    tally.cases += 1 + len(found.page_lengths)
    if found.complete and msisdn not in found.msisdns:
        raise Violation(
            FILTERS_KEEP_MATCHES,
            f"pattern={pattern} search_pattern={strategy} country={country} left out {msisdn}, "
            f"which matches it ({len(found.msisdns)} numbers returned)",
        )
