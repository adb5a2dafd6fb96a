"""Fuzz every operation of the vendored document and check every answer (one test per operation).

The schema is the run's (`command.fuzzing`): the plugin parametrizes the marked test with it when
pytest collects it, so nothing here needs the run's state at import.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contract_tests.account.harness import Harness
from contract_tests.account.stock import stock_mock
from contract_tests.run.schemathesis_types import AnyCase


@pytest.fixture(scope="module", autouse=True)
def _stocked_account(harness: Harness, target_stock: tuple[tuple[str, str], ...]) -> Iterator[None]:
    # The mock is stocked for free; a real target with what `target_stock` bought within the cap.
    if harness.target.embedded:
        harness.state.stock.numbers = stock_mock(harness.target).numbers
    else:
        harness.state.stock.numbers = target_stock
    yield
    harness.state.stock.numbers = ()


# Parametrized with the run's schema by the plugin (`command.fuzzing.FUZZ_MARKER`).
@pytest.mark.fuzz_operations
def test_operation(case: AnyCase, harness: Harness) -> None:
    if not harness.admit(case):
        return
    # The target's URL is known only once the session has opened it (the mock picks its port then).
    base_url = harness.target.base_url
    # The gate (under schemathesis' transport) books buys and cancels as they are answered.
    response = case.call(base_url=base_url)
    case.validate_response(response, transport_kwargs={"base_url": base_url})
