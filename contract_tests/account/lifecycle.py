"""A stateful test of a number's life, driven through the generated client, against a model.

The model is what the account should own, whole: every number it owned at the start with every
field as listed, plus what this machine bought (as first listed), minus what it cancelled, with the
fields it updated. After every step the owned list must match it, field by field, for every number:
a number bought is owned; cancelled, it is gone; updated, the list shows the change and nothing else
changed (an update that drops a field it was not sent is `owned_fields_kept`). On a real target the
machine also updates the numbers the run stocked (`target_stock`), which it never cancels, and
buys them again. Buying a number already owned, or cancelling one not owned, must be refused with
420. When the run has a
second, unrelated account, that account must neither list this run's numbers nor buy or cancel them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import hypothesis.strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule
from numbers_api_client.api.default import (
    get_available_numbers,
    update_a_number,
)
from numbers_api_client.models import (
    AvailableNumbers,
    GetAvailableNumbersFeatures,
    NumberDetailsUpdate,
)
from numbers_api_client.types import UNSET, Unset

from contract_tests.account import numbers as account
from contract_tests.account.harness import Harness
from contract_tests.account.numbers import parsed
from contract_tests.judging import violations as rules
from contract_tests.judging.violations import Violation
from contract_tests.tally.stats import OperationStats

# Countries whose inventory the lifecycle searches (the mock's and the real service's largest
# pools).
SEARCH_COUNTRIES = ("GB", "US")
REFUSED = 420
# Webhook URLs the updates set; the empty string removes the webhook, as the document says; None
# sends none (the webhook must then stay as it was).
WEBHOOK_URLS = ("https://example.com/webhooks/inbound-sms", "https://example.org/sms", "", None)
# The owned number's wire names of the fields an update sets.
APP_ID = "app_id"
MO_HTTP_URL = "moHttpUrl"


@dataclass(frozen=True)
class Number:
    country: str
    msisdn: str


@dataclass
class ModelNumber:
    """What the account should show for a number: every field, as the owned list gives it."""

    country: str
    msisdn: str
    # The whole owned number (wire names); None for a number bought by this machine until the
    # owned list first shows it (what a purchase sets is the target's to choose).
    fields: dict[str, Any] | None = None
    # The fields the last update sent: a difference there is `update_shows`, elsewhere
    # `owned_fields_kept`.
    last_set: frozenset[str] = field(default_factory=frozenset)

    def apply_update(self, app_id: str, mo_http_url: str | None) -> None:
        fields = self.fields if self.fields is not None else {}
        fields[APP_ID] = app_id
        sent = {APP_ID}
        if mo_http_url is not None:
            sent.add(MO_HTTP_URL)
            if mo_http_url:
                fields[MO_HTTP_URL] = mo_http_url
            else:
                # An empty moHttpUrl removes the webhook.
                fields.pop(MO_HTTP_URL, None)
        self.fields = fields
        self.last_set = frozenset(sent)


def compare(expected: ModelNumber, shown: dict[str, Any]) -> None:
    """Raise when the owned list shows a number otherwise than the model has it, field by field.

    A difference in a field the last update sent is `update_shows`; in any other field (one no
    step changed) `owned_fields_kept`. A number first listed since it was bought sets its model.
    """
    if expected.fields is None:
        expected.fields = shown
        return
    wanted = expected.fields
    changed = sorted(
        name for name in set(shown) | set(wanted) if shown.get(name) != wanted.get(name)
    )
    if not changed:
        return
    differences = ", ".join(
        f"{name} = {shown.get(name)!r} (expected {wanted.get(name)!r})" for name in changed
    )
    check = rules.UPDATE_SHOWS if set(changed) & expected.last_set else rules.OWNED_FIELDS_KEPT
    raise Violation(check, f"{expected.msisdn} is listed with {differences}")


def _text(value: str | Unset | None) -> str | None:
    return None if isinstance(value, Unset) or value is None else value


def _status(code: object) -> int:
    return int(code) if isinstance(code, int) else -1


class NumberLifecycle(RuleBasedStateMachine):
    """Rules draw the same shapes whatever the target answers (a rule always puts exactly one slot,
    a number or None, into its bundle; nothing is conditioned on the server's state), so that
    Hypothesis can replay and shrink a run. The mock is reset before each run; on another target
    each run cancels what it bought, which puts a well-behaved account back where it started.
    """

    available = Bundle("available")
    bought = Bundle("bought")

    def __init__(self, harness: Harness, tally: OperationStats) -> None:
        super().__init__()
        self.harness = harness
        self.tally = tally
        harness.target.reset()
        self.client = harness.target.client()
        # Another account, to check that it neither sees nor touches this run's numbers.
        self.other = harness.target.other_client()
        self.model: dict[str, ModelNumber] = {}
        for number in account.owned_numbers(self.client, harness.redactor):
            msisdn = _text(number.msisdn)
            if msisdn is not None:
                self.model[msisdn] = ModelNumber(
                    country=_text(number.country) or "", msisdn=msisdn, fields=number.to_dict()
                )
        # Numbers the run stocked on a real target that the account shows: updated, never
        # cancelled here (the fuzzing after this test works on them).
        self.stocked = [
            Number(country, msisdn)
            for country, msisdn in harness.state.stock.bought
            if msisdn in self.model
        ]
        self.mine: set[str] = set()
        self.cancelled: set[str] = set()

    def _step(self) -> None:
        self.tally.record_case(xml=False)

    def _owned_by_run(self, number: Number | None) -> Number | None:
        return number if number is not None and number.msisdn in self.mine else None

    @rule(
        target=available,
        country=st.sampled_from(SEARCH_COUNTRIES),
        features=st.sampled_from([UNSET, *GetAvailableNumbersFeatures]),
        pick=st.integers(min_value=0, max_value=9),
    )
    def search(
        self, country: str, features: GetAvailableNumbersFeatures | Unset, pick: int
    ) -> Number | None:
        self._step()
        response = parsed(
            lambda: get_available_numbers.sync_detailed(
                client=self.client, country=country, features=features
            ),
            f"search country={country}",
        )
        page = response.parsed
        if _status(response.status_code) != 200 or not isinstance(page, AvailableNumbers):
            raise Violation(
                rules.SEARCH_ANSWERS,
                f"search country={country} answered {_status(response.status_code)}",
            )
        found = [
            Number(country=_text(n.country) or country, msisdn=msisdn)
            for n in page.numbers or []
            if (msisdn := _text(n.msisdn)) is not None
        ]
        owned = [number.msisdn for number in found if number.msisdn in self.model]
        if owned:
            raise Violation(
                rules.SEARCH_EXCLUDES_OWNED, f"search offered numbers the account owns: {owned}"
            )
        return found[pick % len(found)] if found else None

    @rule(target=bought, number=consumes(available))
    def buy(self, number: Number | None) -> Number | None:
        if number is None or not self.harness.ledger.may_buy():
            return None
        self._step()
        if number.msisdn in self.model:
            # Offered twice and bought since: buying it again must be refused.
            self._expect_refused_buy(number)
            return None
        status = account.buy(self.client, number.country, number.msisdn)
        if status != 200:
            raise Violation(
                rules.BUY_AVAILABLE,
                f"buying {number.msisdn}, just offered by search, answered {status}",
            )
        self.model[number.msisdn] = ModelNumber(country=number.country, msisdn=number.msisdn)
        self.mine.add(number.msisdn)
        self.cancelled.discard(number.msisdn)
        return number

    def _expect_refused_buy(self, number: Number) -> None:
        # Should it go through after all, the gate has booked it: the settlement cancels it.
        status = account.buy(self.client, number.country, number.msisdn)
        if status != REFUSED:
            raise Violation(
                rules.BUY_OWNED_REFUSED,
                f"buying {number.msisdn}, already owned, answered {status} (expected 420)",
            )

    @rule(number=bought)
    def buy_again(self, number: Number | None) -> None:
        number = self._owned_by_run(number)
        if number is None:
            return
        self._step()
        self._expect_refused_buy(number)

    @rule(pick=st.integers(min_value=0, max_value=9))
    def buy_stocked_again(self, pick: int) -> None:
        """Buy a stocked number again: refused with 420 (on a real target at its cap, the stock is
        all the lifecycle owns, and this buy spends nothing on a correct server)."""
        if not self.stocked:
            return
        self._step()
        self._expect_refused_buy(self.stocked[pick % len(self.stocked)])

    @rule(number=consumes(bought))
    def cancel(self, number: Number | None) -> None:
        number = self._owned_by_run(number)
        if number is None:
            return
        self._step()
        status = account.cancel(self.client, number.country, number.msisdn)
        if status != 200:
            raise Violation(
                rules.CANCEL_OWNED, f"cancelling owned {number.msisdn} answered {status}"
            )
        del self.model[number.msisdn]
        self.mine.discard(number.msisdn)
        self.cancelled.add(number.msisdn)

    @rule(number=bought)
    def other_account_cannot_touch(self, number: Number | None) -> None:
        number = self._owned_by_run(number)
        if number is None or self.other is None:
            return
        self._step()
        problems = account.isolation_violations(
            self.other, number.country, number.msisdn, self.harness.redactor
        )
        if problems:
            raise Violation(rules.ACCOUNTS_ISOLATED, "; ".join(problems))

    @rule(number=available)
    def cancel_not_owned(self, number: Number | None) -> None:
        if number is None or number.msisdn in self.model:
            return
        self._step()
        status = account.cancel(self.client, number.country, number.msisdn)
        if status != REFUSED:
            raise Violation(
                rules.CANCEL_UNOWNED_REFUSED,
                f"cancelling {number.msisdn}, not owned, answered {status} (expected 420)",
            )

    @rule(number=bought, app_id=st.uuids().map(str), mo_http_url=st.sampled_from(WEBHOOK_URLS))
    def update(self, number: Number | None, app_id: str, mo_http_url: str | None) -> None:
        number = self._owned_by_run(number)
        if number is None:
            return
        self._update(number, app_id, mo_http_url)

    @rule(pick=st.integers(min_value=0, max_value=9), app_id=st.uuids().map(str))
    def update_stocked(self, pick: int, app_id: str) -> None:
        """Link a stocked number to another application, its webhook (if any) left as it is."""
        if not self.stocked:
            return
        self._update(self.stocked[pick % len(self.stocked)], app_id, None)

    def _update(self, number: Number, app_id: str, mo_http_url: str | None) -> None:
        self._step()
        response = parsed(
            lambda: update_a_number.sync_detailed(
                client=self.client,
                body=NumberDetailsUpdate(
                    country=number.country,
                    msisdn=number.msisdn,
                    app_id=app_id,
                    mo_http_url=UNSET if mo_http_url is None else mo_http_url,
                ),
            ),
            f"updating {number.msisdn}",
        )
        status = _status(response.status_code)
        if status != 200:
            raise Violation(rules.UPDATE_OWNED, f"updating owned {number.msisdn} answered {status}")
        self.model[number.msisdn].apply_update(app_id, mo_http_url)

    @invariant()
    def owned_list_matches_model(self) -> None:
        try:
            listed = {
                msisdn: number
                for number in account.owned_numbers(self.client, self.harness.redactor)
                if (msisdn := _text(number.msisdn)) is not None
            }
        except account.AccountError as exc:
            raise Violation(rules.OWNED_LIST_ANSWERS, str(exc)) from None
        missing = sorted(set(self.model) - set(listed))
        bought_missing = [msisdn for msisdn in missing if msisdn in self.mine]
        if bought_missing:
            raise Violation(
                rules.PURCHASE_SHOWS_UP,
                f"owned list lacks numbers this run bought: {bought_missing}",
            )
        if missing:
            # Owned before this machine started (a stateless stub lists different numbers each
            # time): no purchase of this run is involved.
            raise Violation(
                rules.OWNED_LIST_MATCHES,
                f"owned list lacks numbers the account owned when the test started: {missing}",
            )
        extra = sorted(set(listed) - set(self.model))
        if extra:
            check = (
                rules.CANCEL_REMOVES if set(extra) & self.cancelled else rules.OWNED_LIST_MATCHES
            )
            raise Violation(check, f"owned list shows numbers the account should not own: {extra}")
        for msisdn in sorted(self.model):
            compare(self.model[msisdn], listed[msisdn].to_dict())

    def teardown(self) -> None:
        # Cancel what this example bought; failures are left to the run's final settlement.
        for msisdn in sorted(self.mine):
            country = self.model[msisdn].country
            try:
                account.cancel(self.client, country, msisdn)
            except Exception:
                # Booked by the gate either way; interrupts (BaseException) are not caught.
                continue
