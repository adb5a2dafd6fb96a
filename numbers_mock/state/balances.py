"""Account balances: a purchase costs the number's `initialPrice` when the account has a balance.

Balances live in memory, start from the settings with each app and come back to them on reset;
an account without a balance has unlimited credit, as every account has unless told otherwise.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from decimal import Decimal

from numbers_mock.state.accounts import Account

__all__ = ["Balances"]


class Balances:
    """What each account with a balance has left."""

    def __init__(self, accounts: Iterable[Account]) -> None:
        self._initial = {
            account.api_key: Decimal(account.balance)
            for account in accounts
            if account.balance is not None
        }
        self._lock = threading.Lock()
        self._left = dict(self._initial)

    def reset(self) -> None:
        """Every balance as the settings give it."""
        with self._lock:
            self._left = dict(self._initial)

    def of(self, api_key: str) -> Decimal | None:
        """What `api_key` has left; None for unlimited credit."""
        with self._lock:
            return self._left.get(api_key)

    def charge(self, api_key: str, price: Decimal) -> bool:
        """Take `price` from the balance; False (nothing taken) when it does not cover it."""
        with self._lock:
            left = self._left.get(api_key)
            if left is None:
                return True
            if left < price:
                return False
            self._left[api_key] = left - price
            return True

    def refund(self, api_key: str, price: Decimal) -> None:
        """Give back what `charge` took, when the purchase did not happen after all."""
        with self._lock:
            left = self._left.get(api_key)
            if left is not None:
                self._left[api_key] = left + price
