"""One run's target as the tests see it, with the run's state: the money rules, the tallies."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

import pytest

from contract_tests.account import numbers as account
from contract_tests.judging.document import BUY, CANCEL, OWNED, UPDATE, judged_document
from contract_tests.judging.forms import parse_form
from contract_tests.judging.redaction import Redactor
from contract_tests.judging.violations import POSITIVE_DATA_ACCEPTANCE, Violation
from contract_tests.run.run_state import RunState
from contract_tests.run.schemathesis_types import AnyCase
from contract_tests.run.target import Target, open_target
from contract_tests.safety.answer_judge import AnswerJudge
from contract_tests.safety.purchases import PurchaseLedger, Settlement, cannot_buy
from contract_tests.tally.findings import Finding
from contract_tests.tally.stats import RunStats

__all__ = ["Harness", "open_harness", "parse_form", "planned_form"]

# Why a case was held back, as the summary says it.
HELD_BACK_CAP = "purchase cap"
HELD_BACK_NOT_ALLOWED = "no --allow-purchases"
HELD_BACK_PROTECTED = "names a number owned before the run"


def planned_form(case: AnyCase, base_url: str) -> dict[str, list[str]]:
    """The form fields a case will send, read before sending it."""
    return parse_form(case.as_transport_kwargs(base_url=base_url).get("data"))


class Harness:
    """Not a dataclass: Hypothesis prints a test's arguments field by field, and this one's fields
    are the whole run; its repr says which target it is, nothing more.
    """

    def __init__(self, state: RunState, target: Target) -> None:
        self.state = state
        self.target = target

    def __repr__(self) -> str:
        return f"Harness({self.target.describe()})"

    @property
    def ledger(self) -> PurchaseLedger:
        return self.state.ledger

    @property
    def stats(self) -> RunStats:
        return self.state.stats

    @property
    def redactor(self) -> Redactor:
        return self.state.redactor

    def admit(self, case: AnyCase) -> bool:
        """Whether a generated case may be sent; counts the ones held back, by reason.

        The gate enforces the same rules on the wire; asking first keeps a held-back case from
        becoming an error, and counts it. Once the purchase cap is spent, buys a correct server
        must refuse (malformed forms: `cannot_buy`) are still sent; the cases sent with the run's
        credentials and a well-formed form are the ones held back.
        """
        label = case.operation.label
        reason: str | None = None
        if label == BUY:
            form = planned_form(case, self.target.base_url)
            if not self.ledger.may_buy() and not cannot_buy(form, authorized=True):
                reason = HELD_BACK_CAP
        elif label in (CANCEL, UPDATE):
            msisdns = planned_form(case, self.target.base_url).get("msisdn", [])
            if not self.ledger.changes_allowed:
                reason = HELD_BACK_NOT_ALLOWED
            elif not self.ledger.may_touch(msisdns):
                reason = HELD_BACK_PROTECTED
        if reason is not None:
            self.stats.for_label(label).hold_back(reason)
        return reason is None

    def settle(self) -> Settlement:
        """Cancel what this run may have bought on a real account (nothing to do on the mock)."""
        if self.target.embedded or not (
            self.state.options.allow_purchases or self.ledger.outstanding()
        ):
            # The mock's state ends with the run; without --allow-purchases nothing was bought.
            return Settlement()
        gate = self.state.gate
        gate.settling = True
        client = self.target.client(judged=False)

        def owned() -> set[str]:
            return {str(n.msisdn) for n in account.owned_numbers(client, self.redactor)}

        try:
            return self.ledger.settle(partial(account.cancel, client), owned)
        finally:
            gate.settling = False


@contextmanager
def open_harness(state: RunState) -> Iterator[Harness]:
    judge = AnswerJudge(
        judged_document(), state.redactor, counts=state.gate.checks, skipped=state.skipped_checks
    )
    with open_target(state.options, state.gate, judge) as target:
        if not target.embedded and state.options.allow_purchases:
            # Snapshot before anything runs: these numbers are never cancelled or updated.
            try:
                # Held to the 400 oracle only: a stub refusing everything is named here (the run
                # stops at the snapshot), while a broken owned list is left to the tests that judge
                # it, each with its line in the summary.
                snapshot = target.client(judged=judge.only(POSITIVE_DATA_ACCEPTANCE))
                owned = account.owned_numbers(snapshot, state.redactor)
            except Violation as finding:
                # Without the snapshot no number would be safe from the run: stop before any test,
                # once, rather than fail every test with the same error.
                state.setup_stop = Finding(
                    check=finding.check,
                    operation=OWNED,
                    summary="the account could not be listed before the run: nothing was changed",
                    detail=finding.detail,
                    exchange=state.gate.last_exchange,
                )
                pytest.exit(
                    "the account could not be listed before the run (the snapshot that keeps its "
                    f"numbers safe), so nothing was changed: {finding}",
                    returncode=pytest.ExitCode.TESTS_FAILED,
                )
            state.ledger.protected = frozenset(str(number.msisdn) for number in owned)
        yield Harness(state=state, target=target)
