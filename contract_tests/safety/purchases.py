"""Money safety: what the harness may do to an account, and undoing what it did.

On the embedded mock anything goes. On any other target:
- buy, cancel and update run only with `--allow-purchases`;
- at most `--max-purchases` buys may be *attempted without a refusal* in one run: a slot is taken
  before the buy is sent and given back only when the target answers with a refusal, so a buy
  whose answer never came (timeout, dropped connection, Ctrl-C) counts as possibly made;
- numbers the account owned before the run are never cancelled or updated;
- at the end of every run (`settle`) the account is listed and compared with the snapshot taken
  before the run, and every number the run may have bought that the account now owns is cancelled.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from contract_tests.judging.document import ACCOUNT_CHANGING_OPERATIONS, BUY
from contract_tests.judging.violations import CANCEL_REMOVES

# What a buy needs to have any chance on a correct server: one country code, one msisdn of digits.
_COUNTRY = re.compile(r"[A-Za-z]{2}")
_MSISDN = re.compile(r"[0-9]{1,20}")


def cannot_buy(form: Mapping[str, list[str]], *, authorized: bool) -> bool:
    """Whether a correct server must refuse this buy whatever the account: it is sent without the
    run's credentials, or its form lacks a single well-formed country and msisdn.

    Such buys still run once the purchase cap is spent (they test the refusals); should a server
    make one anyway, the gate books it like any other and the clean-up cancels it.
    """
    countries, msisdns = form.get("country", []), form.get("msisdn", [])
    well_formed = (
        len(countries) == 1
        and len(msisdns) == 1
        and _COUNTRY.fullmatch(countries[0]) is not None
        and _MSISDN.fullmatch(msisdns[0]) is not None
    )
    return not (authorized and well_formed)


class BuyState(Enum):
    POSSIBLE = "sent, no answer"
    BOUGHT = "bought"


@dataclass(frozen=True)
class Slot:
    """A buy booked before it is sent; `counted` when it took one of `--max-purchases`."""

    msisdn: str
    counted: bool


@dataclass(frozen=True)
class Purchase:
    country: str
    msisdn: str


@dataclass
class Settlement:
    """What the end-of-run clean-up did, for the summary."""

    cancelled: list[str] = field(default_factory=list)
    # Sentences naming each number the run may have left owned, and why.
    problems: list[str] = field(default_factory=list)
    # Numbers that appeared on the account during the run without this run buying them.
    left_alone: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [f"cancelled: {', '.join(self.cancelled) if self.cancelled else 'nothing'}"]
        lines += [f"not cancelled: {problem}" for problem in self.problems]
        if self.left_alone:
            lines.append(
                "new on the account but not bought by this run (left alone): "
                + ", ".join(self.left_alone)
            )
        return lines


@dataclass
class PurchaseLedger:
    """Decides which account-changing requests may be sent; remembers every buy attempted."""

    embedded: bool
    allow_purchases: bool
    max_purchases: int
    # Numbers owned before the run started: off limits for cancel and update on a real account.
    protected: frozenset[str] = frozenset()
    _attempts: dict[str, tuple[Purchase, BuyState]] = field(default_factory=dict)
    # Numbers the run may have bought whose cancel answered 200: the clean-up checks that they are
    # really gone (a server whose cancel does nothing would otherwise keep them unnoticed).
    _cancelled: dict[str, Purchase] = field(default_factory=dict)
    _slots_taken: int = 0
    # Fuzzing and the lifecycle test share one ledger; the lock keeps the cap exact.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def changes_allowed(self) -> bool:
        return self.embedded or self.allow_purchases

    def refusal(self, operation_label: str) -> str | None:
        """Why an operation must not run at all against this target, or None when it may."""
        if operation_label not in ACCOUNT_CHANGING_OPERATIONS or self.changes_allowed:
            return None
        what = "spends money" if operation_label == BUY else "changes the account's numbers"
        return (
            f"{operation_label} {what} on a real account: skipped "
            "(pass --allow-purchases to run buy, cancel and update against this target)"
        )

    def may_buy(self) -> bool:
        """Whether one more buy may be sent (unlimited on the mock: nothing is spent there)."""
        with self._lock:
            return self.embedded or (
                self.allow_purchases and self._slots_taken < self.max_purchases
            )

    def may_touch(self, msisdns: Iterable[str]) -> bool:
        """Whether a cancel or update naming these numbers may be sent."""
        return self.embedded or not (set(msisdns) & self.protected)

    def reserve(self, country: str, msisdn: str, *, beyond_cap: bool = False) -> Slot | None:
        """Book a buy about to be sent; None (send nothing) when the cap is reached.

        `beyond_cap` books it even past the cap: a buy a correct server must refuse (see
        `cannot_buy`), which counts toward the cap, and is cancelled, if it goes through after all.

        Buying a number the run already bought, or may have, takes no new slot: at most it buys
        that same number (schemathesis' probes re-send a buy without credentials, the lifecycle
        buys an owned number to see it refused).
        """
        with self._lock:
            if not self.embedded and not self.allow_purchases:
                return None
            if msisdn in self._attempts:
                return Slot(msisdn, counted=False)
            if not self.embedded and self._slots_taken >= self.max_purchases and not beyond_cap:
                return None
            self._slots_taken += 1
            self._attempts[msisdn] = (Purchase(country, msisdn), BuyState.POSSIBLE)
            return Slot(msisdn, counted=True)

    def answered(self, slot: Slot, status: int) -> None:
        """The target answered a booked buy: a 2xx bought it; a refusal gives its slot back."""
        with self._lock:
            entry = self._attempts.get(slot.msisdn)
            if 200 <= status < 300:
                purchase = entry[0] if entry else Purchase("", slot.msisdn)
                self._attempts[slot.msisdn] = (purchase, BuyState.BOUGHT)
            elif slot.counted and status != 429 and 400 <= status < 500:
                self._slots_taken = max(0, self._slots_taken - 1)
                if entry is not None and entry[1] is BuyState.POSSIBLE:
                    del self._attempts[slot.msisdn]
            # A 5xx or 429 proves nothing either way: the buy stays possibly made.

    def record_cancel(self, msisdn: str) -> None:
        """A cancel of `msisdn` answered 200: no longer outstanding, but remembered as cancelled."""
        with self._lock:
            entry = self._attempts.pop(msisdn, None)
            if entry is not None:
                self._cancelled[msisdn] = entry[0]

    def cancelled(self) -> list[Purchase]:
        """Numbers the run may have bought and has cancelled (the cancel answered 200)."""
        with self._lock:
            return list(self._cancelled.values())

    @property
    def purchases_made(self) -> int:
        """Buys that were sent and not refused (made, or possibly made)."""
        return self._slots_taken

    def outstanding(self) -> list[Purchase]:
        """Numbers the run bought or may have bought, not cancelled yet."""
        with self._lock:
            return [purchase for purchase, _ in self._attempts.values()]

    def left_owned(self) -> list[str]:
        """One line per number the run may leave on the account, for a hurried exit."""
        with self._lock:
            return [
                f"{p.country} {p.msisdn} ({state.value})" for p, state in self._attempts.values()
            ]

    def settle(
        self,
        cancel: Callable[[str, str], int],
        owned: Callable[[], set[str]],
    ) -> Settlement:
        """Cancel every number the run may have bought that the account owns now.

        The account is listed first: a number the run tried to buy that it does not own needs no
        cancel, and a number it owns that was protected is never touched. When listing fails,
        every outstanding attempt is cancelled blind (a refusal then means it was never bought).
        """
        result = Settlement()
        outstanding = [p for p in self.outstanding() if p.msisdn not in self.protected]
        try:
            now_owned: set[str] | None = owned()
        except Exception as exc:  # the clean-up goes on without the list
            result.problems.append(
                f"listing the account failed ({type(exc).__name__}: {exc}); cancelling every "
                "number the run may have bought"
            )
            now_owned = None
        if now_owned is not None:
            mine = {p.msisdn for p in outstanding}
            # Cancelled during the run (200) and still shown: that cancel did nothing. The number is
            # the run's all the same, so it is cancelled again, and checked below.
            outstanding += [
                p
                for p in self.cancelled()
                if p.msisdn in now_owned and p.msisdn not in mine | self.protected
            ]
            mine = {p.msisdn for p in outstanding}
            result.left_alone = sorted(now_owned - self.protected - mine)
            for purchase in outstanding:
                if purchase.msisdn not in now_owned:
                    self.record_cancel(purchase.msisdn)
            outstanding = [p for p in outstanding if p.msisdn in now_owned]
        for purchase in outstanding:
            try:
                status = cancel(purchase.country, purchase.msisdn)
            except Exception as exc:  # a transport error must not stop the other cancellations
                result.problems.append(
                    f"{purchase.msisdn}: cancelling failed: {type(exc).__name__}: {exc}"
                )
                continue
            if status == 200:
                self.record_cancel(purchase.msisdn)
                result.cancelled.append(purchase.msisdn)
            elif now_owned is None and status == 420:
                # Refused without a list to go by: most likely never bought. Said, not hidden.
                result.problems.append(
                    f"{purchase.msisdn}: cancelling answered 420 and the account could not be "
                    "listed: check it by hand"
                )
            else:
                result.problems.append(
                    f"{purchase.msisdn}: cancelling answered {status}, "
                    "and the account still owns it"
                )
        if result.cancelled and now_owned is not None:
            result.problems += _still_owned(result, owned)
        return result


def _still_owned(result: Settlement, owned: Callable[[], set[str]]) -> list[str]:
    """Sentences for the numbers the clean-up cancelled (200) that the account still shows."""
    try:
        now_owned = owned()
    except Exception as exc:  # said, not raised: the clean-up's other results stand
        return [f"listing the account after the clean-up failed ({type(exc).__name__}: {exc})"]
    kept = [msisdn for msisdn in result.cancelled if msisdn in now_owned]
    result.cancelled = [msisdn for msisdn in result.cancelled if msisdn not in now_owned]
    return [
        f"{msisdn}: cancelling answered 200, and the account still owns it ({CANCEL_REMOVES})"
        for msisdn in kept
    ]
