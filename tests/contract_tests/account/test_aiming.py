"""Owned-list cases aimed at the stock: one filter the stocked numbers match, of every kind."""

from __future__ import annotations

from contract_tests.account.aiming import owned_filters
from contract_tests.account.stock import APPLICATION
from contract_tests.run.run_state import Stock


def test_every_filter_of_the_owned_list_is_aimed() -> None:
    queries = owned_filters(Stock(numbers=(("GB", "447700900123"), ("US", "12015550100"))))
    assert {"country": "GB"} in queries and {"country": "US"} in queries
    assert {"pattern": "4477", "search_pattern": "0"} in queries
    assert {"pattern": "0100", "search_pattern": "2"} in queries
    assert {"application_id": APPLICATION} in queries
    assert {"has_application": "true"} in queries and {"has_application": "false"} in queries


def test_no_stock_no_aim() -> None:
    assert owned_filters(Stock()) == []
