"""Aim fuzzed owned-list queries at the stocked numbers, so every filter has something to judge.

Random filters on a handful of owned numbers almost always answer an empty page, and an empty page
obeys every filter: a list that ignores `country` would pass. Now and then (as Hypothesis chooses),
a valid owned-list case is given one filter that the stock matches: a stocked number's country,
a piece of its digits (each `search_pattern`), the stocked application, `has_application` either
way. The checks then judge the numbers it answers.
"""

from __future__ import annotations

import hypothesis.strategies as st
from schemathesis import HookContext

from contract_tests.account.stock import APPLICATION
from contract_tests.judging.document import OWNED
from contract_tests.judging.semantics import pattern_in
from contract_tests.run.run_state import Stock
from contract_tests.run.schemathesis_types import AnyCase

Query = dict[str, str]


def owned_filters(stock: Stock) -> list[Query]:
    """One query per filter and stocked number (and the application filters once)."""
    queries: list[Query] = []
    for country, msisdn in stock.numbers:
        queries.append({"country": country})
        for strategy in (0, 1, 2):
            queries.append(
                {"pattern": pattern_in(msisdn, strategy, 4), "search_pattern": str(strategy)}
            )
    if queries:
        queries += [
            {"application_id": APPLICATION},
            {"has_application": "true"},
            {"has_application": "false"},
        ]
    return queries


def with_query(case: AnyCase, query: Query) -> AnyCase:
    case.query = dict(query)
    return case


def aim_owned_list(stock: Stock, context: HookContext, case: AnyCase) -> st.SearchStrategy[AnyCase]:
    meta = case.meta
    if case.operation.label != OWNED or meta is None or not meta.generation.mode.is_positive:
        return st.just(case)
    queries = owned_filters(stock)
    if not queries:
        return st.just(case)
    aimed = st.sampled_from(queries).map(lambda query: with_query(case, query))
    return st.one_of(st.just(case), aimed)
