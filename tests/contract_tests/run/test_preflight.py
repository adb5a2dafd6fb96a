"""The pre-flight's reading of one owned-list answer: go on, credentials refused, not the API."""

from __future__ import annotations

import httpx
import pytest

from contract_tests.run.preflight import (
    CREDENTIALS_REFUSED,
    NOT_THIS_API,
    Account,
    judge_owned_answer,
)

ACCOUNT = Account("key", "secret", "NUMBERS_API_KEY and NUMBERS_API_SECRET")
URL = "http://127.0.0.1:9"


def answer(status: int, content_type: str | None, body: bytes = b"{}") -> httpx.Response:
    headers = {"Content-Type": content_type} if content_type else {}
    return httpx.Response(status, headers=headers, content=body)


@pytest.mark.parametrize(
    ("status", "content_type"),
    [
        (200, "application/json;charset=UTF-8"),
        (200, "text/xml"),
        # Broken, but the Numbers API's kind of broken: the tests judge these.
        (400, "application/json"),
        (500, "text/html"),
        (429, None),
        # JSON under the wrong label: the API with a fault, which the tests name.
        (200, "text/plain"),
        (200, None),
    ],
)
def test_answers_of_the_api_let_the_run_go_on(status: int, content_type: str | None) -> None:
    assert judge_owned_answer(answer(status, content_type), URL, ACCOUNT) is None


@pytest.mark.parametrize("content_type", ["application/json", "text/html", None])
def test_a_401_is_refused_credentials_whatever_its_body(content_type: str | None) -> None:
    stop = judge_owned_answer(answer(401, content_type), URL, ACCOUNT)
    assert stop is not None and stop.code == CREDENTIALS_REFUSED
    assert "NUMBERS_API_KEY and NUMBERS_API_SECRET" in stop.line
    assert "\n" not in stop.line


PAGE = b"<!DOCTYPE html>\n<html><body>Directory listing</body></html>"


@pytest.mark.parametrize(
    ("status", "content_type", "body"),
    [
        (404, "text/html", PAGE),
        (200, "text/html", PAGE),
        (200, "text/plain", b"hello"),
        (403, "application/json", b"{}"),
        (404, "application/json", b"{}"),
    ],
)
def test_other_answers_are_not_this_api(status: int, content_type: str, body: bytes) -> None:
    stop = judge_owned_answer(answer(status, content_type, body), URL, ACCOUNT)
    assert stop is not None and stop.code == NOT_THIS_API
    assert f"answered {status}" in stop.line and URL in stop.line
