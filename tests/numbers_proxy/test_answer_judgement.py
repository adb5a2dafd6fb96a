"""The proxy's judgement of an answer is `judge_answer`'s: the same findings, word for word, over
the mock's answers to a set of requests, plain and with every fault of its catalogue."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from contract_tests.judging.answer_rules import Answer, judge_answer
from contract_tests.judging.document import judged_document
from contract_tests.judging.forms import parse_form
from numbers_mock.faults import CATALOGUE
from numbers_proxy.answer_judgement import AnswerJudgement
from numbers_proxy.exchange import media_type_of

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
    judgement = AnswerJudgement(document)
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
            findings = judgement.judge(answer)[0]
            assert findings == judge_answer(document, answer), target
            found.update(finding.check for finding in findings)
            compared += 1
    assert compared == len(REQUESTS)
    if fault in SEEN_BY_THESE_REQUESTS:
        assert SEEN_BY_THESE_REQUESTS[fault] in found
