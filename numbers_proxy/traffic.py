"""What the traffic means over time, per account: page walks, and what buy, cancel and update
must change in later answers. Pure state, bounded: every table is capped, oldest first.

The proxy sees requests in the order they arrive and answers in the order they complete. An answer
is only held to a change whose own answer arrived before its request did (`clock`): a list asked
for while a purchase was still on its way may or may not show it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from contract_tests.judging import paging, semantics
from contract_tests.judging.document import BUY, CANCEL, OWNED, SEARCH, UPDATE, JsonObject, resolve
from contract_tests.judging.violations import (
    CANCEL_REMOVES,
    OWNED_FIELDS_KEPT,
    PAGES_HOLD_EACH_NUMBER_ONCE,
    PURCHASE_SHOWS_UP,
    SEARCH_EXCLUDES_OWNED,
    UPDATE_SHOWS,
)
from numbers_proxy.checks import Side
from numbers_proxy.exchange import Finding
from numbers_proxy.request_rules import RequestVerdict

__all__ = ["Limits", "Traffic"]

IDENTITY_FIELDS = ("country", "msisdn", "target_api_key")
# Filters whose meaning for a number the proxy may not know (which application it is linked to).
APPLICATION_FILTERS = ("application_id", "has_application")

K = TypeVar("K")
V = TypeVar("V")


class Capped(OrderedDict[K, V], Generic[K, V]):
    """A dict that forgets its oldest entries past `cap` (touching an entry makes it newest)."""

    def __init__(self, cap: int) -> None:
        super().__init__()
        self.cap = cap

    def put(self, key: K, value: V) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.cap:
            self.popitem(last=False)


@dataclass(frozen=True)
class Limits:
    """How much the proxy remembers: accounts, numbers per account, open walks per account."""

    accounts: int = 256
    numbers: int = 512
    walks: int = 4
    # Pages a walk keeps (each at most 100 numbers); a longer walk is judged on what it kept.
    pages: int = 20


@dataclass
class Purchase:
    country: str
    answered: int


@dataclass
class NumberModel:
    """What the account should show for one number after an update."""

    # The number as a listing last showed it (None: not listed since the proxy started).
    shown: dict[str, Any] | None = None
    # The update's fields: value, or None for one the update removed (an empty value).
    pending: dict[str, str | None] | None = None
    updated: int = 0


@dataclass
class OpenWalk:
    walk: paging.Walk
    next_index: int
    started: int


@dataclass
class Account:
    limits: Limits
    bought: Capped[str, Purchase] = field(init=False)
    cancelled: Capped[str, int] = field(init=False)
    numbers: Capped[str, NumberModel] = field(init=False)
    walks: Capped[tuple[str, tuple[tuple[str, str], ...]], OpenWalk] = field(init=False)

    def __post_init__(self) -> None:
        self.bought = Capped(self.limits.numbers)
        self.cancelled = Capped(self.limits.numbers)
        self.numbers = Capped(self.limits.numbers)
        self.walks = Capped(self.limits.walks)


class Traffic:
    """The state rules over every exchange of every account the proxy has seen."""

    def __init__(self, document: JsonObject, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._accounts: Capped[str, Account] = Capped(self.limits.accounts)
        owned = resolve(document, document["components"]["schemas"]["ownednumber"])
        # The fields an owned number shows; an update's other fields are stored but not listed.
        self._shown_fields = frozenset(owned.get("properties", {}))
        self.clock = 0

    def tick(self) -> int:
        """One event more (a request arriving or an answer completing); its time."""
        self.clock += 1
        return self.clock

    @property
    def accounts(self) -> int:
        return len(self._accounts)

    def held(self) -> dict[str, int]:
        """How much state is held now: accounts, and the most entries of any one account."""
        accounts = list(self._accounts.values())
        return {
            "accounts": len(accounts),
            "numbers": max(
                (max(len(a.bought), len(a.cancelled), len(a.numbers)) for a in accounts), default=0
            ),
            "walks": max((len(a.walks) for a in accounts), default=0),
        }

    def observe(self, sent: int, verdict: RequestVerdict, status: int, body: Any) -> list[Finding]:
        """Findings for one answer (`body` in JSON shape for a list that passed its schema).

        `sent` is when the request arrived (`tick`); the answer completes now.
        """
        answered = self.tick()
        account_key = verdict.account
        if account_key is None or status != 200 or not verdict.valid:
            return []
        account = self._account(account_key)
        operation = verdict.operation
        if operation in (BUY, CANCEL, UPDATE):
            self._change(account, operation, verdict, answered)
            return []
        if body is None:
            return []
        numbers = semantics.page_numbers(body)
        count = body.get("count") if isinstance(body, Mapping) else None
        if operation == SEARCH:
            return self._search(account, sent, numbers) + self._walk(
                account, verdict, sent, numbers, count
            )
        if operation == OWNED:
            return self._owned(account, verdict, sent, numbers, count)
        return []

    def _account(self, key: str) -> Account:
        account = self._accounts.get(key)
        if account is None:
            account = Account(self.limits)
        self._accounts.put(key, account)
        return account

    def _change(self, account: Account, operation: str, verdict: RequestVerdict, now: int) -> None:
        msisdn = _one(verdict.form, "msisdn")
        if msisdn is None:
            return
        if operation == BUY:
            account.bought.put(msisdn, Purchase(_one(verdict.form, "country") or "", now))
            account.cancelled.pop(msisdn, None)
        elif operation == CANCEL:
            account.cancelled.put(msisdn, now)
            account.bought.pop(msisdn, None)
            account.numbers.pop(msisdn, None)
        else:
            model = account.numbers.get(msisdn) or NumberModel()
            pending = dict(model.pending or {})
            for name, values in verdict.form.items():
                if name in IDENTITY_FIELDS or name not in self._shown_fields or len(values) != 1:
                    continue
                pending[name] = values[0] or None
            model.pending, model.updated = pending, now
            account.numbers.put(msisdn, model)

    def _search(
        self, account: Account, sent: int, numbers: list[Mapping[str, Any]]
    ) -> list[Finding]:
        offered = [
            str(n.get("msisdn"))
            for n in numbers
            if (bought := account.bought.get(str(n.get("msisdn")))) is not None
            and bought.answered < sent
        ]
        return _finding(
            SEARCH_EXCLUDES_OWNED,
            f"{SEARCH} offered numbers the account bought and kept: {', '.join(offered[:5])}",
            offered,
        )

    def _owned(
        self,
        account: Account,
        verdict: RequestVerdict,
        sent: int,
        numbers: list[Mapping[str, Any]],
        count: Any,
    ) -> list[Finding]:
        listed = {str(n.get("msisdn")): n for n in numbers}
        still = [m for m in listed if (at := account.cancelled.get(m)) is not None and at < sent]
        found = _finding(
            CANCEL_REMOVES,
            f"{OWNED} still lists numbers cancelled with 200: {', '.join(still[:5])}",
            still,
        )
        for msisdn, number in listed.items():
            model = account.numbers.get(msisdn)
            if model is None:
                model = NumberModel()
                account.numbers.put(msisdn, model)
            if model.pending is not None and model.updated < sent:
                found += self._compare(msisdn, model, number)
            model.shown = dict(number)
        query = verdict.query
        complete = _whole_list(query, len(numbers))
        found += self._walk(account, verdict, sent, numbers, count)
        if complete:
            found += self._missing(account, query, sent, set(listed))
        return found

    def _compare(self, msisdn: str, model: NumberModel, shown: Mapping[str, Any]) -> list[Finding]:
        pending = model.pending or {}
        expected: dict[str, Any] = dict(model.shown) if model.shown is not None else {}
        for name, value in pending.items():
            if value is None:
                expected.pop(name, None)
            else:
                expected[name] = value
        names = set(expected) | set(shown) if model.shown is not None else set(pending)
        changed = sorted(name for name in names if shown.get(name) != expected.get(name))
        model.pending = None
        if not changed:
            return []
        check = UPDATE_SHOWS if set(changed) & set(pending) else OWNED_FIELDS_KEPT
        differences = ", ".join(
            f"{name} = {shown.get(name)!r} (expected {expected.get(name)!r})" for name in changed
        )
        return [
            Finding(
                check,
                Side.SERVER,
                f"{OWNED} lists {msisdn}, updated with 200, with {differences}",
            )
        ]

    def _missing(
        self, account: Account, query: Mapping[str, list[str]], sent: int, listed: set[str]
    ) -> list[Finding]:
        if any(name in query for name in APPLICATION_FILTERS):
            return []
        country = semantics.single_value(query, "country")
        pattern = semantics.single_value(query, "pattern")
        strategy_text = semantics.single_value(query, "search_pattern") or "0"
        strategy = int(strategy_text) if strategy_text in ("0", "1", "2") else 0
        missing = [
            msisdn
            for msisdn, purchase in account.bought.items()
            if purchase.answered < sent
            and msisdn not in listed
            and (country is None or purchase.country.upper() == country.upper())
            and (pattern is None or semantics.matches_pattern(msisdn, pattern, strategy))
        ]
        for msisdn in missing:
            # Said once: the next listing would say it again.
            account.bought.pop(msisdn, None)
        return _finding(
            PURCHASE_SHOWS_UP,
            f"{OWNED} leaves out numbers bought with 200: {', '.join(missing[:5])}",
            missing,
        )

    def _walk(
        self,
        account: Account,
        verdict: RequestVerdict,
        sent: int,
        numbers: list[Mapping[str, Any]],
        count: Any,
    ) -> list[Finding]:
        query = verdict.query
        size = semantics.page_size(query)
        index_text = semantics.single_value(query, "index") or ("1" if "index" not in query else "")
        if size is None or not index_text.isdigit():
            return []
        index = int(index_text)
        key = (
            verdict.operation,
            tuple(sorted((k, ",".join(v)) for k, v in query.items() if k != "index")),
        )
        walk = account.walks.get(key)
        if index == 1:
            walk = OpenWalk(paging.Walk(size=size), 1, sent)
        elif walk is None or index != walk.next_index:
            account.walks.pop(key, None)
            return []
        walk.walk.page_lengths.append(len(numbers))
        walk.walk.msisdns.extend(str(n.get("msisdn")) for n in numbers)
        walk.walk.counts.append(count if isinstance(count, int) else None)
        walk.next_index = index + 1
        # The end: a short or empty page, or (as the official SDKs reckon) `count` reached.
        ends = not numbers or len(numbers) < size
        ends = ends or (isinstance(count, int) and index * size >= count)
        if not ends and index < self.limits.pages:
            account.walks.put(key, walk)
            return []
        account.walks.pop(key, None)
        walk.walk.complete = ends
        if index == 1:
            return []
        problems = paging.judge(walk.walk)
        found = _finding(
            PAGES_HOLD_EACH_NUMBER_ONCE,
            f"{verdict.operation} walked page by page ({index} pages of size={size}): "
            + "; ".join(problems),
            problems,
        )
        if verdict.operation == OWNED:
            found += self._missing(account, query, walk.started, set(walk.walk.msisdns))
        return found


def _whole_list(query: Mapping[str, list[str]], length: int) -> bool:
    """A first page with room to spare holds every match."""
    size = semantics.page_size(query)
    index = semantics.single_value(query, "index")
    return (
        size is not None
        and ((index is None and "index" not in query) or index == "1")
        and (length < size)
    )


def _one(fields: Mapping[str, list[str]], name: str) -> str | None:
    values = fields.get(name)
    return values[0] if values and len(values) == 1 else None


def _finding(check: str, detail: str, offenders: list[Any]) -> list[Finding]:
    return [Finding(check, Side.SERVER, detail)] if offenders else []
