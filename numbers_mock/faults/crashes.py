"""Handlers that fall over (an uncaught exception: HTTP 500) on input the document allows."""

from __future__ import annotations

from numbers_mock.core.replies import Reply
from numbers_mock.faults.edits import LISTS, UPDATE, on_lists, page_numbers
from numbers_mock.faults.model import Category, Fault
from numbers_mock.http.handlers import Call, Handler, MockContext

__all__ = ["CRASH_FAULTS"]

_BAD_REQUEST = 400


def crash_on_odd_pattern(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        pattern = call.params.get("pattern")
        if pattern:
            # The bug: the pattern is taken for a number, as E.164 digits usually are.
            int(pattern)
        return handler(context, call)

    return handle


def crash_on_invalid_pattern(operation_id: str, xml: bool, reply: Reply) -> Reply:
    if operation_id in LISTS and reply.status == _BAD_REQUEST and "pattern" in reply.body:
        # The bug: the pattern is read as a number before it is validated, so a pattern the
        # validation would refuse (an empty one, say) crashes instead.
        raise ValueError(f"pattern {reply.body['pattern']!r}: not a whole number")
    return reply


def crash_past_last_page(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        reply = handler(context, call)
        if call.params.get("index", 1) > 1 and not page_numbers(reply):
            # The bug: the page is looked up in a list that has no such page.
            raise IndexError(f"page {call.params['index']} does not exist")
        return reply

    return handle


def crash_on_non_ascii(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        for value in call.body.values():
            # The bug: settings are written to a store that only takes ASCII.
            str(value).encode("ascii")
        return handler(context, call)

    return handle


CRASH_FAULTS = (
    Fault(
        "crash-on-odd-pattern",
        "search and owned list answer 500 when `pattern` is not a whole number",
        Category.SERVER_ERROR,
        handlers=on_lists(crash_on_odd_pattern),
    ),
    Fault(
        "crash-on-invalid-pattern",
        "search and owned list answer 500, not 400, to a `pattern` that is invalid (empty, say)",
        Category.SERVER_ERROR,
        reply_edit=crash_on_invalid_pattern,
    ),
    Fault(
        "crash-past-last-page",
        "search and owned list answer 500 for an `index` past the last page",
        Category.SERVER_ERROR,
        handlers=on_lists(crash_past_last_page),
    ),
    Fault(
        "crash-on-non-ascii-update",
        "update answers 500 when a field holds a character outside ASCII",
        Category.SERVER_ERROR,
        handlers={UPDATE: crash_on_non_ascii},
    ),
)
