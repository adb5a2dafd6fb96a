"""Every filter of the owned list, tried on numbers the account owns (the stock), judged both ways.

Fuzzing tries the filters at random, and on a real account random filters over a few numbers
nearly always answer an empty page, which obeys every filter. Here each filter is tried with values
taken from the account's own numbers (each country, a piece of each stocked number's digits with
each `search_pattern`, each linked application, `has_application` either way): the answer must
hold only numbers that match (`filters_hold_only_matches`, the rule of schemathesis-side
`results_match_filters`) and every owned number that does
(`filters_keep_matches`). Without a stock (a real account, no `--allow-purchases`) the account's
own numbers are used, read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pytest

from contract_tests.account import numbers as account
from contract_tests.account.harness import Harness
from contract_tests.account.stock import report_findings_once, stock_mock
from contract_tests.judging.answers import expect_status, json_body
from contract_tests.judging.document import OWNED
from contract_tests.judging.semantics import (
    MAX_PAGE_SIZE,
    linked_applications,
    matches_pattern,
    owned_filter_violations,
    page_numbers,
    pattern_in,
)
from contract_tests.judging.violations import (
    FILTERS_HOLD_ONLY_MATCHES,
    FILTERS_KEEP_MATCHES,
    OWNED_LIST_ANSWERS,
    Violation,
)
from contract_tests.tally.stats import OperationStats

Number = Mapping[str, Any]
# On an account the run did not stock, the pattern filters are tried on this many of its numbers.
MAX_PATTERN_NUMBERS = 3
# A filter as sent, and which owned numbers it must keep.
Filter = tuple[dict[str, str], Callable[[Number], bool]]


def _in_country(country: str) -> Callable[[Number], bool]:
    return lambda number: number.get("country") == country


def _linked_to(application: str) -> Callable[[Number], bool]:
    return lambda number: application in linked_applications(number)


def _has_application(wanted: bool) -> Callable[[Number], bool]:
    return lambda number: bool(linked_applications(number)) == wanted


def _pattern_filter(msisdn: str, strategy: int) -> Filter:
    pattern = pattern_in(msisdn, strategy, 4)
    return (
        {"pattern": pattern, "search_pattern": str(strategy)},
        lambda n: matches_pattern(str(n.get("msisdn")), pattern, strategy),
    )


def filters_for(owned: Sequence[Number], stocked: set[str]) -> list[Filter]:
    """The filters worth trying on this account: each keeps at least one of its numbers."""
    filters: list[Filter] = []
    for country in sorted({str(n.get("country")) for n in owned}):
        filters.append(({"country": country}, _in_country(country)))
    for msisdn in sorted(stocked):
        filters += [_pattern_filter(msisdn, strategy) for strategy in (0, 1, 2)]
    applications: set[str] = set()
    for number in owned:
        applications |= linked_applications(number)
    for application in sorted(applications):
        filters.append(({"application_id": application}, _linked_to(application)))
    for wanted in (True, False):
        if any(bool(linked_applications(n)) == wanted for n in owned):
            filters.append(({"has_application": str(wanted).lower()}, _has_application(wanted)))
    return filters


@pytest.mark.contract_row(f"stocked filters {OWNED}")
def test_owned_filters_on_the_stock(
    harness: Harness, tally: OperationStats, target_stock: tuple[tuple[str, str], ...]
) -> None:
    report_findings_once(harness.state.stock)
    if harness.target.embedded:
        stocked = {msisdn for _, msisdn in stock_mock(harness.target).owned}
    else:
        stocked = {msisdn for _, msisdn in target_stock}
    owned = [
        number.to_dict()
        for number in account.owned_numbers(harness.target.client(), harness.redactor)
    ]
    tally.cases += 1
    listed = {str(n.get("msisdn")) for n in owned}
    if not stocked:
        # Read-only on a real account (no --allow-purchases): its own numbers, if it has any.
        stocked = set(sorted(listed)[:MAX_PATTERN_NUMBERS])
    if not stocked & listed:
        pytest.skip("the account shows none of the stocked numbers: nothing to filter on")
    problems: list[tuple[str, str]] = []
    with harness.target.http() as http:
        for query, keeps in filters_for(owned, stocked):
            what = f"{OWNED}?" + "&".join(f"{k}={v}" for k, v in query.items())
            response = http.get(
                "/account/numbers",
                params={**query, "size": str(MAX_PAGE_SIZE)},
                headers={"Accept": "application/json"},
            )
            tally.record_case(xml=False)
            expect_status(response, what, harness.redactor, OWNED_LIST_ANSWERS)
            body = json_body(response, what, harness.redactor)
            for problem in owned_filter_violations({k: [v] for k, v in query.items()}, body):
                problems.append((FILTERS_HOLD_ONLY_MATCHES, f"{what}: {problem}"))
            shown = {str(n.get("msisdn")) for n in page_numbers(body)}
            dropped = sorted(str(n.get("msisdn")) for n in owned if keeps(n))
            dropped = [msisdn for msisdn in dropped if msisdn not in shown]
            if dropped and len(owned) <= MAX_PAGE_SIZE:
                problems.append((FILTERS_KEEP_MATCHES, f"{what} left out owned {dropped}"))
    if problems:
        check = problems[0][0]
        raise Violation(check, "\n".join(detail for _, detail in problems))
