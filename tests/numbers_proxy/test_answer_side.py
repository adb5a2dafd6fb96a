"""The proxy's judgement of an answer is `judge_answer`'s: over the mock's answers to a set of
requests, plain and with every fault of its catalogue, the proxy's findings under the judgement's
checks are `judge_answer`'s, word for word and in order (the proxy calls it; this holds that its
answer side passes every finding on and reads the answer as the wire carried it)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from contract_tests.judging.answer_rules import Answer, judge_answer
from contract_tests.judging.document import judged_document
from contract_tests.judging.forms import parse_form
from contract_tests.judging.violations import JUDGEMENT_CHECKS, POSITIVE_DATA_ACCEPTANCE
from numbers_mock.faults import CATALOGUE
from numbers_proxy.answer_side import judge_answer_of
from numbers_proxy.checks import Side
from numbers_proxy.exchange import Request, media_type_of
from numbers_proxy.request_rules import RequestJudge

from ..numbers_mock.conftest import OTHER
from ..numbers_mock.faults.probes import faulty_mock

XML = {"Accept": "text/xml"}
# Faults these requests reveal, so the comparison is not only between empty lists.
SEEN_BY_THESE_REQUESTS = {
    "json-count-as-string": "response_schema_conformance",
    "xml-count-as-words": "response_schema_conformance",
    "xml-errors-as-json": "response_schema_conformance",
    "refusal-as-404": "status_code_conformance",
    "json-as-text-plain": "content_type_conformance",
    "xml-requests-answered-json": "answer_negotiated",
    "search-refuses-sms-voice": "positive_data_acceptance",
    "json-error-code-as-number": "response_schema_conformance",
    "owned-mohttpurl-not-a-url": "formats_conform",
}
REQUESTS = [
    ("GET", "/number/search?country=GB&size=5", None, None, None),
    ("GET", "/number/search?country=GB&size=5", None, XML, None),
    ("GET", "/number/search?country=GB&features=SMS,VOICE", None, None, None),
    ("GET", "/number/search?country=QZ", None, None, None),
    ("GET", "/account/numbers", None, None, None),
    ("GET", "/account/numbers", None, XML, None),
    ("GET", "/account/numbers", None, None, ("nobody", "nothing")),
    ("GET", "/account/numbers", None, XML, ("nobody", "nothing")),
    ("POST", "/number/buy", {"country": "GB", "msisdn": "440000000000"}, None, None),
    ("POST", "/number/buy", {"country": "GB", "msisdn": "440000000000"}, XML, None),
    ("POST", "/number/cancel", {"country": "GB", "msisdn": "440000000000"}, None, OTHER),
    ("POST", "/number/update", {"country": "GB", "msisdn": "440000000000"}, None, None),
    ("POST", "/number/buy", {"country": "GB"}, None, None),
]


@pytest.mark.parametrize("fault", [None, *CATALOGUE])
def test_the_same_findings_as_judge_answer(fault: str | None) -> None:
    document = judged_document()
    requests = RequestJudge(document)
    compared, found = 0, set[str]()
    with faulty_mock([fault] if fault else []) as client:
        # Two owned numbers for the owned lists, one with a webhook.
        # (Some faults break the search itself: then the lists stay empty.)
        searched = client.get("/number/search", params={"country": "GB", "size": 2})
        body = searched.json() if searched.status_code == 200 else {}
        pool = body.get("numbers", []) if isinstance(body, dict) else []
        for number in pool:
            client.post("/number/buy", data={"country": "GB", "msisdn": number["msisdn"]})
        if pool:
            webhook = {"moHttpUrl": "https://example.com/in"}
            update = {"country": "GB", "msisdn": pool[0]["msisdn"], **webhook}
            client.post("/number/update", data=update)
        for method, target, form, headers, auth in REQUESTS:
            kwargs: dict[str, Any] = {"data": form, "headers": headers}
            if auth is not None:
                kwargs["auth"] = auth
            response = client.request(method, target, **kwargs)
            accept = (headers or {}).get("Accept", "")
            answer = Answer(
                method=method,
                path=urlsplit(target).path,
                status=response.status_code,
                media_type=media_type_of(response.headers.get("content-type")),
                content=response.content,
                asked_xml="xml" in accept,
                query=parse_qs(urlsplit(target).query, keep_blank_values=True),
                form=parse_form(response.request.content),
            )
            sent = response.request
            request = Request(
                method,
                sent.url.path,
                sent.url.query.decode(),
                {name.lower(): value for name, value in sent.headers.items()},
                sent.content,
            )
            verdict = requests.judge(request)
            status, media_type = response.status_code, answer.media_type
            proxied = judge_answer_of(
                document, request, verdict, status, media_type, response.content
            )
            expected = [
                (finding.check, finding.detail)
                for finding in judge_answer(document, answer)
                # The oracle speaks for requests valid by the document only (answer_side.py).
                if verdict.valid or finding.check != POSITIVE_DATA_ACCEPTANCE
            ]
            judged = [
                (finding.check, finding.detail)
                for finding in proxied.findings
                if finding.check in JUDGEMENT_CHECKS
            ]
            assert judged == expected, target
            assert all(finding.side is Side.SERVER for finding in proxied.findings)
            found.update(check for check, _ in judged)
            compared += 1
    assert compared == len(REQUESTS)
    if fault in SEEN_BY_THESE_REQUESTS:
        assert SEEN_BY_THESE_REQUESTS[fault] in found
