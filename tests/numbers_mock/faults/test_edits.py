"""The tools faults are written with."""

from __future__ import annotations

from numbers_mock import DEFAULT_ACCOUNTS
from numbers_mock.core.bodies import json_response
from numbers_mock.core.replies import Reply
from numbers_mock.faults.edits import (
    edit_numbers,
    page_numbers,
    relabel,
    replace_body,
    with_params,
    without_params,
)
from numbers_mock.http.handlers import Call

CALL = Call("getAvailableNumbers", DEFAULT_ACCOUNTS[0], {"country": "GB", "type": "landline"}, {})


def test_call_edits_leave_the_call_alone() -> None:
    assert with_params(CALL, size=5).params == {"country": "GB", "type": "landline", "size": 5}
    assert without_params(CALL, "type", "absent").params == {"country": "GB"}
    assert CALL.params == {"country": "GB", "type": "landline"}


def test_edit_numbers_copies_the_numbers() -> None:
    features = ["SMS", "VOICE"]
    reply = Reply(200, {"count": 1, "numbers": [{"msisdn": "1", "features": features}]})
    edited = edit_numbers(reply, features=",".join, missing="x")
    assert page_numbers(edited) == [{"msisdn": "1", "features": "SMS,VOICE"}]
    assert page_numbers(reply) == [{"msisdn": "1", "features": ["SMS", "VOICE"]}]
    assert edited.body["count"] == 1
    assert page_numbers(Reply(420, {"error-code": "420"})) == []


def test_replace_body_counts_the_new_length() -> None:
    response = json_response(200, {"count": 1})
    replaced = replace_body(response, b"{}")
    assert replaced.headers["content-length"] == "2"
    assert replaced.headers["content-type"] == response.headers["content-type"]
    relabelled = relabel(response, "text/plain")
    assert (relabelled.body, relabelled.headers["content-type"]) == (response.body, "text/plain")
