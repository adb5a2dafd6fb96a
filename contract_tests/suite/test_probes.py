"""The decisive probes (`account/probes.py`), before every other test: most faults fail here,
within a few dozen requests, where fuzzing would need hundreds."""

from __future__ import annotations

import pytest

from contract_tests.account.harness import Harness
from contract_tests.account.probes import Probes
from contract_tests.account.stock import APPLICATION, report_findings_once, stock_mock
from contract_tests.tally.stats import OperationStats


@pytest.mark.contract_row("decisive probes")
@pytest.mark.decisive
def test_decisive_probes(
    harness: Harness, tally: OperationStats, request: pytest.FixtureRequest
) -> None:
    probes = Probes(harness, tally)
    probes.lists_as_documented()
    probes.credentials_checked()
    probes.filters_hold()
    probes.pages_hold()
    probes.refusals_hold()
    probes.negotiation_holds()
    if not harness.state.ledger.changes_allowed:
        return
    if harness.target.embedded:
        stocked = stock_mock(harness.target)
        stock, links, cancel = stocked.owned, stocked.links, True
    else:
        # Bought here, within the cap, for every later test too; what went wrong is said here.
        stock = request.getfixturevalue("target_stock")
        report_findings_once(harness.state.stock)
        links = {stock[0][1]: APPLICATION} if stock else {}
        # The last stocked number is cancelled only when another stays for the later tests.
        cancel = len(stock) >= 2
    if not stock:
        return
    probes.stock_holds(stock, links)
    owned = probes.owned_numbers()
    # The number with a webhook: the update must keep it.
    country, msisdn = next(
        ((c, m) for c, m in stock if owned.get(m, {}).get("moHttpUrl")), stock[-1]
    )
    probes.round_on(country, msisdn, cancel)
    probes.unowned_refused(set(owned))
