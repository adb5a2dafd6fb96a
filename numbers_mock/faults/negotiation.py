"""Answers that break content negotiation: XML asked for and JSON sent, or XML and JSON that
disagree. Each answer, read alone, is well formed and fits its schema."""

from __future__ import annotations

import json

from starlette.responses import Response

from numbers_mock.core.replies import Reply
from numbers_mock.faults.edits import LISTS, edit_numbers, replace_body
from numbers_mock.faults.model import Category, Fault

__all__ = ["NEGOTIATION_FAULTS"]

_SUCCESS = 200
JSON_CONTENT_TYPE = "application/json;charset=UTF-8"


def xml_answered_in_json(
    operation_id: str, xml: bool, reply: Reply, response: Response
) -> Response:
    if not xml or reply.status != _SUCCESS:
        return response
    # The bug: the success path ignores Accept and sends what it always sends.
    return replace_body(response, json.dumps(dict(reply.body)).encode(), JSON_CONTENT_TYPE)


def xml_prices_differ(operation_id: str, xml: bool, reply: Reply) -> Reply:
    if not xml or operation_id not in LISTS or reply.status != _SUCCESS:
        return reply
    # The bug: the XML view reads a stale price table.
    return edit_numbers(reply, cost="0.00")


NEGOTIATION_FAULTS = (
    Fault(
        "xml-requests-answered-json",
        "successful answers to XML requests are JSON (labelled application/json), though the "
        "document offers text/xml",
        Category.CONTENT_TYPE,
        response_edit=xml_answered_in_json,
    ),
    Fault(
        "xml-json-disagree",
        'XML lists give every number `cost` "0.00"; the JSON answer to the same request has the '
        "real price",
        Category.XML_SCHEMA,
        reply_edit=xml_prices_differ,
    ),
)
