"""Money safety: what may run where, the purchase cap, protected numbers, settling at the end."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from contract_tests.judging.document import BUY, CANCEL, OWNED, SEARCH, UPDATE
from contract_tests.safety.purchases import PurchaseLedger, cannot_buy


def real(
    *, allow: bool = True, cap: int = 2, protected: frozenset[str] = frozenset()
) -> PurchaseLedger:
    return PurchaseLedger(
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
    mock = PurchaseLedger(embedded=True, allow_purchases=False, max_purchases=0)
    assert mock.refusal(BUY) is None
    assert mock.reserve("GB", "1")
    assert mock.may_buy()
    assert mock.may_touch(["anything"])


def test_a_buy_without_an_answer_counts_against_the_cap() -> None:
    ledger = real(cap=1)
    assert ledger.reserve("GB", "1")
    # No answer came (timeout, Ctrl-C): the slot stays taken and the number possibly bought.
    assert not ledger.may_buy()
    assert not ledger.reserve("GB", "2")
    assert [p.msisdn for p in ledger.outstanding()] == ["1"]
    assert ledger.left_owned() == ["GB 1 (sent, no answer)"]


def test_a_refused_buy_gives_its_slot_back_and_a_200_keeps_it() -> None:
    ledger = real(cap=1)
    first = ledger.reserve("GB", "1")
    assert first is not None
    ledger.answered(first, 420)
    assert ledger.may_buy()
    assert ledger.outstanding() == []
    second = ledger.reserve("GB", "2")
    assert second is not None
    ledger.answered(second, 200)
    ledger.record_cancel("2")
    # Cancelling does not give the money back: the cap counts purchases, not holdings.
    assert not ledger.may_buy()
    assert ledger.purchases_made == 1


def test_buying_a_number_the_run_may_hold_takes_no_new_slot() -> None:
    ledger = real(cap=1)
    first = ledger.reserve("GB", "1")
    assert first is not None and first.counted
    ledger.answered(first, 200)
    again = ledger.reserve("GB", "1")
    assert again is not None and not again.counted
    # Refused (it is owned): the refusal of the repeat does not give back the first buy's slot.
    ledger.answered(again, 420)
    assert ledger.purchases_made == 1
    assert not ledger.may_buy()
    assert ledger.left_owned() == ["GB 1 (bought)"]


@pytest.mark.parametrize("status", [429, 500, 503])
def test_an_answer_that_proves_nothing_keeps_the_buy_possible(status: int) -> None:
    ledger = real(cap=1)
    slot = ledger.reserve("GB", "1")
    assert slot is not None
    ledger.answered(slot, status)
    assert not ledger.may_buy()
    assert [p.msisdn for p in ledger.outstanding()] == ["1"]


def test_no_purchases_without_permission_or_with_a_zero_cap() -> None:
    assert not real(allow=False).may_buy()
    assert not real(allow=False).reserve("GB", "1")
    assert not real(cap=0).may_buy()


def test_numbers_owned_before_the_run_are_never_touched() -> None:
    ledger = real(protected=frozenset({"447700900000"}))
    assert not ledger.may_touch(["447700900000"])
    assert not ledger.may_touch(["1", "447700900000"])
    assert ledger.may_touch(["447700900001"])
    assert ledger.may_touch([])


@dataclass
class FakeAccount:
    """An account's numbers: a cancel answered 200 removes one (unless the cancel does nothing)."""

    numbers: set[str]
    cancel_works: bool = True
    cancelled: list[str] = field(default_factory=list)

    def cancel(self, country: str, msisdn: str) -> int:
        self.cancelled.append(msisdn)
        if self.cancel_works:
            self.numbers.discard(msisdn)
        return 200

    def owned(self) -> set[str]:
        return set(self.numbers)


def bought(*msisdns: str, cap: int = 5, protected: frozenset[str] = frozenset()) -> PurchaseLedger:
    ledger = real(cap=cap, protected=protected)
    for msisdn in msisdns:
        ledger.reserve("GB", msisdn)
    return ledger


def test_settle_cancels_only_what_the_run_may_have_bought_and_the_account_owns() -> None:
    ledger = bought("1", "2", "3")
    slot = ledger.reserve("GB", "1")
    assert slot is not None and not slot.counted
    ledger.answered(slot, 200)
    # "2" never reached the account; "9" is new but this run did not buy it; "0" was there before.
    ledger.protected = frozenset({"0"})
    account = FakeAccount({"0", "1", "3", "9"})
    settlement = ledger.settle(account.cancel, account.owned)
    assert sorted(account.cancelled) == ["1", "3"]
    assert settlement.cancelled == account.cancelled
    assert settlement.left_alone == ["9"]
    assert settlement.problems == []
    assert ledger.outstanding() == []


def test_settle_never_touches_a_protected_number() -> None:
    ledger = bought("0", protected=frozenset({"0"}))
    settlement = ledger.settle(
        lambda country, msisdn: pytest.fail("cancelled"), owned=lambda: {"0"}
    )
    assert settlement.cancelled == []


def test_settle_reports_numbers_still_owned() -> None:
    ledger = bought("1", "2")
    settlement = ledger.settle(lambda country, msisdn: 420, owned=lambda: {"1", "2"})
    assert settlement.problems == [
        "1: cancelling answered 420, and the account still owns it",
        "2: cancelling answered 420, and the account still owns it",
    ]
    assert [purchase.msisdn for purchase in ledger.outstanding()] == ["1", "2"]


def test_settle_goes_on_after_a_transport_error() -> None:
    ledger = bought("1", "2")

    account = FakeAccount({"1", "2"})

    def cancel(country: str, msisdn: str) -> int:
        if msisdn == "1":
            raise ConnectionError("reset by peer")
        return account.cancel(country, msisdn)

    settlement = ledger.settle(cancel, account.owned)
    assert settlement.problems == ["1: cancelling failed: ConnectionError: reset by peer"]
    assert settlement.cancelled == ["2"]
    assert [purchase.msisdn for purchase in ledger.outstanding()] == ["1"]


def test_settle_cancels_blind_when_the_account_cannot_be_listed() -> None:
    ledger = bought("1", "2")

    def listing() -> set[str]:
        raise ConnectionError("no answer")

    settlement = ledger.settle(lambda country, msisdn: 200 if msisdn == "1" else 420, listing)
    assert settlement.cancelled == ["1"]
    assert settlement.problems[0].startswith("listing the account failed (ConnectionError")
    assert (
        "2: cancelling answered 420 and the account could not be listed" in (settlement.problems[1])
    )


def test_settlement_lines_say_what_was_done() -> None:
    ledger = bought("1")
    account = FakeAccount({"1", "7"})
    settlement = ledger.settle(account.cancel, account.owned)
    assert settlement.lines() == [
        "cancelled: 1",
        "new on the account but not bought by this run (left alone): 7",
    ]


@pytest.mark.parametrize(
    ("form", "authorized", "expected"),
    [
        ({"country": ["GB"], "msisdn": ["447700900001"]}, True, False),
        ({"country": ["GB"], "msisdn": ["447700900001"]}, False, True),
        ({"country": ["GB"]}, True, True),
        ({"msisdn": ["447700900001"]}, True, True),
        ({"country": ["GBR"], "msisdn": ["447700900001"]}, True, True),
        ({"country": ["GB"], "msisdn": ["44 7700"]}, True, True),
        ({"country": ["GB", "US"], "msisdn": ["1"]}, True, True),
        ({"country": ["gb"], "msisdn": ["1"]}, True, False),
    ],
)
def test_which_buys_a_correct_server_must_refuse(
    form: dict[str, list[str]], authorized: bool, expected: bool
) -> None:
    assert cannot_buy(form, authorized=authorized) is expected


def test_a_buy_past_the_cap_that_goes_through_counts_and_is_cancelled() -> None:
    ledger = real(cap=1)
    assert ledger.reserve("GB", "1") is not None
    assert ledger.reserve("GB", "2") is None
    slot = ledger.reserve("GB", "3", beyond_cap=True)
    assert slot is not None and slot.counted
    ledger.answered(slot, 200)
    assert ledger.purchases_made == 2
    account = FakeAccount({"1", "3"})
    settlement = ledger.settle(account.cancel, account.owned)
    assert sorted(settlement.cancelled) == ["1", "3"] == sorted(account.cancelled)


def test_a_refused_buy_past_the_cap_gives_its_slot_back() -> None:
    ledger = real(cap=0)
    slot = ledger.reserve("GB", "1", beyond_cap=True)
    assert slot is not None
    ledger.answered(slot, 400)
    assert ledger.purchases_made == 0 and ledger.outstanding() == []


def test_settle_cancels_again_a_number_whose_cancel_did_nothing_and_says_so() -> None:
    # Bought, cancelled with 200 during the run, and still on the account: a cancel that does
    # nothing. It is the run's number, not "new on the account": the clean-up cancels it again and,
    # as the account still shows it after that, names the rule the server broke.
    ledger = bought("1", "2")
    ledger.record_cancel("1")
    account = FakeAccount({"1", "2"}, cancel_works=False)
    settlement = ledger.settle(account.cancel, account.owned)
    assert sorted(account.cancelled) == ["1", "2"]
    assert settlement.left_alone == []
    assert settlement.cancelled == []
    assert settlement.problems == [
        "2: cancelling answered 200, and the account still owns it (cancel_removes)",
        "1: cancelling answered 200, and the account still owns it (cancel_removes)",
    ]


def test_settle_checks_its_cancels_took_effect() -> None:
    ledger = bought("1", "2")
    # The second listing, after the clean-up's cancels, still shows "2".
    listings = iter([{"1", "2"}, {"2"}])
    settlement = ledger.settle(lambda country, msisdn: 200, owned=lambda: next(listings))
    assert settlement.cancelled == ["1"]
    assert settlement.problems == [
        "2: cancelling answered 200, and the account still owns it (cancel_removes)"
    ]


def test_a_number_cancelled_during_the_run_and_gone_needs_nothing() -> None:
    ledger = bought("1")
    ledger.record_cancel("1")
    settlement = ledger.settle(lambda country, msisdn: pytest.fail("cancelled"), owned=set)
    assert settlement.problems == [] and settlement.cancelled == []
