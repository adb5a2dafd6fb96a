"""One small function per operation of the document: a validated call in, a reply out.

Handlers see only validated, checked input and the state; reading, authentication, validation and
rendering happen around them (`pipeline`). A handler table maps operationIds to handlers, so a
variant of the mock can swap one handler without touching the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from numbers_mock.core.replies import METHOD_FAILED, SUCCESS, Reply
from numbers_mock.state.accounts import Account, AccountBook
from numbers_mock.state.balances import Balances
from numbers_mock.state.queries import NumberQuery
from numbers_mock.state.store import NumberStore

__all__ = [
    "HANDLERS",
    "Call",
    "Handler",
    "MockContext",
    "buy_a_number",
    "cancel_a_number",
    "get_available_numbers",
    "get_owned_numbers",
    "update_a_number",
]

# Form fields that say which number an update is about, rather than how to configure it.
_IDENTITY_FIELDS = frozenset({"country", "msisdn", "target_api_key"})


@dataclass(frozen=True)
class MockContext:
    """What handlers work with: the state, the accounts and their balances."""

    store: NumberStore
    accounts: AccountBook
    balances: Balances = field(default_factory=lambda: Balances(()))


@dataclass(frozen=True)
class Call:
    """One authenticated, validated request to an operation."""

    operation_id: str
    account: Account
    params: Mapping[str, Any]
    body: Mapping[str, Any]


Handler = Callable[[MockContext, Call], Reply]


def get_owned_numbers(context: MockContext, call: Call) -> Reply:
    """`GET /account/numbers`: the caller's numbers matching the filters, one page of them.

    A number belongs to an application (`application_id`, `has_application`) through `app_id` or
    through a deprecated callback pair of type `app` (`messagesCallbackType`/`Value`,
    `voiceCallbackType`/`Value`), whose value is the application ID.

    An empty result is answered `{}`, one of the two empty answers the real service is seen
    to give (the other, `{"count":0,"numbers":[]}`, is what the search answers): clients meet both.
    A page past the last one is `{}` too, as the service answers it.
    """
    page = context.store.list_owned(call.account.api_key, NumberQuery.from_params(call.params))
    if not page.numbers:
        return Reply(200, {})
    return Reply(200, {"count": page.count, "numbers": page.numbers})


def get_available_numbers(context: MockContext, call: Call) -> Reply:
    """`GET /number/search`: unowned numbers matching the filters.

    An empty result is answered `{"count":0,"numbers":[]}`; a page past the last one is `{}`, as
    the service answers it.
    """
    page = context.store.search_available(NumberQuery.from_params(call.params))
    if page.count and not page.numbers:
        return Reply(200, {})
    return Reply(200, {"count": page.count, "numbers": page.numbers})


def buy_a_number(context: MockContext, call: Call) -> Reply:
    """`POST /number/buy`: move a number from the pool to the caller (or to its subaccount).

    The account that gets the number pays its `initialPrice` from its balance, if it has one.
    """
    target = context.accounts.acting_account(call.account, call.body.get("target_api_key"))
    if target is None:
        return METHOD_FAILED
    price = Decimal(context.store.initial_price(call.body["msisdn"]) or "0")
    if not context.balances.charge(target.api_key, price):
        return METHOD_FAILED
    bought = context.store.buy(target.api_key, call.body["country"], call.body["msisdn"])
    if not bought:
        context.balances.refund(target.api_key, price)
    return SUCCESS if bought else METHOD_FAILED


def cancel_a_number(context: MockContext, call: Call) -> Reply:
    """`POST /number/cancel`: return the caller's (or its subaccount's) number to the pool."""
    target = context.accounts.acting_account(call.account, call.body.get("target_api_key"))
    if target is None:
        return METHOD_FAILED
    cancelled = context.store.cancel(target.api_key, call.body["country"], call.body["msisdn"])
    return SUCCESS if cancelled else METHOD_FAILED


def update_a_number(context: MockContext, call: Call) -> Reply:
    """`POST /number/update`: set what the form carries on one of the caller's numbers.

    Every other field the document's update body declares is stored under its own name (an empty
    value removes it); the owned list then shows those the `ownednumber` schema declares.
    """
    changes = {
        name: str(value) for name, value in call.body.items() if name not in _IDENTITY_FIELDS
    }
    updated = context.store.update(
        call.account.api_key, call.body["country"], call.body["msisdn"], changes
    )
    return SUCCESS if updated else METHOD_FAILED


HANDLERS: Mapping[str, Handler] = {
    "getOwnedNumbers": get_owned_numbers,
    "getAvailableNumbers": get_available_numbers,
    "buyANumber": buy_a_number,
    "cancelANumber": cancel_a_number,
    "updateANumber": update_a_number,
}
