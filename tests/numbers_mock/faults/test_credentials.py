"""Account books that do not enforce credentials."""

from __future__ import annotations

from numbers_mock import DEFAULT_ACCOUNTS
from numbers_mock.faults.credentials import AcceptsAnyCredentials, IgnoresCredentials
from numbers_mock.state.accounts import Credentials

PRIMARY, SUB, _ = DEFAULT_ACCOUNTS
WRONG = Credentials("nobody", "nothing")


def test_ignoring_credentials_serves_everyone_as_the_first_account() -> None:
    book = IgnoresCredentials(DEFAULT_ACCOUNTS)
    assert book.authenticate(None) == PRIMARY
    assert book.authenticate(WRONG) == PRIMARY
    assert book.authenticate(Credentials("mocksub01", "mocksubsecret01")) == SUB


def test_accepting_any_credentials_still_wants_some() -> None:
    book = AcceptsAnyCredentials(DEFAULT_ACCOUNTS)
    assert book.authenticate(None) is None
    assert book.authenticate(WRONG) == PRIMARY
    assert book.authenticate(Credentials("mocksub01", "mocksubsecret01")) == SUB
