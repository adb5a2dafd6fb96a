"""Build a faulty variant of the mock's pieces: the same services and handlers, some swapped."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Mapping, Sequence

from starlette.responses import Response

from numbers_mock.core.document import ApiDocument
from numbers_mock.core.replies import Reply
from numbers_mock.faults.catalogue import lookup
from numbers_mock.faults.model import Fault, ReplyEdit, ResponseEdit
from numbers_mock.http.handlers import Handler
from numbers_mock.http.pipeline import Services
from numbers_mock.http.rendering import Renderer
from numbers_mock.state.accounts import Account

__all__ = ["EditingRenderer", "FaultVariant", "fault_variant", "install_faults"]

logger = logging.getLogger("numbers_mock")


class EditingRenderer(Renderer):
    """Renders like the mock, with the faults' edits before and after rendering."""

    def __init__(
        self,
        document: ApiDocument,
        reply_edits: Sequence[ReplyEdit],
        response_edits: Sequence[ResponseEdit],
    ) -> None:
        super().__init__(document)
        self._reply_edits = tuple(reply_edits)
        self._response_edits = tuple(response_edits)

    def render(self, reply: Reply, operation_id: str | None, xml: bool) -> Response:
        if operation_id is None:
            return super().render(reply, operation_id, xml)
        for edit_reply in self._reply_edits:
            reply = edit_reply(operation_id, xml, reply)
        response = super().render(reply, operation_id, xml)
        for edit_response in self._response_edits:
            response = edit_response(operation_id, xml, reply, response)
        return response


def install_faults(
    names: Iterable[str],
    document: ApiDocument,
    accounts: tuple[Account, ...],
    services: Services,
    handlers: Mapping[str, Handler],
) -> tuple[Services, Mapping[str, Handler]]:
    """`services` and `handlers` with the named faults in them (unchanged for no faults).

    Faults apply in the order named: a later fault's handler wrap sits outside an earlier one's,
    and when two replace the account book, the later one wins.
    """
    faults = lookup(names)
    if not faults:
        return services, handlers
    return _with_faults(faults, document, accounts, services), _wrapped(faults, handlers)


class FaultVariant:
    """The variant of the mock (`create_app(..., variant=...)`) that serves the named faults."""

    def __init__(self, names: Iterable[str]) -> None:
        self.faults = tuple(fault.name for fault in lookup(names))

    def __call__(
        self,
        document: ApiDocument,
        accounts: tuple[Account, ...],
        services: Services,
        handlers: Mapping[str, Handler],
    ) -> tuple[Services, Mapping[str, Handler]]:
        if self.faults:
            logger.warning("serving with faults: %s", ", ".join(self.faults))
        return install_faults(self.faults, document, accounts, services, handlers)


def fault_variant(names: Iterable[str]) -> FaultVariant:
    """The variant serving `names`; `UnknownFaultError` for a name not in the catalogue."""
    return FaultVariant(names)


def _with_faults(
    faults: list[Fault], document: ApiDocument, accounts: tuple[Account, ...], services: Services
) -> Services:
    context = services.context
    for fault in faults:
        if fault.accounts is not None:
            context = dataclasses.replace(context, accounts=fault.accounts(accounts))
    reply_edits = [fault.reply_edit for fault in faults if fault.reply_edit is not None]
    response_edits = [fault.response_edit for fault in faults if fault.response_edit is not None]
    renderer = services.renderer
    if reply_edits or response_edits:
        renderer = EditingRenderer(document, reply_edits, response_edits)
    return dataclasses.replace(services, context=context, renderer=renderer)


def _wrapped(faults: list[Fault], handlers: Mapping[str, Handler]) -> dict[str, Handler]:
    wrapped = dict(handlers)
    for fault in faults:
        for operation_id, wrap in fault.handlers.items():
            if operation_id in wrapped:
                wrapped[operation_id] = wrap(wrapped[operation_id])
    return wrapped
