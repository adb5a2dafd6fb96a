"""Valid requests refused with 400: the refusal is well formed, and wrong."""

from __future__ import annotations

from numbers_mock.core.replies import Reply, field_errors
from numbers_mock.faults.edits import SEARCH
from numbers_mock.faults.model import Category, Fault
from numbers_mock.http.handlers import Call, Handler, MockContext

__all__ = ["REFUSAL_FAULTS"]

INVALID = "Is invalid."


def refuses_sms_voice(handler: Handler) -> Handler:
    def handle(context: MockContext, call: Call) -> Reply:
        # The bug: a feature combination the document lists is missing from the server's table.
        if call.params.get("features") == "SMS,VOICE":
            return field_errors({"features": INVALID})
        return handler(context, call)

    return handle


def refuse_everything(operation_id: str, xml: bool, reply: Reply) -> Reply:
    # A stub that only knows the error path: every answer is a field-error 400.
    return field_errors({"request": INVALID})


REFUSAL_FAULTS = (
    Fault(
        "search-refuses-sms-voice",
        "search refuses `features=SMS,VOICE`, a value the document lists, with 400",
        Category.STATUS_CODE,
        handlers={SEARCH: refuses_sms_voice},
    ),
    Fault(
        "answers-400-to-everything",
        "every request, valid or not, is answered 400 with a field-error body",
        Category.STATUS_CODE,
        reply_edit=refuse_everything,
    ),
)
