"""Stocking a real target (`target_stock`): what went wrong while buying and linking, said once.

The stock is bought before the first test, by a fixture; a fixture's error would be repeated in
every test that uses it. Its findings are kept instead and reported once, by the first test that
works on the stock (`stock.report_findings_once`): this one when no other did.
"""

from __future__ import annotations

import pytest

from contract_tests.account.harness import Harness
from contract_tests.account.stock import report_findings_once


@pytest.mark.contract_row("stocking (real target, within the cap)")
@pytest.mark.changes_account
def test_stocking(harness: Harness, target_stock: tuple[tuple[str, str], ...]) -> None:
    if harness.target.embedded:
        pytest.skip("the embedded mock is stocked by each test that needs it, for free")
    # Unless a test before this one (the lifecycle, the owned filters) has reported them already.
    report_findings_once(harness.state.stock)
