"""Paging and counting gone wrong: pages too long, overlapping or shifted, counts that lie."""

from __future__ import annotations

from collections.abc import Callable

from numbers_mock.core.replies import Reply
from numbers_mock.faults.edits import SEARCH, on_lists, page_numbers, with_params
from numbers_mock.faults.model import Category, Fault, HandlerWrap
from numbers_mock.http.handlers import Call, Handler, MockContext
from numbers_mock.state.queries import NumberQuery

__all__ = ["PAGING_FAULTS"]

# Where a page starts, from the query: the correct start is `query.offset`.
PageStart = Callable[[NumberQuery], int]


def window(start_of: PageStart) -> HandlerWrap:
    """Serve `size` matches from where `start_of` says the page starts (count unchanged)."""

    def wrap(handler: Handler) -> Handler:
        def handle(context: MockContext, call: Call) -> Reply:
            query = NumberQuery.from_params(call.params)
            start = max(0, start_of(query))
            whole = handler(context, with_params(call, index=1, size=start + query.size))
            numbers = page_numbers(whole)[start : start + query.size]
            return Reply(whole.status, {**whole.body, "numbers": numbers}) if whole.body else whole

        return handle

    return wrap


def overlapping(query: NumberQuery) -> int:
    # The bug: an off-by-one that repeats the previous page's last number on every later page.
    return query.offset - 1 if query.index > 1 else 0


def from_zero(query: NumberQuery) -> int:
    # The bug: `index` taken as 0-based, so the first page is never served.
    return query.index * query.size


def three_pages_at_once(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        query = NumberQuery.from_params(call.params)
        return handler(context, with_params(call, size=query.size * 3))

    return handle


def counting(recount: Callable[[int, int], int]) -> HandlerWrap:
    """A wrap whose `count` is `recount(true count, numbers on the page)`."""

    def wrap(handler: Handler) -> Handler:
        def handle(context: MockContext, call: Call) -> Reply:
            reply = handler(context, call)
            count = reply.body.get("count")
            if not isinstance(count, int) or count == 0:
                return reply
            return Reply(
                reply.status, {**reply.body, "count": recount(count, len(page_numbers(reply)))}
            )

        return handle

    return wrap


PAGING_FAULTS = (
    Fault(
        "page-larger-than-size",
        "search pages hold three times the `size` asked for",
        Category.PAGING,
        handlers={SEARCH: three_pages_at_once},
    ),
    Fault(
        "pages-overlap",
        "every page after the first starts one number early, repeating the previous page's last",
        Category.PAGING,
        handlers=on_lists(window(overlapping)),
    ),
    Fault(
        "index-from-zero",
        "`index` counts from 0: `index=1` serves the second page and the first is never served",
        Category.PAGING,
        handlers=on_lists(window(from_zero)),
    ),
    Fault(
        "count-is-page-length",
        "`count` is the number of numbers on the page, not the number of matches",
        Category.COUNTS,
        handlers=on_lists(counting(lambda count, on_page: on_page)),
    ),
    Fault(
        "count-one-short",
        "`count` is one less than the number of matches",
        Category.COUNTS,
        handlers=on_lists(counting(lambda count, on_page: count - 1)),
    ),
)
