"""Lists that ignore a filter the request sent: the answer is well formed, and wrong."""

from __future__ import annotations

from numbers_mock.core.replies import Reply
from numbers_mock.faults.edits import OWNED, SEARCH, with_params, without_params
from numbers_mock.faults.model import Category, Fault, HandlerWrap
from numbers_mock.http.handlers import Call, Handler, MockContext
from numbers_mock.state.queries import STARTS_WITH

__all__ = ["FILTER_FAULTS"]


def ignoring(*names: str) -> HandlerWrap:
    """A wrap that serves the call as if `names` had not been sent."""

    def wrap(handler: Handler) -> Handler:
        def handle(context: MockContext, call: Call) -> Reply:
            return handler(context, without_params(call, *names))

        return handle

    return wrap


def always_starts_with(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        return handler(context, with_params(call, search_pattern=STARTS_WITH))

    return handle


FILTER_FAULTS = (
    Fault(
        "search-ignores-type",
        "search ignores `type`: numbers of every type come back",
        Category.FILTERS,
        handlers={SEARCH: ignoring("type")},
    ),
    Fault(
        "search-ignores-features",
        "search ignores `features`: numbers without the wanted features come back",
        Category.FILTERS,
        handlers={SEARCH: ignoring("features")},
    ),
    Fault(
        "search-pattern-always-starts-with",
        "search ignores `search_pattern`: `pattern` always matches the start of the number",
        Category.FILTERS,
        handlers={SEARCH: always_starts_with},
    ),
    Fault(
        "owned-ignores-has-application",
        "the owned list ignores `has_application`: linked and unlinked numbers both come back",
        Category.FILTERS,
        handlers={OWNED: ignoring("has_application")},
    ),
    Fault(
        "owned-ignores-country",
        "the owned list ignores `country`: the account's numbers of every country come back",
        Category.FILTERS,
        handlers={OWNED: ignoring("country")},
    ),
)
