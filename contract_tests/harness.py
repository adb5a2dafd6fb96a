"""One run's shared state, as the tests see it: the target, the money guard, the tallies."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import parse_qs

from schemathesis import Response

from contract_tests import account
from contract_tests.document import BUY, CANCEL, UPDATE
from contract_tests.options import HarnessOptions
from contract_tests.purchases import PurchaseGuard
from contract_tests.schemathesis_types import AnyCase
from contract_tests.stats import RUN_STATS, RunStats
from contract_tests.target import Target, open_target

FormFields = Mapping[str, list[str]]


def parse_form(body: Any) -> dict[str, list[str]]:
    """Fields of a form-encoded body, however a transport holds it (bytes, text or a mapping)."""
    if isinstance(body, Mapping):
        return {str(key): [str(value)] for key, value in body.items()}
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    if isinstance(body, str):
        return parse_qs(body, keep_blank_values=True)
    return {}


def planned_form(case: AnyCase, base_url: str) -> dict[str, list[str]]:
    """The form fields a case will send, read before sending it."""
    return parse_form(case.as_transport_kwargs(base_url=base_url).get("data"))


@dataclass
class Harness:
    options: HarnessOptions
    target: Target
    guard: PurchaseGuard
    stats: RunStats = RUN_STATS

    def admit(self, case: AnyCase) -> bool:
        """Whether a generated case may be sent; counts the ones held back."""
        label = case.operation.label
        allowed = True
        if label == BUY:
            allowed = self.guard.may_buy()
        elif label in (CANCEL, UPDATE):
            msisdns = planned_form(case, self.target.base_url).get("msisdn", [])
            allowed = self.guard.changes_allowed and self.guard.may_touch(msisdns)
        if not allowed:
            self.stats.for_label(label).not_sent += 1
        return allowed

    def observe(self, case: AnyCase, response: Response) -> None:
        """Remember what a sent case bought or cancelled (before any check can stop the test)."""
        label = case.operation.label
        if response.status_code != 200 or label not in (BUY, CANCEL):
            return
        form = parse_form(response.request.body)
        msisdn = next(iter(form.get("msisdn", [])), None)
        if msisdn is None:
            return
        if label == BUY:
            self.guard.record_purchase(next(iter(form.get("country", [])), ""), msisdn)
        else:
            self.guard.record_cancel(msisdn)

    def settle(self) -> list[str]:
        """Cancel what this run bought on a real account; problems as sentences."""
        if self.target.embedded:
            # The mock's state ends with the run; nothing was spent.
            return []
        client = self.target.client()

        def owned() -> set[str]:
            return {str(number.msisdn) for number in account.owned_numbers(client)}

        return self.guard.settle(partial(account.cancel, client), owned)


@contextmanager
def open_harness(options: HarnessOptions) -> Iterator[Harness]:
    with open_target(options) as target:
        protected: frozenset[str] = frozenset()
        if not target.embedded and options.allow_purchases:
            # Snapshot before anything runs: these numbers are never cancelled or updated.
            owned = account.owned_numbers(target.client())
            protected = frozenset(str(number.msisdn) for number in owned)
        guard = PurchaseGuard(
            embedded=target.embedded,
            allow_purchases=options.allow_purchases,
            max_purchases=options.max_purchases,
            protected=protected,
        )
        yield Harness(options=options, target=target, guard=guard)
