"""The judgement under an httpx client: a broken answer fails the call that received it."""

from __future__ import annotations

import httpx
import pytest

from contract_tests.judging.document import judged_document
from contract_tests.judging.redaction import Redactor
from contract_tests.judging.violations import Violation
from contract_tests.safety.answer_judge import AnswerJudge

# How the service labels JSON (`json_content_type`).
JSON = "application/json;charset=UTF-8"


def client_answering(status: int, body: bytes, content_type: str) -> httpx.Client:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"content-type": content_type})

    judge = AnswerJudge(judged_document(), Redactor.for_credentials("key12345", "secret12345"))
    return httpx.Client(
        base_url="http://127.0.0.1/api",
        transport=httpx.MockTransport(answer),
        event_hooks={"response": [judge]},
    )


def test_a_success_with_a_numeric_error_code_fails_the_call() -> None:
    body = b'{"error-code": 200, "error-code-label": "success"}'
    with (
        client_answering(200, body, "application/json") as client,
        pytest.raises(Violation) as caught,
    ):
        client.post("/number/buy", data={"country": "GB", "msisdn": "447700900000"})
    assert caught.value.check == "response_schema_conformance"
    # Every broken rule is named, and the answer shown.
    assert "[error_code_matches_status]" in str(caught.value)
    assert '"error-code": 200' in str(caught.value)


def test_a_400_to_a_valid_request_fails_and_a_justified_one_passes() -> None:
    with client_answering(400, b'{"features": "Is invalid."}', JSON) as client:
        with pytest.raises(Violation) as caught:
            client.get("/number/search", params={"country": "GB", "features": "SMS,VOICE"})
        assert caught.value.check == "positive_data_acceptance"
        justified = {"country": "ZZ", "features": "SMS,VOICE"}
        assert client.get("/number/search", params=justified).status_code == 400


def test_a_400_naming_a_field_the_request_did_not_send_fails() -> None:
    with client_answering(400, b'{"features": "Is invalid."}', JSON) as client:
        with pytest.raises(Violation) as caught:
            client.get("/number/search", params={"country": "ZZ"})
        assert caught.value.check == "field_errors_name_request"
        # A required field the request lacked may be named.
        missing = client_answering(400, b'{"country": "Is required."}', JSON)
        with missing:
            assert missing.get("/number/search", params={"size": "0"}).status_code == 400


def test_a_switched_off_check_is_not_judged() -> None:
    judge = AnswerJudge(
        judged_document(),
        Redactor.for_credentials("key12345", "secret12345"),
        skipped=frozenset({"json_content_type"}),
    )
    with httpx.Client(
        base_url="http://127.0.0.1",
        transport=httpx.MockTransport(
            lambda request: httpx.Response(
                200, content=b"{}", headers={"content-type": "application/json"}
            )
        ),
        event_hooks={"response": [judge]},
    ) as client:
        assert client.get("/account/numbers").status_code == 200


def test_an_xml_request_answered_in_json_fails() -> None:
    with client_answering(200, b'{"count": 0}', JSON) as client:
        with pytest.raises(Violation) as caught:
            client.get("/account/numbers", headers={"Accept": "text/xml"})
        assert caught.value.check == "answer_negotiated"
        assert client.get("/account/numbers").status_code == 200


def test_paths_outside_the_document_are_not_judged() -> None:
    with client_answering(500, b"boom", "text/plain") as client:
        assert client.post("/_mock/reset").status_code == 500


def test_a_judge_can_be_held_to_some_rules_only() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        status = 400 if request.url.params.get("size") == "1" else 200
        body = b'{"count": "one"}' if status == 200 else b'{"size": "Is invalid."}'
        return httpx.Response(status, content=body, headers={"content-type": JSON})

    judge = AnswerJudge(judged_document(), Redactor.for_credentials("key12345", "secret12345"))
    oracle_only = judge.only("positive_data_acceptance")
    with httpx.Client(
        base_url="http://127.0.0.1",
        transport=httpx.MockTransport(answer),
        event_hooks={"response": [oracle_only]},
    ) as client:
        # A schema break is not this judge's business; an unjustified 400 is.
        assert client.get("/account/numbers").status_code == 200
        with pytest.raises(Violation) as caught:
            client.get("/account/numbers", params={"size": "1"})
    assert caught.value.check == "positive_data_acceptance"
