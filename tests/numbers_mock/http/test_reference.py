from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from starlette.datastructures import QueryParams

from numbers_mock import DocumentError, default_spec_path
from numbers_mock.core.document import ApiDocument
from numbers_mock.core.replies import Rejected, Reply
from numbers_mock.http.reference import ReferenceValidator

REFERENCE = ReferenceValidator(ApiDocument(default_spec_path()))
FORM = "application/x-www-form-urlencoded"
FEATURES_MESSAGE = "Must be one of: SMS, VOICE, SMS,VOICE, MMS, SMS,MMS, VOICE,MMS, SMS,MMS,VOICE."


def reject(
    operation: str,
    path: str,
    query: str = "",
    content_type: str | None = None,
    body: bytes | None = None,
) -> Reply:
    method = "get" if body is None else "post"
    with pytest.raises(Rejected) as caught:
        REFERENCE.validate(
            operation,
            method=method,
            path=path,
            query=QueryParams(query),
            headers={},
            content_type=content_type,
            body=body,
        )
    return caught.value.reply


def test_parameter_errors_become_field_errors() -> None:
    reply = reject("getAvailableNumbers", "/number/search", "size=abc&index=0.5&features=X&type=")
    assert reply.status == 400
    assert reply.body == {
        "country": "Is required.",
        "type": "Must not be empty.",
        "features": (
            "Must be one of: SMS, VOICE, SMS,VOICE, MMS, SMS,MMS, VOICE,MMS, SMS,MMS,VOICE."
        ),
        "size": "Must be an integer.",
        "index": "Must be an integer.",
    }


def test_body_errors_become_field_errors() -> None:
    assert reject("buyANumber", "/number/buy", content_type=FORM, body=b"").body == {
        "country": "Is required.",
        "msisdn": "Is required.",
    }
    assert reject(
        "updateANumber",
        "/number/update",
        content_type=FORM,
        body=b"country=GBR&msisdn=1&voiceCallbackType=fax",
    ).body == {
        "country": "Must be at most 2 characters long.",
        "voiceCallbackType": "Must be one of: sip, tel, app.",
    }
    assert reject("buyANumber", "/number/buy", content_type=FORM, body=b"\xff").body == {
        "body": "Must be a UTF-8 application/x-www-form-urlencoded body."
    }


def test_wrong_media_type_is_415() -> None:
    reply = reject("buyANumber", "/number/buy", content_type="application/json", body=b"{}")
    assert reply.status == 415
    assert reply.body["error-code"] == "415"


def test_malformed_content_type_parameters_do_not_crash_openapi_core() -> None:
    # openapi-core raises ValueError on "; foo" parameters; the adapter drops them first.
    result = REFERENCE.validate(
        "buyANumber",
        method="post",
        path="/number/buy",
        query=QueryParams(""),
        headers={},
        content_type=FORM + "; foo; a=b=c",
        body=b"country=GB&msisdn=1",
    )
    assert result.body == {"country": "GB", "msisdn": "1"}


def test_valid_request_is_typed_and_defaulted() -> None:
    result = REFERENCE.validate(
        "getOwnedNumbers",
        method="HEAD",
        path="/account/numbers",
        query=QueryParams("has_application=false&size=5"),
        headers={},
        content_type=None,
        body=None,
    )
    assert result.params == {"has_application": False, "search_pattern": 0, "size": 5, "index": 1}


def test_an_invalid_document_is_refused(tmp_path: Path) -> None:
    raw: dict[str, Any] = json.loads(default_spec_path().read_text(encoding="utf-8"))
    raw["paths"]["/number/search"]["get"]["parameters"].append({"in": "query"})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(DocumentError, match="not a valid OpenAPI document"):
        ReferenceValidator(ApiDocument(path))
