"""Money safety: what the harness may do to an account, and undoing what it did.

On the embedded mock anything goes. On any other target:
- buy, cancel and update run only with `--allow-purchases`;
- at most `--max-purchases` buys may succeed in one run (a buy request is not sent once the cap is
  hit);
- numbers the account owned before the run are never cancelled or updated;
- every number the run bought is cancelled when it ends (`settle`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from contract_tests.document import ACCOUNT_CHANGING_OPERATIONS, BUY


@dataclass(frozen=True)
class Purchase:
    country: str
    msisdn: str


@dataclass
class PurchaseGuard:
    """Decides which account-changing requests may be sent, and remembers what was bought."""

    embedded: bool
    allow_purchases: bool
    max_purchases: int
    # Numbers owned before the run started: off limits for cancel and update on a real account.
    protected: frozenset[str] = frozenset()
    _bought: dict[str, Purchase] = field(default_factory=dict)
    _purchases_made: int = 0
    # Fuzzing and the lifecycle test share one guard; the lock keeps the cap exact if they overlap.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def changes_allowed(self) -> bool:
        return self.embedded or self.allow_purchases

    def refusal(self, operation_label: str) -> str | None:
        """Why an operation must not run at all against this target, or None when it may."""
        if operation_label not in ACCOUNT_CHANGING_OPERATIONS or self.changes_allowed:
            return None
        what = "spends money" if operation_label == BUY else "changes the account's numbers"
        return (
            f"{operation_label} {what} on a real account: skipped "
            "(pass --allow-purchases to run buy, cancel and update against this target)"
        )

    def may_buy(self) -> bool:
        """Whether one more buy may be sent (unlimited on the mock: nothing is spent there)."""
        with self._lock:
            return self.embedded or (
                self.allow_purchases and self._purchases_made < self.max_purchases
            )

    def may_touch(self, msisdns: Iterable[str]) -> bool:
        """Whether a cancel or update naming these numbers may be sent."""
        return self.embedded or not (set(msisdns) & self.protected)

    def record_purchase(self, country: str, msisdn: str) -> None:
        with self._lock:
            self._purchases_made += 1
            self._bought[msisdn] = Purchase(country, msisdn)

    def record_cancel(self, msisdn: str) -> None:
        with self._lock:
            self._bought.pop(msisdn, None)

    @property
    def purchases_made(self) -> int:
        return self._purchases_made

    def outstanding(self) -> list[Purchase]:
        """Numbers bought during the run and not cancelled yet."""
        with self._lock:
            return list(self._bought.values())

    def settle(self, cancel: Callable[[str, str], int], owned: Callable[[], set[str]]) -> list[str]:
        """Cancel every outstanding purchase; the problems met, as sentences (empty when all went).

        A refused cancel is a problem only while the account still owns the number: one that is
        already gone (cancelled by a test, or never really bought) is settled all the same.
        """
        problems: list[str] = []
        refused: dict[str, str] = {}
        for purchase in self.outstanding():
            try:
                status = cancel(purchase.country, purchase.msisdn)
            except Exception as exc:  # a transport error must not stop the other cancellations
                problems.append(f"cancelling {purchase.msisdn} failed: {type(exc).__name__}: {exc}")
                continue
            if status == 200:
                self.record_cancel(purchase.msisdn)
            else:
                refused[purchase.msisdn] = f"cancelling {purchase.msisdn} answered {status}"
        if refused:
            still_owned = owned()
            for msisdn, problem in refused.items():
                if msisdn in still_owned:
                    problems.append(f"{problem}, and the account still owns it")
                else:
                    self.record_cancel(msisdn)
        return problems
