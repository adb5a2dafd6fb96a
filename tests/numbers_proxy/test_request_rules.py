"""The request rules, one request at a time (no server)."""

from __future__ import annotations

import base64

import pytest

from contract_tests.judging.document import judged_document
from numbers_proxy.exchange import Request
from numbers_proxy.request_rules import RequestJudge, credentials_of

FORM = {"content-type": "application/x-www-form-urlencoded"}
BASIC = {"authorization": "Basic " + base64.b64encode(b"key01234:secret0123").decode()}


@pytest.fixture(scope="module")
def judge() -> RequestJudge:
    return RequestJudge(judged_document())


def request(
    method: str, target: str, body: str = "", headers: dict[str, str] | None = None
) -> Request:
    path, _, query = target.partition("?")
    return Request(method, path, query, {**BASIC, **(headers or {})}, body.encode())


def checks(judge: RequestJudge, sent: Request) -> list[str]:
    return [finding.check for finding in judge.judge(sent).findings]


def test_a_valid_request_has_no_finding(judge: RequestJudge) -> None:
    sent = request("GET", "/number/search?country=GB&type=mobile-lvn&features=SMS,VOICE&size=100")
    verdict = judge.judge(sent)
    assert (verdict.findings, verdict.notes, verdict.valid) == ([], [], True)
    assert verdict.operation == "GET /number/search"


@pytest.mark.parametrize(
    ("target", "body", "check"),
    [
        ("/number/search", "", "request_conforms"),  # country is required
        ("/number/search?country=GB&type=fax", "", "request_conforms"),
        ("/number/search?country=GB&size=ten", "", "request_conforms,request_service_accepts"),
        ("/number/search?country=GB&size=0", "", "request_service_accepts"),
        ("/number/search?country=QZ", "", "request_service_accepts"),
        ("/account/numbers?application_id=", "", "request_service_accepts"),
        ("/account/numbers?has_application=maybe", "", "request_conforms"),
    ],
)
def test_a_query_the_service_refuses(
    judge: RequestJudge, target: str, body: str, check: str
) -> None:
    assert checks(judge, request("GET", target, body)) == check.split(",")


def test_a_json_body_is_not_a_form(judge: RequestJudge) -> None:
    sent = request(
        "POST",
        "/number/buy",
        '{"country":"GB","msisdn":"447700900001"}',
        {"content-type": "application/json"},
    )
    assert checks(judge, sent) == ["request_conforms", "request_conforms"]


def test_a_webhook_that_is_not_a_url_is_refused(judge: RequestJudge) -> None:
    sent = request(
        "POST", "/number/update", "country=GB&msisdn=447700900001&moHttpUrl=nowhere", FORM
    )
    assert checks(judge, sent) == ["request_service_accepts"]


def test_the_legacy_forms_are_notes(judge: RequestJudge) -> None:
    sent = Request(
        "POST", "/number/buy", "api_key=k&api_secret=s&country=GB&msisdn=447700900001", FORM, b""
    )
    verdict = judge.judge(sent)
    assert verdict.findings == []
    assert [note.id for note in verdict.notes] == ["legacy_credentials", "legacy_query_fields"]
    assert verdict.form == {"country": ["GB"], "msisdn": ["447700900001"]}
    assert verdict.account == "k"


def test_python_booleans_are_a_note_and_read_lower_case(judge: RequestJudge) -> None:
    verdict = judge.judge(request("GET", "/account/numbers?has_application=False"))
    assert verdict.findings == []
    assert [note.id for note in verdict.notes] == ["loose_boolean"]
    assert verdict.query["has_application"] == ["false"]


def test_an_undeclared_field_is_a_note(judge: RequestJudge) -> None:
    verdict = judge.judge(request("GET", "/number/search?country=GB&colour=blue"))
    assert verdict.findings == []
    assert [note.id for note in verdict.notes] == ["undocumented_field"]


def test_credentials(judge: RequestJudge) -> None:
    bearer = Request("GET", "/account/numbers", "", {"authorization": "Bearer x"}, b"")
    assert checks(judge, bearer) == ["request_authenticated"]
    assert credentials_of(bearer) is None
    nothing = Request("GET", "/account/numbers", "", {}, b"")
    assert checks(judge, nothing) == ["request_authenticated"]
    sent = request("GET", "/account/numbers")
    found = credentials_of(sent)
    assert found is not None
    assert (found.api_key, found.api_secret, found.where) == ("key01234", "secret0123", "basic")
    assert "secret0123" not in repr(found)


def test_target_api_key_names_the_account(judge: RequestJudge) -> None:
    sent = request(
        "POST", "/number/buy", "country=GB&msisdn=447700900001&target_api_key=sub01", FORM
    )
    assert judge.judge(sent).account == "sub01"


def test_an_unknown_operation(judge: RequestJudge) -> None:
    verdict = judge.judge(request("DELETE", "/number/buy"))
    assert [f.check for f in verdict.findings] == ["request_documented"]
    assert not verdict.documented
