from __future__ import annotations

from numbers_mock import DEFAULT_ACCOUNTS
from numbers_mock.state.accounts import AccountBook, Credentials

BOOK = AccountBook(DEFAULT_ACCOUNTS)
PRIMARY, SUB, OTHER = DEFAULT_ACCOUNTS


def test_authenticate() -> None:
    assert BOOK.authenticate(Credentials(*PRIMARY.auth)) == PRIMARY
    assert BOOK.authenticate(Credentials(*SUB.auth)) == SUB
    # A near miss of the primary secret, and another account's (real) secret, are both refused.
    assert BOOK.authenticate(Credentials(PRIMARY.api_key, "mocksecret02")) is None
    assert BOOK.authenticate(Credentials(PRIMARY.api_key, OTHER.api_secret)) is None
    assert BOOK.authenticate(Credentials("nobody", PRIMARY.api_secret)) is None
    assert BOOK.authenticate(Credentials(PRIMARY.api_key, "\ud800")) is None
    assert BOOK.authenticate(None) is None


def test_acting_account() -> None:
    assert BOOK.acting_account(PRIMARY, None) == PRIMARY
    assert BOOK.acting_account(PRIMARY, "") == PRIMARY
    assert BOOK.acting_account(PRIMARY, PRIMARY.api_key) == PRIMARY
    assert BOOK.acting_account(PRIMARY, SUB.api_key) == SUB
    # Not the parent from the subaccount, not an unrelated account, not an unknown key.
    assert BOOK.acting_account(SUB, PRIMARY.api_key) is None
    assert BOOK.acting_account(PRIMARY, OTHER.api_key) is None
    assert BOOK.acting_account(OTHER, SUB.api_key) is None
    assert BOOK.acting_account(PRIMARY, "nobody") is None


def test_the_book_lists_its_accounts() -> None:
    assert list(BOOK) == list(DEFAULT_ACCOUNTS)


def test_the_repr_of_credentials_hides_the_secret() -> None:
    assert "hunter2" not in repr(Credentials("key", "hunter2"))
