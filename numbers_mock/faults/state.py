"""Account changes that lie: success reported for nothing done, done twice, done to another
account's numbers, or to settings the change did not name; an owned list that keeps no state.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable

from numbers_mock.core.replies import SUCCESS, Reply
from numbers_mock.faults.edits import BUY, CANCEL, OWNED, SEARCH, UPDATE, page_numbers
from numbers_mock.faults.model import Category, Fault
from numbers_mock.http.handlers import Call, Handler, MockContext
from numbers_mock.state.accounts import Account
from numbers_mock.state.queries import NumberQuery

__all__ = ["STATE_FAULTS"]

_REFUSED = 420
_MO_HTTP_URL = "moHttpUrl"
# Where the stateless owned list's made-up numbers start: Ofcom's UK mobile range for drama, which
# phonenumbers holds invalid, so the generated inventory (valid numbers only) never offers one.
_MADE_UP_GB_MOBILE = 447700900000
# Larger than any inventory: "every match" when a fault needs the whole list.
_EVERYTHING = 1_000_000


def _acting(context: MockContext, call: Call) -> Account | None:
    return context.accounts.acting_account(call.account, call.body.get("target_api_key"))


def _number(call: Call) -> tuple[str, str]:
    return call.body["country"], call.body["msisdn"]


def _undone(handler: Handler, undo: Callable[[MockContext, str, str, str], object]) -> Handler:
    """`handler`, but a change it reports as done is undone at once.

    `undo(context, api_key, country, msisdn)` reverses the change for the account it was made for.
    """

    def handle(context: MockContext, call: Call) -> Reply:
        reply = handler(context, call)
        target = _acting(context, call)
        if reply == SUCCESS and target is not None:
            undo(context, target.api_key, *_number(call))
        return reply

    return handle


def buy_then_give_back(handler: Handler) -> Handler:
    return _undone(
        handler, lambda context, key, country, msisdn: context.store.cancel(key, country, msisdn)
    )


def cancel_then_take_back(handler: Handler) -> Handler:
    return _undone(
        handler, lambda context, key, country, msisdn: context.store.buy(key, country, msisdn)
    )


def update_nothing(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        if context.store.owner_of(call.body["msisdn"]) == call.account.api_key:
            return SUCCESS
        return handler(context, call)

    return handle


def cancel_anything(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        reply = handler(context, call)
        return SUCCESS if reply.status == _REFUSED else reply

    return handle


def buy_own_again(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        target = _acting(context, call)
        if target is not None and context.store.owner_of(call.body["msisdn"]) == target.api_key:
            return SUCCESS
        return handler(context, call)

    return handle


def offer_owned(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        reply = handler(context, call)
        query = NumberQuery.from_params(call.params)
        if query.index != 1:
            return reply
        # The bug: the search looks at the whole inventory, not at the numbers nobody owns.
        owned = context.store.list_owned(call.account.api_key, query)
        numbers = [*owned.numbers, *page_numbers(reply)][: query.size]
        return Reply(reply.status, {"count": reply.body["count"] + owned.count, "numbers": numbers})

    return handle


def list_everyones(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        query = NumberQuery.from_params(call.params)
        everything = {**call.params, "index": 1, "size": _EVERYTHING}
        # The bug: the owner is left out of the query, so every account's numbers are listed.
        pages = [
            handler(context, dataclasses.replace(call, account=account, params=everything))
            for account in context.accounts
        ]
        numbers = sorted(
            itertools.chain.from_iterable(page_numbers(page) for page in pages),
            key=lambda number: str(number["msisdn"]),
        )
        if not numbers:
            return Reply(200, {})
        page = numbers[query.offset : query.offset + query.size]
        return Reply(200, {"count": len(numbers), "numbers": page})

    return handle


def update_drops_webhook(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        if _MO_HTTP_URL in call.body:
            return handler(context, call)
        # The bug: a field the form did not carry is stored as empty, and empty removes it.
        return handler(context, dataclasses.replace(call, body={**call.body, _MO_HTTP_URL: ""}))

    return handle


def stateless_list(handler: Handler) -> Handler:
    # One counter per installed app (each `create_app` wraps its handlers afresh).
    serial = itertools.count()

    def handle(context: MockContext, call: Call) -> Reply:
        # The bug: a stub without state makes up an answer, another number at each listing.
        number = {
            "country": "GB",
            "msisdn": str(_MADE_UP_GB_MOBILE + next(serial)),
            "type": "mobile-lvn",
        }
        return Reply(200, {"count": 1, "numbers": [number]})

    return handle


def buy_from_anyone(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        target = _acting(context, call)
        owner = context.store.owner_of(call.body["msisdn"])
        if target is not None and owner is not None and owner != target.api_key:
            # The bug: the purchase checks that the number exists, not that nobody owns it.
            context.store.cancel(owner, *_number(call))
        return handler(context, call)

    return handle


STATE_FAULTS = (
    Fault(
        "buy-does-nothing",
        "buy answers 200 but the number stays in the pool: it never shows up as owned",
        Category.SILENT_NO_OP,
        handlers={BUY: buy_then_give_back},
    ),
    Fault(
        "cancel-does-nothing",
        "cancel answers 200 but the account keeps the number",
        Category.SILENT_NO_OP,
        handlers={CANCEL: cancel_then_take_back},
    ),
    Fault(
        "update-does-nothing",
        "update answers 200 for an owned number but stores nothing",
        Category.SILENT_NO_OP,
        handlers={UPDATE: update_nothing},
    ),
    Fault(
        "update-drops-mohttpurl",
        "an update that does not send `moHttpUrl` removes the number's webhook, not keeping it",
        Category.LOST_SETTING,
        handlers={UPDATE: update_drops_webhook},
    ),
    Fault(
        "cancel-unowned-succeeds",
        "cancelling a number the account does not own answers 200 (and does nothing)",
        Category.SILENT_NO_OP,
        handlers={CANCEL: cancel_anything},
    ),
    Fault(
        "owned-list-stateless",
        "the owned list is a stub without state: one made-up number, another at each listing, "
        "whatever was bought or cancelled",
        Category.SILENT_NO_OP,
        handlers={OWNED: stateless_list},
    ),
    Fault(
        "buy-owned-again-succeeds",
        "buying a number the account already owns answers 200 again instead of 420",
        Category.DOUBLE_PURCHASE,
        handlers={BUY: buy_own_again},
    ),
    Fault(
        "search-offers-owned",
        "search also offers the caller's own numbers, inviting a second purchase",
        Category.DOUBLE_PURCHASE,
        handlers={SEARCH: offer_owned},
    ),
    Fault(
        "owned-list-shows-every-account",
        "the owned list shows the numbers of every account, not just the caller's",
        Category.ACCOUNT_LEAK,
        handlers={OWNED: list_everyones},
    ),
    Fault(
        "buy-takes-others-numbers",
        "buying a number another account owns succeeds and takes it from that account",
        Category.ACCOUNT_LEAK,
        handlers={BUY: buy_from_anyone},
    ),
)
