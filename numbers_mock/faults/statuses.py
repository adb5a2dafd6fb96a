"""Answers with the wrong HTTP status or the wrong content type (their bodies are fine)."""

from __future__ import annotations

from starlette.responses import Response

from numbers_mock.core.replies import Reply, status_reply
from numbers_mock.faults.edits import BUY, CANCEL, SEARCH, UPDATE, relabel
from numbers_mock.faults.model import Category, Fault

__all__ = ["STATUS_FAULTS"]

_SUCCESS = 200
_BAD_REQUEST = 400
_METHOD_FAILED = 420
_NOT_FOUND = 404


def refusal_as_404(operation_id: str, xml: bool, reply: Reply) -> Reply:
    if operation_id in (BUY, CANCEL, UPDATE) and reply.status == _METHOD_FAILED:
        return status_reply(_NOT_FOUND, "number not found")
    return reply


def empty_search_as_404(operation_id: str, xml: bool, reply: Reply) -> Reply:
    if operation_id == SEARCH and reply.status == _SUCCESS and reply.body.get("count") == 0:
        return status_reply(_NOT_FOUND, "no numbers found")
    return reply


def field_errors_as_200(operation_id: str, xml: bool, reply: Reply) -> Reply:
    # The bug: invalid input is reported in the body of a success, so clients take it for one.
    return Reply(_SUCCESS, reply.body) if reply.status == _BAD_REQUEST else reply


def json_as_text_plain(operation_id: str, xml: bool, reply: Reply, response: Response) -> Response:
    if xml:
        return response
    return relabel(response, "text/plain;charset=UTF-8")


def xml_as_application_xml(
    operation_id: str, xml: bool, reply: Reply, response: Response
) -> Response:
    if not xml:
        return response
    return relabel(response, "application/xml;charset=UTF-8")


STATUS_FAULTS = (
    Fault(
        "refusal-as-404",
        "a refused buy, cancel or update answers 404, which the document does not list, not 420",
        Category.STATUS_CODE,
        reply_edit=refusal_as_404,
    ),
    Fault(
        "search-empty-as-404",
        "a search that matches nothing answers 404 instead of 200 with count 0",
        Category.STATUS_CODE,
        reply_edit=empty_search_as_404,
    ),
    Fault(
        "field-errors-as-200",
        "invalid requests get their field errors in a 200 answer instead of a 400",
        Category.STATUS_CODE,
        reply_edit=field_errors_as_200,
    ),
    Fault(
        "json-as-text-plain",
        "JSON answers are labelled `text/plain`",
        Category.CONTENT_TYPE,
        response_edit=json_as_text_plain,
    ),
    Fault(
        "xml-as-application-xml",
        "XML answers are labelled `application/xml`; the document lists `text/xml` only",
        Category.CONTENT_TYPE,
        response_edit=xml_as_application_xml,
    ),
)
