"""What the reports are made of, taken from a run's state: the finding of a harness rule that broke,
and what a process's safety gate saw (a worker's share under xdist).

Called by the pytest plugin's hooks; kept here so the hooks stay one call each.
"""

from __future__ import annotations

from typing import Any

from contract_tests.reporting.record import worker_part
from contract_tests.run.run_state import RunState
from contract_tests.safety.layer import RequestGate, operation_of
from contract_tests.tally.findings import Finding


def violation_finding(gate: RequestGate, check: str, detail: str, label: str) -> Finding:
    """A finding of the harness's own rules (a `Violation` of test `label`), with the last request
    the test sent (the one that broke the rule, or that went unanswered) and its answer."""
    exchange = gate.last_exchange
    operation = (
        operation_of(exchange.request.method, exchange.request.url)
        if exchange is not None
        else None
    )
    text = detail.strip()
    return Finding(
        check=check,
        operation=operation or label,
        summary=text.splitlines()[0] if text else check,
        detail=text,
        exchange=exchange,
    )


def gate_part(state: RunState) -> dict[str, Any]:
    """What this process's gate saw, as plain JSON (`record.worker_part`)."""
    gate = state.gate
    counters = gate.counters
    return worker_part(
        {label: entry.to_json() for label, entry in gate.exercised.by_label().items()},
        gate.checks.to_json(),
        {
            "sent": counters.sent,
            "answers": counters.answers,
            "dead": counters.dead,
            "throttled": counters.throttled,
            "throttle_wait": counters.throttle_wait,
            "rate_wait": counters.rate_wait,
        },
        state.ledger.purchases_made,
    )
