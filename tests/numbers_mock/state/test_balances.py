from __future__ import annotations

from decimal import Decimal

from numbers_mock import Account
from numbers_mock.state.balances import Balances


def test_charges_refunds_and_resets() -> None:
    balances = Balances([Account("a", "s", balance="2.50"), Account("b", "s")])
    assert balances.charge("a", Decimal("2.00"))
    assert balances.of("a") == Decimal("0.50")
    assert not balances.charge("a", Decimal("0.51"))
    assert balances.of("a") == Decimal("0.50")
    balances.refund("a", Decimal("2.00"))
    assert balances.of("a") == Decimal("2.50")
    assert balances.charge("a", Decimal("2.50"))
    balances.reset()
    assert balances.of("a") == Decimal("2.50")


def test_an_account_without_a_balance_has_unlimited_credit() -> None:
    balances = Balances([Account("b", "s")])
    assert balances.of("b") is None
    assert balances.charge("b", Decimal("1000000"))
    balances.refund("b", Decimal("1"))
    assert balances.of("b") is None
