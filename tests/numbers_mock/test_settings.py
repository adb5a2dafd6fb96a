from __future__ import annotations

import pytest

from numbers_mock import (
    DEFAULT_ACCOUNTS,
    PRIMARY_ACCOUNT,
    Account,
    MockSettings,
    default_spec_path,
)


def test_default_accounts_are_the_ones_other_code_relies_on() -> None:
    assert [(a.api_key, a.api_secret, a.parent) for a in DEFAULT_ACCOUNTS] == [
        ("mockkey01", "mocksecret01", None),
        ("mocksub01", "mocksubsecret01", "mockkey01"),
        ("otherkey01", "othersecret01", None),
    ]


def test_defaults() -> None:
    settings = MockSettings()
    assert settings.spec_path == default_spec_path()
    assert settings.spec_path.is_file()
    assert settings.database is None
    assert settings.seed == 0
    assert settings.accounts == DEFAULT_ACCOUNTS


def test_repr_never_shows_a_secret() -> None:
    assert PRIMARY_ACCOUNT.api_secret not in repr(MockSettings())


@pytest.mark.parametrize(
    ("accounts", "message"),
    [
        ((), "at least one account"),
        ((Account("a", "s"), Account("a", "t")), "duplicate api keys: a"),
        ((Account("a", "s"), Account("b", "t", parent="zz")), "unknown parent"),
        (
            (Account("a", "s"), Account("b", "t", parent="a"), Account("c", "u", parent="b")),
            "itself a subaccount",
        ),
        ((Account("a:b", "s"),), "must not contain ':'"),
        ((Account("a", ""),), "must not be empty"),
    ],
)
def test_inconsistent_accounts_are_refused(accounts: tuple[Account, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        MockSettings(accounts=accounts)


def test_body_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_body_bytes"):
        MockSettings(max_body_bytes=0)


def test_test_controls_are_off_by_default_but_the_journal() -> None:
    settings = MockSettings()
    assert (settings.rate_limit, settings.journal_size) == (None, 1000)
    with pytest.raises(ValueError, match="journal_size"):
        MockSettings(journal_size=-1)


def test_the_settings_module_does_not_import_the_faults() -> None:
    # The core knows nothing of its faults: importing the settings loads no fault module.
    import subprocess
    import sys

    code = "import numbers_mock.settings, sys; print(any('faults' in m for m in sys.modules))"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"


@pytest.mark.parametrize("balance", ["-1", "ten", "NaN", "Infinity", ""])
def test_a_balance_must_be_a_non_negative_amount(balance: str) -> None:
    with pytest.raises(ValueError, match="balance of 'k' must be a non-negative amount"):
        MockSettings(accounts=(Account("k", "s", balance=balance),))


def test_a_balance_is_kept() -> None:
    account = Account("k", "s", balance="12.50")
    assert MockSettings(accounts=(account,)).accounts == (account,)
