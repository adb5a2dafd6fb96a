"""What the tests of buy, cancel and update share: one typed way to call each (blocking or as a
coroutine) and the table of documented answers every one of them parses."""

from __future__ import annotations

from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import pytest
from numbers_api_client.api.default import buy_a_number, cancel_a_number, update_a_number
from numbers_api_client.client import AuthenticatedClient, Client
from numbers_api_client.models import (
    ActionFailed,
    ActionResponse,
    FieldErrors,
    NumberDetails,
    NumberDetailsUpdate,
    Unauthorized,
)
from numbers_api_client.types import Response

from .support import REAL_AUTH_FAILED, REAL_METHOD_FAILED, REAL_SUCCESS, await_, schema_example

# What a buy, a cancel and an update each answer with (the overlay adds 420 to cancel and update).
Answer = ActionFailed | ActionResponse | FieldErrors | Unauthorized
Body = TypeVar("Body", NumberDetails, NumberDetailsUpdate)
BodyIn = TypeVar("BodyIn", NumberDetails, NumberDetailsUpdate, contravariant=True)


class Detailed(Protocol[BodyIn]):
    def __call__(
        self, *, client: AuthenticatedClient | Client, body: BodyIn
    ) -> Response[Answer]: ...


class AsyncDetailed(Protocol[BodyIn]):
    def __call__(
        self, *, client: AuthenticatedClient | Client, body: BodyIn
    ) -> Coroutine[Any, Any, Response[Answer]]: ...


class Parsed(Protocol[BodyIn]):
    def __call__(self, *, client: AuthenticatedClient | Client, body: BodyIn) -> Answer | None: ...


class AsyncParsed(Protocol[BodyIn]):
    def __call__(
        self, *, client: AuthenticatedClient | Client, body: BodyIn
    ) -> Coroutine[Any, Any, Answer | None]: ...


@dataclass(frozen=True)
class AccountChange(Generic[Body]):
    """The four functions of one account-changing operation, typed with its own body."""

    sync_detailed: Detailed[Body]
    asyncio_detailed: AsyncDetailed[Body]
    sync: Parsed[Body]
    asyncio: AsyncParsed[Body]

    def detailed(
        self, client: AuthenticatedClient, body: Body, *, use_async: bool
    ) -> Response[Answer]:
        """The whole response, through `sync_detailed` or `asyncio_detailed`."""
        if use_async:
            return await_(self.asyncio_detailed(client=client, body=body))
        return self.sync_detailed(client=client, body=body)

    def parsed(self, client: AuthenticatedClient, body: Body, *, use_async: bool) -> Answer | None:
        """The parsed answer, through `sync` or `asyncio`."""
        if use_async:
            return await_(self.asyncio(client=client, body=body))
        return self.sync(client=client, body=body)


BUY = AccountChange[NumberDetails](
    buy_a_number.sync_detailed,
    buy_a_number.asyncio_detailed,
    buy_a_number.sync,
    buy_a_number.asyncio,
)
CANCEL = AccountChange[NumberDetails](
    cancel_a_number.sync_detailed,
    cancel_a_number.asyncio_detailed,
    cancel_a_number.sync,
    cancel_a_number.asyncio,
)
UPDATE = AccountChange[NumberDetailsUpdate](
    update_a_number.sync_detailed,
    update_a_number.asyncio_detailed,
    update_a_number.sync,
    update_a_number.asyncio,
)

# (status, body, model) of the answers with the service's error-code pair that every account
# change documents: the service's real bodies and the document's examples.
ANSWERS = [
    pytest.param(200, REAL_SUCCESS, ActionResponse, id="200-real"),
    pytest.param(200, schema_example("response"), ActionResponse, id="200-spec-example"),
    pytest.param(401, REAL_AUTH_FAILED, Unauthorized, id="401-real"),
    pytest.param(401, schema_example("unauthorized"), Unauthorized, id="401-spec-example"),
]
# A buy's 420 is in the published document, with its own example.
ANSWERS_OF_A_BUY = [
    *ANSWERS,
    pytest.param(420, REAL_METHOD_FAILED, ActionFailed, id="420-real"),
    pytest.param(420, schema_example("response420"), ActionFailed, id="420-spec-example"),
]
