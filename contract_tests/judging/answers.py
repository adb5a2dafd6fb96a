"""Reading an answer the harness itself judges: a body that is not what it should be is a finding.

Empty, not UTF-8, not JSON: each is a `Violation` of `answer_is_json` with a masked excerpt of what
came, never a decoder's traceback.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from contract_tests.judging.redaction import Redactor
from contract_tests.judging.violations import ANSWER_IS_JSON, Violation


def json_body(response: httpx.Response, what: str, redactor: Redactor) -> Any:
    """The parsed JSON of `response` (asked for as JSON), or a finding saying what came instead."""
    content = response.content
    status = response.status_code
    if not content.strip():
        raise Violation(ANSWER_IS_JSON, f"{what}: answered {status} with an empty body")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Violation(
            ANSWER_IS_JSON,
            f"{what}: answered {status} with a body that is not UTF-8 (byte {exc.start}): "
            f"{redactor.excerpt(content)!r}",
        ) from None
    try:
        return json.loads(text)
    except ValueError as exc:
        raise Violation(
            ANSWER_IS_JSON,
            f"{what}: answered {status} with a body that is not JSON ({exc}): "
            f"{redactor.excerpt(text)!r}",
        ) from None


def expect_status(response: httpx.Response, what: str, redactor: Redactor, check: str) -> None:
    if response.status_code != 200:
        raise Violation(
            check, f"{what} answered {response.status_code}: {redactor.excerpt(response.content)!r}"
        )
