"""The accounts a mock server knows: who a request is, and on whose behalf it may act."""

from __future__ import annotations

import hmac
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

__all__ = [
    "DEFAULT_ACCOUNTS",
    "OTHER_ACCOUNT",
    "PRIMARY_ACCOUNT",
    "SUBACCOUNT",
    "Account",
    "AccountBook",
    "Credentials",
]


@dataclass(frozen=True)
class Account:
    """An API account: its key, its secret and, for a subaccount, the key of its parent account.

    `balance` (euros, as text: "10.00") makes purchases cost the number's `initialPrice` and be
    refused with 420 once it does not cover one; None means unlimited credit.
    """

    api_key: str
    # Kept out of repr so that a logged settings object never shows a secret.
    api_secret: str = field(repr=False)
    parent: str | None = None
    balance: str | None = None

    @property
    def auth(self) -> tuple[str, str]:
        """(key, secret), as HTTP basic clients take them."""
        return (self.api_key, self.api_secret)


# The mock's public test accounts (test values, not secrets): this module is their one owner, and
# the harness's defaults for the embedded mock, the benchmarks and the tests all read them here.
PRIMARY_ACCOUNT = Account("mockkey01", "mocksecret01")
SUBACCOUNT = Account("mocksub01", "mocksubsecret01", parent=PRIMARY_ACCOUNT.api_key)
# An unrelated account, for checking that accounts never see or touch each other's numbers.
OTHER_ACCOUNT = Account("otherkey01", "othersecret01")
DEFAULT_ACCOUNTS: tuple[Account, ...] = (PRIMARY_ACCOUNT, SUBACCOUNT, OTHER_ACCOUNT)


@dataclass(frozen=True)
class Credentials:
    """An api key and secret as the client sent them (not yet checked)."""

    api_key: str
    api_secret: str = field(repr=False)


# Compared against when the key is unknown, so the answer takes as long as for a known key.
_NO_SECRET = b"\x00" * 32


class AccountBook:
    """Looks accounts up by key and checks secrets in constant time."""

    def __init__(self, accounts: Iterable[Account]) -> None:
        self._by_key = {account.api_key: account for account in accounts}

    def __iter__(self) -> Iterator[Account]:
        """Every account of the book, subaccounts included."""
        return iter(self._by_key.values())

    def authenticate(self, credentials: Credentials | None) -> Account | None:
        """The account the credentials belong to, or None when they are missing or wrong."""
        if credentials is None:
            return None
        account = self._by_key.get(credentials.api_key)
        expected = _encode(account.api_secret) if account is not None else _NO_SECRET
        matches = hmac.compare_digest(_encode(credentials.api_secret), expected)
        return account if account is not None and matches else None

    def acting_account(self, caller: Account, target_api_key: str | None) -> Account | None:
        """The account an action works on: the caller, or one of the caller's own subaccounts.

        An empty or absent `target_api_key` means the caller itself. Any other account, including
        the caller's parent or a sibling, gives None: the caller may not act on it.
        """
        if not target_api_key or target_api_key == caller.api_key:
            return caller
        target = self._by_key.get(target_api_key)
        if target is not None and target.parent == caller.api_key:
            return target
        return None


def _encode(secret: str) -> bytes:
    # surrogatepass: a lone surrogate in a decoded query must not turn a 401 into a 500.
    return secret.encode("utf-8", "surrogatepass")
