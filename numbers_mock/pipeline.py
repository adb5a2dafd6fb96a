"""The steps every operation request goes through, each a small function that may reject it.

read the body (413) -> authenticate (401) -> read the wire (repeated names, legacy query
fields: 400) -> validate against the document (400, 415) -> check the service's extra rules
(400) -> the operation's handler (200, 420) -> render.

Credentials are checked before the request's shape, as the service does: a caller without valid
credentials learns nothing about what a valid request looks like.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from numbers_mock.accounts import AccountBook
from numbers_mock.checks import check_request
from numbers_mock.credentials import find_credentials, form_fields
from numbers_mock.document import OperationRef
from numbers_mock.handlers import Call, Handler, MockContext
from numbers_mock.negotiation import wants_xml
from numbers_mock.rendering import Renderer
from numbers_mock.replies import UNAUTHORIZED, Rejected, Reply, status_reply
from numbers_mock.settings import Account
from numbers_mock.validation import RequestValidator
from numbers_mock.wire import WireRules

__all__ = ["OperationEndpoint", "Services", "authenticate", "read_body"]

_FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
_BODYLESS_METHODS = frozenset({"GET", "HEAD", "DELETE", "OPTIONS"})


@dataclass(frozen=True)
class Services:
    """What the steps share: built once per app."""

    context: MockContext
    validator: RequestValidator
    renderer: Renderer
    max_body_bytes: int


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

    async def handle(self, request: Request) -> Response:
        """The Starlette endpoint: always a response, whatever the request."""
        xml = wants_xml(request.headers.get("accept"))
        try:
            reply = await self._reply(request)
        except Rejected as rejected:
            reply = rejected.reply
        return self.services.renderer.render(reply, self.operation.operation_id, xml)

    async def _reply(self, request: Request) -> Reply:
        services = self.services
        body = None
        if request.method not in _BODYLESS_METHODS:
            body = await read_body(request, services.max_body_bytes)
        account = authenticate(services.context.accounts, request, body)
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
        checked = check_request(validated)
        call = Call(self.operation.operation_id, account, checked.params, checked.body)
        return self.handler(services.context, call)


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, or `Rejected` with 413 as soon as it is known to exceed `limit` bytes."""
    too_large = Rejected(status_reply(413, f"request body larger than {limit} bytes"))
    declared = request.headers.get("content-length", "")
    # isascii: "²" is a digit to str.isdigit but not to int().
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
    except ClientDisconnect:
        # Nobody is left to read the answer; answering keeps the disconnect out of the error log.
        raise Rejected(status_reply(400, "client disconnected")) from None
    return b"".join(chunks)


def authenticate(accounts: AccountBook, request: Request, body: bytes | None) -> Account:
    """The calling account, or `Rejected` with the service's 401 body."""
    content_type = request.headers.get("content-type", "")
    is_form = content_type.split(";")[0].strip().lower() == _FORM_MEDIA_TYPE
    form = form_fields(body) if body and is_form else {}
    account = accounts.authenticate(find_credentials(request.headers, request.query_params, form))
    if account is None:
        raise Rejected(UNAUTHORIZED)
    return account
