"""A number's life (search, buy, list, update, cancel) via the generated client, against a model."""

from __future__ import annotations

from typing import cast

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import RuleBasedStateMachine, run_state_machine_as_test

from contract_tests.account.harness import Harness
from contract_tests.account.lifecycle import NumberLifecycle
from contract_tests.account.stock import report_findings_once
from contract_tests.run.profiles import lifecycle_budget
from contract_tests.tally.stats import OperationStats


@pytest.mark.contract_row("lifecycle (stateful, generated client)")
@pytest.mark.changes_account
@pytest.mark.stateful
def test_lifecycle(
    harness: Harness, tally: OperationStats, target_stock: tuple[tuple[str, str], ...]
) -> None:
    # A stock the target broke while buying it is reported here, once, before anything else.
    report_findings_once(harness.state.stock)
    budget = lifecycle_budget()
    phases = list(settings().phases)
    if not harness.target.embedded and Phase.shrink in phases:
        # Every shrinking attempt is a whole run against a real account: purchases (capped) and
        # time. Report the failure as found.
        phases.remove(Phase.shrink)
    # Hypothesis documents (and accepts) any factory here; its annotation asks for the class only.
    factory = cast("type[RuleBasedStateMachine]", lambda: NumberLifecycle(harness, tally))
    run_state_machine_as_test(
        factory,
        settings=settings(
            max_examples=budget.max_examples,
            stateful_step_count=budget.step_count,
            deadline=None,
            phases=phases,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
