"""The registered checks and the XML deserializer, on answers built by hand."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import httpx
import pytest
from schemathesis import CheckContext, Response
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.config import ChecksConfig
from schemathesis.core.failures import FailureGroup

from contract_tests.run import checks
from contract_tests.run.loading import load_schema
from contract_tests.run.schemathesis_types import AnyCase

SCHEMA = load_schema(auth=("key", "secret"))
CONTEXT = CheckContext(
    override=None,
    auth=None,
    headers=None,
    config=ChecksConfig(),
    transport_kwargs=None,
    response_checks=None,
)
XML = "text/xml;charset=UTF-8"
JSON = "application/json;charset=UTF-8"


def case(path: str, method: str, **query: str) -> AnyCase:
    return SCHEMA[path][method].Case(query=query or None)


def answer(
    status: int, body: str | bytes, content_type: str, url: str = "http://t/number/search"
) -> Response:
    content = body.encode() if isinstance(body, str) else body
    request = httpx.Request("GET", url)
    raw = httpx.Response(
        status, content=content, headers={"content-type": content_type}, request=request
    )
    raw.elapsed = timedelta(milliseconds=5)  # set by a transport; no transport here
    response = Response.from_httpx(raw, verify=True)
    # The conversion re-adds the query to the URL; the checks must see it exactly as sent.
    response.request.url = url
    return response


def json_answer(status: int, body: Any, url: str = "http://t/number/search") -> Response:
    return answer(status, json.dumps(body), JSON, url)


def test_the_checks_are_registered_under_their_names() -> None:
    load_all_checks()
    names = set(CHECKS.get_all_names())
    assert {check.__name__ for check in checks.CUSTOM_CHECKS} <= names


def test_sent_query_is_read_from_the_wire() -> None:
    response = json_answer(200, {}, "http://t/number/search?country=GB&type=&size=5&size=6")
    assert checks.sent_query(response) == {"country": ["GB"], "type": [""], "size": ["5", "6"]}


def test_results_match_filters_flags_a_json_answer() -> None:
    search = case("/number/search", "GET", country="GB", type="landline")
    url = "http://t/number/search?country=GB&type=landline"
    bad = json_answer(200, {"count": 1, "numbers": [{"country": "GB", "type": "mobile-lvn"}]}, url)
    with pytest.raises(AssertionError, match="type=landline returned numbers of another type"):
        checks.results_match_filters(CONTEXT, bad, search)
    good = json_answer(200, {"count": 1, "numbers": [{"country": "GB", "type": "landline"}]}, url)
    assert checks.results_match_filters(CONTEXT, good, search) is None


def test_results_match_filters_reads_xml_answers_too() -> None:
    search = case("/number/search", "GET", country="GB")
    body = (
        "<inbound-numbers><count>1</count><numbers><country>US</country>"
        "<msisdn>12015550123</msisdn></numbers></inbound-numbers>"
    )
    bad = answer(200, body, XML, "http://t/number/search?country=GB")
    with pytest.raises(AssertionError, match="12015550123 is 'US'"):
        checks.results_match_filters(CONTEXT, bad, search)


def test_semantic_checks_skip_what_they_do_not_judge() -> None:
    search = case("/number/search", "GET", country="GB")
    refused = json_answer(401, {"error-code": "401"}, "http://t/number/search?country=GB")
    assert checks.results_match_filters(CONTEXT, refused, search) is True
    assert checks.page_within_size(CONTEXT, refused, search) is True
    assert checks.count_covers_page(CONTEXT, refused, search) is True
    buy = case("/number/buy", "POST")
    assert checks.results_match_filters(CONTEXT, json_answer(200, {}), buy) is True


def test_an_unreadable_body_is_left_to_the_schema_check() -> None:
    search = case("/number/search", "GET", country="GB")
    broken = answer(200, "{not json", JSON, "http://t/number/search?country=GB&type=landline")
    assert checks.results_match_filters(CONTEXT, broken, search) is None


def test_page_within_size_and_count_covers_page() -> None:
    owned = case("/account/numbers", "GET", size="2")
    url = "http://t/account/numbers?size=2"
    three = json_answer(200, {"count": 2, "numbers": [{}, {}, {}]}, url)
    with pytest.raises(AssertionError, match="more than size=2"):
        checks.page_within_size(CONTEXT, three, owned)
    with pytest.raises(AssertionError, match="count=2 is less than the 3 numbers"):
        checks.count_covers_page(CONTEXT, three, owned)


def test_error_code_matches_status_on_any_operation() -> None:
    cancel = case("/number/cancel", "POST")
    wrong = json_answer(420, {"error-code": 420, "error-code-label": "method failed"})
    with pytest.raises(AssertionError, match="expected '420'"):
        checks.error_code_matches_status(CONTEXT, wrong, cancel)
    xml = answer(420, "<response><error-code>420</error-code></response>", XML)
    assert checks.error_code_matches_status(CONTEXT, xml, cancel) is None


# --- the XML deserializer inside schemathesis' own schema check --------------------------------


def schema_failures(path: str, method: str, response: Response) -> str:
    load_all_checks()
    from schemathesis.specs.openapi.checks import response_schema_conformance

    try:
        case(path, method).validate_response(response, checks=[response_schema_conformance])
    except FailureGroup as group:
        return str(group)
    return ""


def test_valid_xml_passes_the_schema_check() -> None:
    body = (
        "<inbound-numbers><count>1</count><numbers><msisdn>1</msisdn></numbers></inbound-numbers>"
    )
    assert schema_failures("/account/numbers", "GET", answer(200, body, XML)) == ""


def test_xml_that_breaks_the_schema_fails_the_schema_check() -> None:
    body = "<inbound-numbers><count>one</count></inbound-numbers>"
    failures = schema_failures("/account/numbers", "GET", answer(200, body, XML))
    assert "Response violates schema" in failures
    assert '"one" is not of type "integer"' in failures


def test_a_wrong_xml_root_fails_the_schema_check() -> None:
    body = "<response><count>1</count></response>"
    failures = schema_failures("/account/numbers", "GET", answer(200, body, XML))
    assert "XML root element is <response>, the schema names it <inbound-numbers>" in failures


def test_hostile_xml_fails_the_schema_check_without_being_expanded() -> None:
    body = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        "<inbound-numbers><count>&b;</count></inbound-numbers>"
    )
    failures = schema_failures("/account/numbers", "GET", answer(200, body, XML))
    assert "refused to parse hostile XML" in failures


def owned_page(url: str) -> dict[str, Any]:
    number = {"country": "GB", "msisdn": "447700900001", "type": "mobile-lvn", "moHttpUrl": url}
    return {"count": 1, "numbers": [number]}


def test_formats_conform_fails_an_owned_number_whose_webhook_is_not_a_url() -> None:
    owned = case("/account/numbers", "GET")
    url = "http://t/account/numbers"
    good = json_answer(200, owned_page("https://example.com/in"), url)
    assert checks.formats_conform(CONTEXT, good, owned) is None
    with pytest.raises(AssertionError, match="not a url"):
        checks.formats_conform(CONTEXT, json_answer(200, owned_page("not a url"), url), owned)


def test_answer_negotiated_fails_json_sent_for_an_xml_request() -> None:
    search = case("/number/search", "GET", country="GB")
    json_for_xml = json_answer(200, {"count": 0})
    json_for_xml.request.headers["Accept"] = "text/xml"
    with pytest.raises(AssertionError, match="asked for text/xml"):
        checks.answer_negotiated(CONTEXT, json_for_xml, search)
    json_for_json = json_answer(200, {"count": 0})
    json_for_json.request.headers["Accept"] = "application/json"
    assert checks.answer_negotiated(CONTEXT, json_for_json, search) is None
