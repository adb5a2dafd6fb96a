"""Everything one run holds: what it was told, what it may do, what it did.

One `RunState` per pytest process, made by the plugin when pytest is configured and handed to the
hooks, the fixtures and the schema's hooks; nothing of a run lives in a module global.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from contract_tests.judging.redaction import Redactor
from contract_tests.judging.violations import Violation
from contract_tests.run.options import HarnessOptions
from contract_tests.safety.layer import (
    GatedRequestsTransport,
    GatedSession,
    Limits,
    RequestGate,
)
from contract_tests.safety.purchases import PurchaseLedger, Settlement
from contract_tests.tally.findings import Finding
from contract_tests.tally.first_failure import FirstFailure
from contract_tests.tally.stats import RunStats


@dataclass
class Stock:
    """Numbers that exist on the target, for fuzzed buys, cancels and updates to aim at.

    Random msisdns almost never name a real number, so without aiming every buy, cancel and update
    would be refused and their success paths (and what they do to the owned list) never fuzzed.
    Filled for the embedded mock only: elsewhere an aimed buy would spend money.
    """

    numbers: tuple[tuple[str, str], ...] = ()
    # On a target other than the mock: what the run bought to stock the account, and how that went
    # (for the summary); the numbers are cancelled by the end-of-run clean-up like any purchase.
    bought: tuple[tuple[str, str], ...] = ()
    report: str | None = None
    findings: tuple[Violation, ...] = ()


def basic_authorization(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


@dataclass
class RunState:
    options: HarnessOptions
    redactor: Redactor
    ledger: PurchaseLedger
    gate: RequestGate
    schemathesis_transport: GatedRequestsTransport
    stats: RunStats = field(default_factory=RunStats)
    stock: Stock = field(default_factory=Stock)
    # Filled by the end-of-run clean-up on a real target.
    settlement: Settlement | None = None
    interrupts: int = 0
    # A finding that stopped the run before any test (the account's snapshot refused).
    setup_stop: Finding | None = None
    # Checks the user switched off (`check_switches`).
    skipped_checks: frozenset[str] = frozenset()
    # The first failure of the run and the requests sent before it (the verdict's cost).
    first_failure: FirstFailure = field(default_factory=FirstFailure)

    @classmethod
    def for_options(cls, options: HarnessOptions) -> RunState:
        ledger = PurchaseLedger(
            embedded=options.embedded,
            allow_purchases=options.allow_purchases,
            max_purchases=options.max_purchases,
        )
        gate = RequestGate(
            Limits(
                deadline=options.request_deadline,
                max_answer_bytes=options.max_answer_bytes,
                breaker_after=options.breaker_after,
                rate=options.rate_limit,
                tls_verify=options.tls_verify,
            ),
            ledger,
        )
        gate.own_authorizations = frozenset(
            basic_authorization(*account)
            for account in (options.auth, options.other_auth)
            if account is not None
        )
        if options.other_auth is not None:
            gate.other_authorization = basic_authorization(*options.other_auth)
        return cls(
            options=options,
            redactor=Redactor.for_credentials(
                options.api_key, options.api_secret, *filter(None, [options.other_auth])
            ),
            ledger=ledger,
            gate=gate,
            schemathesis_transport=GatedRequestsTransport(GatedSession(gate)),
        )
