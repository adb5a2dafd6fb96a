from __future__ import annotations

from numbers_mock import DEFAULT_ACCOUNTS
from numbers_mock.accounts import AccountBook
from numbers_mock.credentials import Credentials

BOOK = AccountBook(DEFAULT_ACCOUNTS)
PRIMARY, SUB, OTHER = DEFAULT_ACCOUNTS


def test_authenticate() -> None:
    assert BOOK.authenticate(Credentials("mockkey01", "mocksecret01")) == PRIMARY
    assert BOOK.authenticate(Credentials("mocksub01", "mocksubsecret01")) == SUB
    assert BOOK.authenticate(Credentials("mockkey01", "mocksecret02")) is None
    assert BOOK.authenticate(Credentials("mockkey01", "othersecret01")) is None
    assert BOOK.authenticate(Credentials("nobody", "mocksecret01")) is None
    assert BOOK.authenticate(Credentials("mockkey01", "\ud800")) is None
    assert BOOK.authenticate(None) is None


def test_acting_account() -> None:
    assert BOOK.acting_account(PRIMARY, None) == PRIMARY
    assert BOOK.acting_account(PRIMARY, "") == PRIMARY
    assert BOOK.acting_account(PRIMARY, "mockkey01") == PRIMARY
    assert BOOK.acting_account(PRIMARY, "mocksub01") == SUB
    # Not the parent from the subaccount, not an unrelated account, not an unknown key.
    assert BOOK.acting_account(SUB, "mockkey01") is None
    assert BOOK.acting_account(PRIMARY, "otherkey01") is None
    assert BOOK.acting_account(OTHER, "mocksub01") is None
    assert BOOK.acting_account(PRIMARY, "nobody") is None


def test_the_book_lists_its_accounts() -> None:
    assert list(BOOK) == list(DEFAULT_ACCOUNTS)
