"""Fuzz every operation of the vendored document and check every answer (one test per operation)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contract_tests.harness import Harness
from contract_tests.loading import STOCK, load_schema
from contract_tests.plugin import active_plugin
from contract_tests.schemathesis_types import AnyCase
from contract_tests.stock import stock_mock

_options = active_plugin().options
schema = load_schema(seed=_options.seed, auth=_options.auth)


@pytest.fixture(scope="module", autouse=True)
def _stocked_account(harness: Harness) -> Iterator[None]:
    # Only the mock is stocked: on a real account that would mean buying numbers.
    if harness.target.embedded:
        STOCK.numbers = stock_mock(harness.target).numbers
    yield
    STOCK.numbers = ()


@schema.parametrize()
def test_operation(case: AnyCase, harness: Harness) -> None:
    if not harness.admit(case):
        return
    # The target's URL is known only once the session has opened it (the mock picks its port then).
    base_url = harness.target.base_url
    response = case.call(base_url=base_url)
    # Book a purchase before any check can end the test, so teardown still cancels it.
    harness.observe(case, response)
    case.validate_response(response, transport_kwargs={"base_url": base_url})
