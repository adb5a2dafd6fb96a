"""Money safety: what may run where, the purchase cap, protected numbers, settling at the end."""

from __future__ import annotations

import pytest

from contract_tests.document import BUY, CANCEL, OWNED, SEARCH, UPDATE
from contract_tests.purchases import PurchaseGuard


def real(
    *, allow: bool = True, cap: int = 2, protected: frozenset[str] = frozenset()
) -> PurchaseGuard:
    return PurchaseGuard(
        embedded=False, allow_purchases=allow, max_purchases=cap, protected=protected
    )


@pytest.mark.parametrize("label", [BUY, CANCEL, UPDATE])
def test_account_changes_are_refused_on_a_real_target_without_permission(label: str) -> None:
    reason = real(allow=False).refusal(label)
    assert reason is not None
    assert "--allow-purchases" in reason
    assert ("spends money" in reason) == (label == BUY)


@pytest.mark.parametrize("label", [SEARCH, OWNED])
def test_reading_is_always_allowed(label: str) -> None:
    assert real(allow=False).refusal(label) is None


def test_everything_runs_on_the_embedded_mock() -> None:
    mock = PurchaseGuard(embedded=True, allow_purchases=False, max_purchases=0)
    assert mock.refusal(BUY) is None
    assert mock.may_buy()
    mock.record_purchase("GB", "1")
    assert mock.may_buy()
    assert mock.may_touch(["anything"])


def test_purchases_stop_at_the_cap() -> None:
    guard = real(cap=2)
    assert guard.may_buy()
    guard.record_purchase("GB", "1")
    guard.record_cancel("1")
    assert guard.may_buy()
    guard.record_purchase("GB", "2")
    # Cancelling does not give the money back: the cap counts purchases, not holdings.
    assert not guard.may_buy()
    assert guard.purchases_made == 2


def test_no_purchases_without_permission_or_with_a_zero_cap() -> None:
    assert not real(allow=False).may_buy()
    assert not real(cap=0).may_buy()


def test_numbers_owned_before_the_run_are_never_touched() -> None:
    guard = real(protected=frozenset({"447700900000"}))
    assert not guard.may_touch(["447700900000"])
    assert not guard.may_touch(["1", "447700900000"])
    assert guard.may_touch(["447700900001"])
    assert guard.may_touch([])


def test_settle_cancels_what_is_outstanding() -> None:
    guard = real(cap=5)
    for msisdn in ("1", "2", "3"):
        guard.record_purchase("GB", msisdn)
    guard.record_cancel("2")
    cancelled: list[str] = []

    def cancel(country: str, msisdn: str) -> int:
        cancelled.append(msisdn)
        return 200

    assert guard.settle(cancel, owned=lambda: set()) == []
    assert sorted(cancelled) == ["1", "3"]
    assert guard.outstanding() == []


def test_settle_reports_numbers_still_owned() -> None:
    guard = real(cap=5)
    guard.record_purchase("GB", "1")
    guard.record_purchase("GB", "2")
    problems = guard.settle(lambda country, msisdn: 420, owned=lambda: {"1"})
    # "2" is gone already (cancelled by a test, or never bought): settled. "1" is still owned.
    assert problems == ["cancelling 1 answered 420, and the account still owns it"]
    assert [purchase.msisdn for purchase in guard.outstanding()] == ["1"]


def test_settle_goes_on_after_a_transport_error() -> None:
    guard = real(cap=5)
    guard.record_purchase("GB", "1")
    guard.record_purchase("GB", "2")

    def cancel(country: str, msisdn: str) -> int:
        if msisdn == "1":
            raise ConnectionError("reset by peer")
        return 200

    problems = guard.settle(cancel, owned=lambda: set())
    assert problems == ["cancelling 1 failed: ConnectionError: reset by peer"]
    assert [purchase.msisdn for purchase in guard.outstanding()] == ["1"]
