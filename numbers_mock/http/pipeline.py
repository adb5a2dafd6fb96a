"""The steps every operation request goes through, each a small function that may reject it.

read the body (413) -> authenticate (401) -> the account's rate limit (429) and scripted
answers (420, 429, 500, a delay) -> read the wire (repeated names, legacy query
fields: 400) -> validate against the document (400, 415) -> check the service's extra rules
(400) -> the operation's handler (200, 420) -> render.

Credentials are checked before the request's shape, as the service does: a caller without valid
credentials learns nothing about what a valid request looks like.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response

from numbers_mock.controls.panel import Controls
from numbers_mock.controls.scripts import SCRIPTABLE_STATUSES
from numbers_mock.controls.throttle import too_many_requests
from numbers_mock.core.bodies import read_body
from numbers_mock.core.document import OperationRef
from numbers_mock.core.replies import UNAUTHORIZED, Rejected, Reply
from numbers_mock.http.checks import check_request
from numbers_mock.http.credentials import find_credentials, form_fields
from numbers_mock.http.handlers import Call, Handler, MockContext
from numbers_mock.http.negotiation import wants_xml
from numbers_mock.http.rendering import Renderer
from numbers_mock.http.validation import RequestValidator, ValidatedRequest
from numbers_mock.http.wire import WireRules
from numbers_mock.state.accounts import Account, AccountBook

__all__ = ["OperationEndpoint", "Services", "authenticate"]

_FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
# Distinct query strings whose checked parameters an endpoint keeps (then it starts afresh).
_CHECKED_QUERIES = 1024
_BODYLESS_METHODS = frozenset({"GET", "HEAD", "DELETE", "OPTIONS"})


@dataclass(frozen=True)
class Services:
    """What the steps share: built once per app."""

    context: MockContext
    validator: RequestValidator
    renderer: Renderer
    max_body_bytes: int
    controls: Controls = field(default_factory=Controls)


class OperationEndpoint:
    """Serves one operation of the document with one handler."""

    def __init__(
        self,
        operation: OperationRef,
        handler: Handler,
        services: Services,
        wire: WireRules | None = None,
    ) -> None:
        self.operation = operation
        self.handler = handler
        self.services = services
        self.wire = wire or WireRules(frozenset(), takes_form=False)
        # A bodyless request validated by a compiled plan depends on its query string alone, and
        # clients repeat theirs: the checked parameters are kept by query string (read-only).
        self._cacheable = operation.operation_id in services.validator.compiled_operations
        self._checked: dict[bytes, ValidatedRequest] = {}

    async def handle(self, request: Request) -> Response:
        """The Starlette endpoint: always a response, whatever the request."""
        xml = wants_xml(request.headers.get("accept"))
        services = self.services
        operation_id = self.operation.operation_id
        # Kept as the steps go, for the journal: what was read, and who sent it.
        body: bytes | None = None
        account: Account | None = None
        try:
            if request.method not in _BODYLESS_METHODS:
                body = await read_body(request, services.max_body_bytes)
            account = authenticate(services.context.accounts, request, body)
            await self._gate(account)
            reply = self._reply(request, body, account)
        except Rejected as rejected:
            reply = rejected.reply
        response = services.renderer.render(reply, operation_id, xml)
        journal = services.controls.journal
        if journal is not None:
            journal.record(
                request.method,
                request.scope["path"],
                request.scope["query_string"],
                body,
                operation_id,
                None if account is None else account.api_key,
                response.status_code,
            )
        return response

    async def _gate(self, account: Account) -> None:
        """The account's rate limit, then any scripted answer: `Rejected`, or a delay."""
        controls = self.services.controls
        if controls.throttle is not None:
            wait = controls.throttle.wait_for(account.api_key)
            if wait > 0:
                raise Rejected(too_many_requests(wait))
        script = controls.scripts.take(self.operation.operation_id, account.api_key)
        if script is None:
            return
        if script.status is not None:
            raise Rejected(SCRIPTABLE_STATUSES[script.status])
        await asyncio.sleep((script.delay_ms or 0) / 1000)

    def _reply(self, request: Request, body: bytes | None, account: Account) -> Reply:
        cacheable = body is None and self._cacheable
        key: bytes = request.scope["query_string"]
        checked = self._checked.get(key) if cacheable else None
        if checked is None:
            checked = self._check(request, body)
            if cacheable:
                if len(self._checked) >= _CHECKED_QUERIES:
                    self._checked.clear()
                self._checked[key] = checked
        call = Call(self.operation.operation_id, account, checked.params, checked.body)
        return self.handler(self.services.context, call)

    def _check(self, request: Request, body: bytes | None) -> ValidatedRequest:
        """The request read from the wire, validated and checked, or `Rejected`."""
        services = self.services
        query = request.query_params
        pairs = query.multi_items()
        self.wire.check_query(pairs)
        content_type = request.headers.get("content-type")
        if body is not None:
            body, content_type = self.wire.read_form(pairs, body, content_type)
        validated = services.validator.validate(
            self.operation.operation_id,
            method=request.method,
            path=request.scope["path"],
            query=query,
            headers=request.headers,
            content_type=content_type,
            body=body,
        )
        return check_request(validated)


def authenticate(accounts: AccountBook, request: Request, body: bytes | None) -> Account:
    """The calling account, or `Rejected` with the service's 401 body."""
    content_type = request.headers.get("content-type", "")
    is_form = content_type.split(";")[0].strip().lower() == _FORM_MEDIA_TYPE
    form = form_fields(body) if body and is_form else {}
    headers = request.headers
    # The query is read for the legacy pair only: with an Authorization header it is not looked at.
    query = {} if "authorization" in headers else request.query_params
    account = accounts.authenticate(find_credentials(headers, query, form))
    if account is None:
        raise Rejected(UNAUTHORIZED)
    return account
