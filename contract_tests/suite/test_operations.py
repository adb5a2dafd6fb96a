"""Fuzz every operation of the vendored document and check every answer (one test per operation)."""

from __future__ import annotations

from collections.abc import Iterator

import hypothesis.strategies as st
import pytest
from schemathesis import HookContext

from contract_tests.account.aiming import aim_owned_list
from contract_tests.account.harness import Harness
from contract_tests.account.stock import stock_mock
from contract_tests.plugin import active_state
from contract_tests.run.loading import load_schema
from contract_tests.run.schemathesis_types import AnyCase

# Schemathesis builds its cases (and applies auth to them) while pytest collects, before any
# fixture: the run's state is needed here, at import.
_state = active_state()
schema = load_schema(
    seed=_state.options.seed,
    auth=_state.options.auth,
    stats=_state.stats,
    stock=_state.stock,
    transport=_state.schemathesis_transport,
    skipped=_state.skipped_checks,
)


def _aim_owned_list(context: HookContext, case: AnyCase) -> st.SearchStrategy[AnyCase]:
    return aim_owned_list(_state.stock, context, case)


schema.hook("flatmap_case")(_aim_owned_list)


@pytest.fixture(scope="module", autouse=True)
def _stocked_account(harness: Harness, target_stock: tuple[tuple[str, str], ...]) -> Iterator[None]:
    # The mock is stocked for free; a real target with what `target_stock` bought within the cap.
    if harness.target.embedded:
        harness.state.stock.numbers = stock_mock(harness.target).numbers
    else:
        harness.state.stock.numbers = target_stock
    yield
    harness.state.stock.numbers = ()


@schema.parametrize()
def test_operation(case: AnyCase, harness: Harness) -> None:
    if not harness.admit(case):
        return
    # The target's URL is known only once the session has opened it (the mock picks its port then).
    base_url = harness.target.base_url
    # The gate (under schemathesis' transport) books buys and cancels as they are answered.
    response = case.call(base_url=base_url)
    case.validate_response(response, transport_kwargs={"base_url": base_url})
