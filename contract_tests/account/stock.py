"""Give the account something to show before fuzzing: owned numbers, linked or not.

A fresh account owns nothing, so fuzzing the owned list would only ever judge empty pages; and the
filters by application need numbers linked to one (by `app_id`, or the deprecated `app` callbacks).
On the embedded mock that is free (`stock_mock`); on any other target it spends money, so only with
`--allow-purchases` and within `--max-purchases` (`stock_target`), through the run's gate, which
books every buy for the end-of-run clean-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from numbers_api_client.api.default import get_available_numbers, update_a_number
from numbers_api_client.models import (
    AvailableNumbers,
    NumberDetailsUpdate,
    NumberDetailsUpdateMessagesCallbackType,
    NumberDetailsUpdateVoiceCallbackType,
)

from contract_tests.account import numbers as account
from contract_tests.judging.redaction import Redactor
from contract_tests.judging.violations import (
    BUY_AVAILABLE,
    PURCHASE_SHOWS_UP,
    SEARCH_ANSWERS,
    SEARCH_EXCLUDES_OWNED,
    SEARCH_OFFERS_NUMBERS,
    SET_UP_HELD_BACK,
    UPDATE_OWNED,
    Violation,
)
from contract_tests.run.run_state import Stock
from contract_tests.run.target import Target
from contract_tests.safety.layer import HeldBack
from contract_tests.safety.purchases import PurchaseLedger

APPLICATION = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"
OTHER_APPLICATION = "bbbbbbbb-bbbb-cccc-dddd-0123456789ab"
# (country, how many to own, how many more to leave available for aimed buys)
STOCK_PLAN = (("GB", 4, 3), ("US", 2, 2))
# On a real target: the countries the numbers are bought in, in turn (two as soon as the cap
# allows), and the most bought, whatever the cap (the rest is left to the lifecycle).
TARGET_COUNTRIES = ("GB", "US")
MAX_TARGET_STOCK = 4
WEBHOOK = "https://example.com/webhooks/inbound-sms"


@dataclass(frozen=True)
class Stocked:
    """What `stock_mock` left on the account."""

    owned: tuple[tuple[str, str], ...]
    spare: tuple[tuple[str, str], ...]
    # msisdn -> the application it is linked to, however it was linked.
    links: dict[str, str]

    @property
    def numbers(self) -> tuple[tuple[str, str], ...]:
        """Every number fuzzed buys, cancels and updates may aim at (owned or not)."""
        return self.owned + self.spare


def stock_mock(target: Target) -> Stocked:
    """Reset the mock and own a few numbers: linked by `app_id`, by each old callback, or not.

    What the mock does wrong on the way is a `Violation` naming the rule, like any finding.
    """
    assert target.embedded, "stocking buys numbers: the embedded mock only"
    target.reset()
    client = target.client()
    owned: list[tuple[str, str]] = []
    spare: list[tuple[str, str]] = []
    for country, to_own, to_spare in STOCK_PLAN:
        search = partial(
            get_available_numbers.sync_detailed,
            client=client,
            country=country,
            size=to_own + to_spare,
        )
        page = account.parsed(search, f"stocking: searching {country}").parsed
        if not isinstance(page, AvailableNumbers):
            raise Violation(SEARCH_ANSWERS, f"stocking: searching {country} gave no list")
        numbers = [(country, str(n.msisdn)) for n in page.numbers or []]
        for number in numbers[:to_own]:
            status = account.buy(client, *number)
            if status != 200:
                raise Violation(
                    BUY_AVAILABLE, f"stocking: buying {number[1]}, just offered, answered {status}"
                )
        owned += numbers[:to_own]
        spare += numbers[to_own:]
    (gb1, msisdn1), (gb2, msisdn2), (gb3, msisdn3) = owned[:3]
    links = (
        NumberDetailsUpdate(country=gb1, msisdn=msisdn1, app_id=APPLICATION),
        NumberDetailsUpdate(
            country=gb2,
            msisdn=msisdn2,
            voice_callback_type=NumberDetailsUpdateVoiceCallbackType.APP,
            voice_callback_value=APPLICATION,
        ),
        NumberDetailsUpdate(
            country=gb3,
            msisdn=msisdn3,
            messages_callback_type=NumberDetailsUpdateMessagesCallbackType.APP,
            messages_callback_value=OTHER_APPLICATION,
            mo_http_url="https://example.com/webhooks/inbound-sms",
        ),
    )
    for update in links:
        status = int(update_a_number.sync_detailed(client=client, body=update).status_code)
        if status != 200:
            raise Violation(
                UPDATE_OWNED, f"stocking: linking {update.msisdn}, just bought, answered {status}"
            )
    return Stocked(
        owned=tuple(owned),
        spare=tuple(spare),
        links={msisdn1: APPLICATION, msisdn2: APPLICATION, msisdn3: OTHER_APPLICATION},
    )


@dataclass(frozen=True)
class TargetStock:
    """What `stock_target` bought, and one line on how it went (for the summary)."""

    bought: tuple[tuple[str, str], ...]
    report: str
    # What the target did wrong while being stocked, for `test_stock.py` to report once.
    findings: tuple[Violation, ...] = ()


def held_back_finding(held: HeldBack) -> Violation:
    """A request of the set-up the safety layer would not send, as a finding: the target's
    answers led the set-up there (a number owned before the run sold again, say)."""
    return Violation(SET_UP_HELD_BACK, f"stocking: {held}")


def stock_target(target: Target, ledger: PurchaseLedger, redactor: Redactor) -> TargetStock:
    """Buy up to the purchase cap (at most `MAX_TARGET_STOCK`), in turn in `TARGET_COUNTRIES`; link
    the first to `APPLICATION` and give the second (or the only one) a webhook.

    Stocking is set-up: what the target does wrong is kept as findings (reported once, by
    `test_stock.py`) and the run goes on with what it got. Every buy goes through the gate, so the
    cap holds and the clean-up cancels what was bought.
    """
    wanted = min(MAX_TARGET_STOCK, max(0, ledger.max_purchases - ledger.purchases_made))
    if wanted == 0:
        return TargetStock((), "nothing bought (the purchase cap is 0)")
    client = target.client()
    per_country = [
        sum(1 for i in range(wanted) if TARGET_COUNTRIES[i % len(TARGET_COUNTRIES)] == country)
        for country in TARGET_COUNTRIES
    ]
    bought: list[tuple[str, str]] = []
    findings: list[Violation] = []
    searched: list[str] = []
    offered_any = False
    for country, count in zip(TARGET_COUNTRIES, per_country, strict=True):
        if count == 0:
            continue
        try:
            page = account.parsed(
                partial(get_available_numbers.sync_detailed, client=client, country=country),
                f"stocking: searching {country}",
            ).parsed
            offered = page.numbers or [] if isinstance(page, AvailableNumbers) else []
            searched.append(country)
            offered_any = offered_any or bool(offered)
            for number in offered:
                if sum(1 for c, _ in bought if c == country) == count or not ledger.may_buy():
                    break
                msisdn = str(number.msisdn)
                if msisdn in ledger.protected or (country, msisdn) in bought:
                    # Never bought: on a broken service a second purchase could go through.
                    findings.append(
                        Violation(
                            SEARCH_EXCLUDES_OWNED,
                            f"stocking: searching {country} offered {msisdn}, which the account "
                            "owns (not bought again)",
                        )
                    )
                    continue
                status = account.buy(client, country, msisdn)
                if status == 200:
                    bought.append((country, msisdn))
                else:
                    findings.append(
                        Violation(
                            BUY_AVAILABLE,
                            f"stocking: buying {country} {msisdn}, just offered by search, "
                            f"answered {status}",
                        )
                    )
        except Violation as finding:
            findings.append(finding)
        except HeldBack as held:
            findings.append(held_back_finding(held))
    if searched and not offered_any:
        findings.append(
            Violation(
                SEARCH_OFFERS_NUMBERS,
                f"stocking: searching {' and '.join(searched)} offered no number at all: "
                "nothing was bought, and no test has a number of the account's own to judge",
            )
        )
    if bought:
        # A purchase the owned list does not show is the finding; linking it would only add a
        # second one (its update refused) for the same cause.
        try:
            listed = {str(n.msisdn) for n in account.owned_numbers(client, redactor)}
        except Violation as finding:
            findings.append(finding)
            listed = set()
        missing = [msisdn for _, msisdn in bought if msisdn not in listed]
        if missing:
            findings.append(
                Violation(
                    PURCHASE_SHOWS_UP,
                    f"stocking: bought {', '.join(missing)} (answered 200), but the owned list "
                    "does not show them",
                )
            )
        bought = [number for number in bought if number[1] in listed]
    links: list[tuple[str, NumberDetailsUpdate]] = []
    if bought:
        country, msisdn = bought[0]
        links.append(
            (
                "linked to " + APPLICATION,
                NumberDetailsUpdate(country=country, msisdn=msisdn, app_id=APPLICATION),
            )
        )
        country, msisdn = bought[1] if len(bought) > 1 else bought[0]
        links.append(
            (
                "webhook " + WEBHOOK,
                NumberDetailsUpdate(country=country, msisdn=msisdn, mo_http_url=WEBHOOK),
            )
        )
    done = []
    for what, update in links:
        try:
            status = int(update_a_number.sync_detailed(client=client, body=update).status_code)
        except Violation as finding:
            findings.append(finding)
            continue
        except HeldBack as held:
            findings.append(held_back_finding(held))
            continue
        if status == 200:
            done.append(f"{update.msisdn} {what}")
        else:
            findings.append(
                Violation(
                    UPDATE_OWNED,
                    f"stocking: updating owned {update.msisdn} ({what}) answered {status}",
                )
            )
    numbers = ", ".join(f"{country} {msisdn}" for country, msisdn in bought) or "nothing"
    report = f"bought {numbers}" + (f"; {'; '.join(done)}" if done else "")
    if findings:
        report += f"; {len(findings)} problem(s), see the stocking test"
    return TargetStock(tuple(bought), report, tuple(findings))


def report_findings_once(stock: Stock) -> None:
    """Raise what went wrong while stocking, in the first test (of those using the stock) that
    asks: one root cause, one failure, whichever tests `-k` selected."""
    findings, stock.findings = stock.findings, ()
    if findings:
        first, *others = findings
        raise Violation(first.check, "\n".join([first.detail, *map(str, others)]))
