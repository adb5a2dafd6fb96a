"""What a fault is: a name, what it breaks, and the pieces of the mock it swaps.

A fault never edits the mock's code. It names the seams it works through, all of them points where
the mock already takes its pieces from outside:

- `handlers`: wraps the handlers of some operations (the handler table is a mapping by operationId);
- `reply_edit`: changes a reply before it is rendered (the status, the body in JSON shape);
- `response_edit`: changes the rendered HTTP response (bytes, headers);
- `accounts`: builds the account book that authenticates requests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from starlette.responses import Response

from numbers_mock.core.replies import Reply
from numbers_mock.http.handlers import Handler
from numbers_mock.state.accounts import Account, AccountBook

__all__ = [
    "AccountsFactory",
    "Category",
    "Fault",
    "HandlerWrap",
    "ReplyEdit",
    "ResponseEdit",
]

HandlerWrap = Callable[[Handler], Handler]
# (operationId, whether XML was asked for, the reply) -> the reply to render instead.
ReplyEdit = Callable[[str, bool, Reply], Reply]
# (operationId, whether XML was asked for, the reply, its rendered response) -> what to send.
ResponseEdit = Callable[[str, bool, Reply, Response], Response]
AccountsFactory = Callable[[tuple[Account, ...]], AccountBook]


class Category(StrEnum):
    """The kinds of fault the catalogue covers, as a person choosing a test tool would ask."""

    JSON_SCHEMA = "json-schema"
    XML_SCHEMA = "xml-schema"
    STATUS_CODE = "status-code"
    CONTENT_TYPE = "content-type"
    CREDENTIALS = "credentials"
    SERVER_ERROR = "server-error"
    FILTERS = "filters"
    PAGING = "paging"
    COUNTS = "counts"
    SILENT_NO_OP = "silent-no-op"
    LOST_SETTING = "lost-setting"
    DOUBLE_PURCHASE = "double-purchase"
    ACCOUNT_LEAK = "account-leak"


@dataclass(frozen=True)
class Fault:
    """One deliberate bug, switchable by `name`.

    Which test tool's check is expected to catch it is the benchmarks' business
    (`benchmarks/fault_checks.py`), not the mock's.
    """

    name: str
    description: str
    category: Category
    handlers: Mapping[str, HandlerWrap] = field(default_factory=dict)
    reply_edit: ReplyEdit | None = None
    response_edit: ResponseEdit | None = None
    accounts: AccountsFactory | None = None

    def __post_init__(self) -> None:
        if not self.name or not self.description:
            raise ValueError("a fault needs a name and a description")
        if not (self.handlers or self.reply_edit or self.response_edit or self.accounts):
            raise ValueError(f"fault {self.name!r} changes nothing")
