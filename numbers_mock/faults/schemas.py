"""Answers that break the document's schemas: some only in JSON, some only in XML.

Each fault touches one of the two renderings, so a tool that checks only one of them misses it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from numbers_mock.core.replies import Reply
from numbers_mock.faults.edits import (
    BUY,
    CANCEL,
    LISTS,
    OWNED,
    SEARCH,
    UPDATE,
    body_of,
    edit_numbers,
    page_numbers,
    replace_body,
)
from numbers_mock.faults.model import Category, Fault

__all__ = ["SCHEMA_FAULTS"]

_SUCCESS = 200
_ACCOUNT_CHANGES = frozenset({BUY, CANCEL, UPDATE})
_XML_COUNT = re.compile(rb"<count>(\d+)</count>")
_XML_LIMITATION = re.compile(rb"<limitation ((?:[a-z]+=\"[^\"]*\" ?)+)/>")
_XML_ATTRIBUTE = re.compile(rb"([a-z]+)=\"([^\"]*)\"")


def _json_list(operation_id: str, xml: bool, reply: Reply) -> bool:
    return not xml and operation_id in LISTS and reply.status == _SUCCESS


def count_as_string(operation_id: str, xml: bool, reply: Reply) -> Reply:
    if not _json_list(operation_id, xml, reply) or "count" not in reply.body:
        return reply
    return Reply(reply.status, {**reply.body, "count": str(reply.body["count"])})


def features_as_string(operation_id: str, xml: bool, reply: Reply) -> Reply:
    if not _json_list(operation_id, xml, reply) or operation_id != SEARCH:
        return reply
    return edit_numbers(reply, features=lambda features: ",".join(features))


def _without_reach(limitations: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in limitation.items() if k != "reach"} for limitation in limitations]


def limitation_without_reach(operation_id: str, xml: bool, reply: Reply) -> Reply:
    if not _json_list(operation_id, xml, reply):
        return reply
    return edit_numbers(reply, limitations=_without_reach)


def error_code_as_number(operation_id: str, xml: bool, reply: Reply) -> Reply:
    code = reply.body.get("error-code")
    if xml or reply.status == _SUCCESS or not isinstance(code, str) or not code.isdigit():
        return reply
    return Reply(reply.status, {**reply.body, "error-code": int(code)})


def success_error_code_as_number(operation_id: str, xml: bool, reply: Reply) -> Reply:
    code = reply.body.get("error-code")
    if xml or operation_id not in _ACCOUNT_CHANGES or reply.status != _SUCCESS:
        return reply
    if not isinstance(code, str) or not code.isdigit():
        return reply
    return Reply(reply.status, {**reply.body, "error-code": int(code)})


def owned_url_not_a_url(operation_id: str, xml: bool, reply: Reply) -> Reply:
    if operation_id != OWNED or reply.status != _SUCCESS:
        return reply
    # The bug: the owned list renders an unset webhook as a placeholder text.
    edited = [{**number, "moHttpUrl": "not a url"} for number in page_numbers(reply)]
    return Reply(reply.status, {**reply.body, "numbers": edited}) if edited else reply


def _xml_list(operation_id: str, xml: bool, reply: Reply) -> bool:
    return xml and operation_id in LISTS and reply.status == _SUCCESS


def count_as_words(operation_id: str, xml: bool, reply: Reply, response: Response) -> Response:
    if not _xml_list(operation_id, xml, reply):
        return response
    return replace_body(response, _XML_COUNT.sub(rb"<count>\1 numbers</count>", body_of(response)))


def wrong_root(operation_id: str, xml: bool, reply: Reply, response: Response) -> Response:
    if not _xml_list(operation_id, xml, reply):
        return response
    return replace_body(response, body_of(response).replace(b"inbound-numbers", b"numbers-list"))


def _as_elements(match: re.Match[bytes]) -> bytes:
    children = b"".join(
        b"<%s>%s</%s>" % (name, value, name)
        for name, value in _XML_ATTRIBUTE.findall(match.group(1))
    )
    return b"<limitation>" + children + b"</limitation>"


def limitations_as_elements(
    operation_id: str, xml: bool, reply: Reply, response: Response
) -> Response:
    if not _xml_list(operation_id, xml, reply):
        return response
    return replace_body(response, _XML_LIMITATION.sub(_as_elements, body_of(response)))


def errors_as_json(operation_id: str, xml: bool, reply: Reply, response: Response) -> Response:
    if not xml or reply.status == _SUCCESS:
        return response
    # The bug: the error path forgets the negotiated format but keeps its content type.
    return replace_body(response, json.dumps(dict(reply.body)).encode())


SCHEMA_FAULTS = (
    Fault(
        "json-count-as-string",
        'JSON lists give `count` as a string ("24"), the schema says integer',
        Category.JSON_SCHEMA,
        reply_edit=count_as_string,
    ),
    Fault(
        "json-features-as-string",
        "JSON search results give `features` as one comma-separated string, not an array",
        Category.JSON_SCHEMA,
        reply_edit=features_as_string,
    ),
    Fault(
        "json-limitation-without-reach",
        "JSON lists drop the required `reach` of every number limitation",
        Category.JSON_SCHEMA,
        reply_edit=limitation_without_reach,
    ),
    Fault(
        "json-error-code-as-number",
        "JSON error answers (401, 420) give `error-code` as a number, the schema says string",
        Category.JSON_SCHEMA,
        reply_edit=error_code_as_number,
    ),
    Fault(
        "success-error-code-as-number",
        "JSON success answers of buy, cancel and update give `error-code` as the number 200",
        Category.JSON_SCHEMA,
        reply_edit=success_error_code_as_number,
    ),
    Fault(
        "owned-mohttpurl-not-a-url",
        'the owned list shows every number\'s `moHttpUrl` as "not a url" (`format: url`)',
        Category.JSON_SCHEMA,
        reply_edit=owned_url_not_a_url,
    ),
    Fault(
        "xml-count-as-words",
        "XML lists give `<count>24 numbers</count>`, not an integer",
        Category.XML_SCHEMA,
        response_edit=count_as_words,
    ),
    Fault(
        "xml-wrong-root",
        "XML lists come in a `<numbers-list>` root, the schema names it `<inbound-numbers>`",
        Category.XML_SCHEMA,
        response_edit=wrong_root,
    ),
    Fault(
        "xml-limitations-as-elements",
        "XML limitations carry feature/type/reach as child elements, not as the attributes the "
        "schema's `xml.attribute` asks for",
        Category.XML_SCHEMA,
        response_edit=limitations_as_elements,
    ),
    Fault(
        "xml-errors-as-json",
        "error answers to XML requests are JSON text labelled `text/xml`",
        Category.XML_SCHEMA,
        response_edit=errors_as_json,
    ),
)
