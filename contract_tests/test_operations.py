"""Fuzz every operation of the vendored document and check every answer (one test per operation)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contract_tests.harness import Harness
from contract_tests.loading import load_schema
from contract_tests.plugin import active_state
from contract_tests.schemathesis_types import AnyCase
from contract_tests.stock import stock_mock

# Schemathesis builds its cases (and applies auth to them) while pytest collects, before any
# fixture: the run's state is needed here, at import.
_state = active_state()
schema = load_schema(
    seed=_state.options.seed,
    auth=_state.options.auth,
    stats=_state.stats,
    stock=_state.stock,
    transport=_state.schemathesis_transport,
)


@pytest.fixture(scope="module", autouse=True)
def _stocked_account(harness: Harness) -> Iterator[None]:
    # Only the mock is stocked: on a real account that would mean buying numbers.
    if harness.target.embedded:
        harness.state.stock.numbers = stock_mock(harness.target).numbers
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
