"""The decisive probes (`account/probes.py`), before every other test: most faults fail here,
within a few dozen requests, where fuzzing would need hundreds."""

from __future__ import annotations

import pytest

from contract_tests.account.harness import Harness
from contract_tests.account.probes import Stock, run_probes
from contract_tests.tally.stats import OperationStats


@pytest.mark.contract_row("decisive probes")
@pytest.mark.decisive
def test_decisive_probes(
    harness: Harness, tally: OperationStats, request: pytest.FixtureRequest
) -> None:
    def target_stock() -> Stock:
        stock: Stock = request.getfixturevalue("target_stock")
        return stock

    run_probes(harness, tally, target_stock)
