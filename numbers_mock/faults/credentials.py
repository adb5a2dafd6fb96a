"""Credentials that are not enforced: someone without the right secret gets an account's data."""

from __future__ import annotations

from numbers_mock.faults.model import Category, Fault
from numbers_mock.state.accounts import Account, AccountBook, Credentials

__all__ = ["CREDENTIAL_FAULTS", "AcceptsAnyCredentials", "IgnoresCredentials"]


class IgnoresCredentials(AccountBook):
    """Serves a request without credentials, or with wrong ones, as the first account."""

    def __init__(self, accounts: tuple[Account, ...]) -> None:
        super().__init__(accounts)
        self.fallback = accounts[0]

    def authenticate(self, credentials: Credentials | None) -> Account | None:
        return super().authenticate(credentials) or self.fallback


class AcceptsAnyCredentials(IgnoresCredentials):
    """Wants credentials, but takes any key and secret (as the first account)."""

    def authenticate(self, credentials: Credentials | None) -> Account | None:
        return None if credentials is None else super().authenticate(credentials)


CREDENTIAL_FAULTS = (
    Fault(
        "auth-ignored",
        "requests without credentials, or with wrong ones, are served as the primary account",
        Category.CREDENTIALS,
        accounts=IgnoresCredentials,
    ),
    Fault(
        "auth-any-credentials",
        "requests without credentials get 401, but any key and secret pass as the primary account",
        Category.CREDENTIALS,
        accounts=AcceptsAnyCredentials,
    ),
)
