"""The harness's additions to schemathesis: an XML deserializer and semantic checks.

Importing this module registers them (schemathesis keeps one registry per process). Each check is a
thin wrapper over a pure rule in `contract_tests.judging.semantics`, which is where the meaning
lives and is tested. A check is named by its function name; that name is what the reports show
and what `[checks.<name>] enabled = false` in schemathesis.toml switches off.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
import schemathesis
from schemathesis import CheckContext, DeserializationContext, Response

from contract_tests.judging import answer_rules as judging
from contract_tests.judging import semantics
from contract_tests.judging.document import LIST_OPERATIONS, OWNED, SEARCH
from contract_tests.judging.forms import parse_form
from contract_tests.judging.xml_body import xml_to_json
from contract_tests.run.schemathesis_types import AnyCase, AnyOperation
from contract_tests.safety.layer import GatedRequestsTransport

XML_MEDIA_TYPES = ("text/xml", "application/xml")
_SUCCESS = 200


def media_type(response: Response) -> str | None:
    """The answer's media type without parameters ("text/xml;charset=UTF-8" -> "text/xml")."""
    values = response.headers.get("content-type")
    if not values:
        return None
    return values[0].split(";", 1)[0].strip().lower()


def read_xml(operation: AnyOperation, response: Response) -> Any:
    """An XML answer in JSON shape, read by the schema the document gives its status code."""
    # The responses resolved once per operation (as `judge_answer` reads them), so the schemas are
    # the ones whose reading plans `compiled.py` keeps.
    responses = judging.documented_responses(
        operation.schema.raw_schema, operation.method, operation.path
    )
    content = judging.documented_content(responses, response.status_code) if responses else None
    schema = None
    for candidate in XML_MEDIA_TYPES:
        schema = judging.body_schema(content or {}, candidate)
        if schema is not None:
            break
    # An undocumented answer (a 400, say) has no schema to steer by: read it without one.
    return xml_to_json(response.content, schema or {})


@schemathesis.deserializer(*XML_MEDIA_TYPES)
def deserialize_xml(ctx: DeserializationContext, response: Response) -> Any:
    """Let schemathesis validate XML answers against the same JSON Schema as JSON ones."""
    return read_xml(ctx.operation, response)


def read_body(case: AnyCase, response: Response) -> Any:
    """The answer body in JSON shape, or None when it is neither JSON nor XML or does not parse.

    A body that does not parse is `response_schema_conformance`'s finding; the semantic checks then
    have nothing to judge.
    """
    kind = media_type(response)
    try:
        if kind is not None and (kind == "application/json" or kind.endswith("+json")):
            return json.loads(response.content)
        if kind in XML_MEDIA_TYPES:
            return read_xml(case.operation, response)
    except ValueError:
        return None
    return None


def sent_query(response: Response) -> dict[str, list[str]]:
    """The query string as it went on the wire (what the server saw, not what was generated)."""
    url = response.request.url or ""
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def sent_form(response: Response) -> dict[str, list[str]]:
    """The form body as it went on the wire (empty for a request without one)."""
    return parse_form(response.request.body)


def _fail(violations: list[str]) -> None:
    if violations:
        raise AssertionError("\n".join(violations))


@schemathesis.check
def results_match_filters(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """Search and owned-number results obey every filter the request sent."""
    label = case.operation.label
    if label not in LIST_OPERATIONS or response.status_code != _SUCCESS:
        return True
    body = read_body(case, response)
    query = sent_query(response)
    if label == SEARCH:
        _fail(semantics.search_filter_violations(query, body))
    elif label == OWNED:
        _fail(semantics.owned_filter_violations(query, body))
    return None


@schemathesis.check
def page_within_size(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """A page holds at most `size` numbers (10 when `size` is not sent)."""
    if case.operation.label not in LIST_OPERATIONS or response.status_code != _SUCCESS:
        return True
    _fail(semantics.page_size_violations(sent_query(response), read_body(case, response)))
    return None


@schemathesis.check
def count_covers_page(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """`count` is the total number of matches: never fewer than the numbers on the page."""
    if case.operation.label not in LIST_OPERATIONS or response.status_code != _SUCCESS:
        return True
    _fail(semantics.count_violations(read_body(case, response)))
    return None


@schemathesis.check
def error_code_matches_status(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """An `error-code` in the body is the HTTP status as a string, as the real service sends it."""
    _fail(semantics.error_code_violations(response.status_code, read_body(case, response)))
    return None


def judged_answer(case: AnyCase, response: Response) -> judging.Answer:
    """The answer as `judging` reads it, with whether the request asked for XML."""
    accept = response.request.headers.get("Accept") or ""
    content_type = response.headers.get("content-type")
    return judging.Answer(
        method=case.operation.method,
        path=case.operation.path,
        status=response.status_code,
        media_type=media_type(response),
        content=response.content or b"",
        asked_xml=any(kind in accept for kind in XML_MEDIA_TYPES),
        query=sent_query(response),
        form=sent_form(response),
        content_type=content_type[0] if content_type else "",
    )


def _habit(case: AnyCase, response: Response, check: str) -> None:
    """Fail with the findings of one habit rule (`judging.habits`) on this answer."""
    answer = judged_answer(case, response)
    content = judging.documented_media(case.operation.schema.raw_schema, answer)
    schema = judging.body_schema(content or {}, answer.media_type)
    if schema is None:
        return
    body = read_body(case, response)
    if body is None:
        return
    _fail(
        [
            finding.detail
            for finding in judging.habit_findings(answer, schema, body)
            if finding.check == check
        ]
    )


@schemathesis.check
def status_body_complete(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """A status body carries both `error-code` and `error-code-label`, as the service's do."""
    _habit(case, response, "status_body_complete")
    return None


@schemathesis.check
def number_fields_documented(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """A listed number carries no field the document does not describe."""
    _habit(case, response, "number_fields_documented")
    return None


@schemathesis.check
def json_content_type(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """JSON comes as `application/json;charset=UTF-8`, as the service sends it."""
    _habit(case, response, "json_content_type")
    return None


@schemathesis.check
def field_errors_name_request(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """A 400's field errors name fields the request sent, or required fields it lacked."""
    _habit(case, response, "field_errors_name_request")
    return None


@schemathesis.check
def formats_conform(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """Every value whose schema names a format the document uses holds it (`url`: an absolute
    http(s) URL). Schemathesis' schema check does not know `url`."""
    answer = judged_answer(case, response)
    content = judging.documented_media(case.operation.schema.raw_schema, answer)
    schema = judging.body_schema(content or {}, answer.media_type)
    if schema is None:
        return True
    _fail(judging.format_violations(schema, read_body(case, response)))
    return None


@schemathesis.check
def answer_negotiated(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """A request asking for XML gets XML wherever the document offers it (and JSON, JSON)."""
    answer = judged_answer(case, response)
    content = judging.documented_media(case.operation.schema.raw_schema, answer)
    if not content:
        return True
    _fail([finding.detail for finding in judging.negotiation_findings(answer, content)])
    return None


@schemathesis.check
def json_xml_agree(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """The same list request asked in JSON describes the same data as its XML answer.

    Only for lists (a read: asking twice changes nothing) answered 200 in XML: the request goes
    again, through the same safety layer, asking for JSON, and the parsed values are compared.
    """
    if (
        case.operation.label not in LIST_OPERATIONS
        or response.status_code != _SUCCESS
        or media_type(response) not in XML_MEDIA_TYPES
    ):
        return True
    as_xml = read_body(case, response)
    again = resend_as_json(case, response)
    if again is None or again.status_code != _SUCCESS:
        return True
    try:
        as_json = json.loads(again.content)
    except ValueError:
        return True
    _fail(
        [
            f"the JSON answer to the same request differs: {problem}"
            for problem in judging.disagreements(as_json, as_xml)[:5]
        ]
    )
    return None


def resend_as_json(case: AnyCase, response: Response) -> requests.Response | None:
    """`response`'s request sent again asking for JSON, through the schema's own transport."""
    request = response.request
    if request.url is None or request.method is None:
        return None
    headers = {**request.headers, "Accept": judging.JSON}
    transport = case.operation.schema.transport
    session = transport.session if isinstance(transport, GatedRequestsTransport) else None
    sender = session if session is not None else requests.Session()
    answer: requests.Response = sender.request(request.method, request.url, headers=headers)
    return answer


CUSTOM_CHECKS = (
    results_match_filters,
    page_within_size,
    count_covers_page,
    error_code_matches_status,
    formats_conform,
    answer_negotiated,
    json_xml_agree,
    status_body_complete,
    number_fields_documented,
    json_content_type,
    field_errors_name_request,
)
