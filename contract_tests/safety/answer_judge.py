"""The judgement of `judging.py` under every httpx client the tests use.

The lifecycle, the paging walk, the filter test and the stocking receive their answers through the
generated client or plain httpx, not through schemathesis; an httpx response hook on those clients
holds each answer to the same rules the fuzzing's checks apply, and a broken rule fails the test
that received the answer, as a `Violation` naming the check.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs

import httpx

from contract_tests.judging.answer_rules import XML_MEDIA_TYPES, Answer, judge_answer
from contract_tests.judging.forms import parse_form
from contract_tests.judging.redaction import Redactor
from contract_tests.judging.violations import JUDGEMENT_CHECKS, Violation
from contract_tests.tally.check_counts import CheckCounts


def media_type(headers: httpx.Headers) -> str | None:
    value = headers.get("content-type")
    return value.split(";", 1)[0].strip().lower() if value else None


class AnswerJudge:
    """An httpx response hook: judge the answer, raise the first broken rule (naming the rest)."""

    def __init__(
        self,
        document: Mapping[str, Any],
        redactor: Redactor,
        checks: frozenset[str] | None = None,
        counts: CheckCounts | None = None,
        skipped: frozenset[str] = frozenset(),
    ) -> None:
        self._document = document
        self._paths = tuple(document.get("paths", {}))
        self._redactor = redactor
        # Only these rules (None: every rule), less those the user switched off.
        self._checks = checks
        # Where each judged answer is counted, per rule applied (for the reports' table of checks).
        self._counts = counts
        self._skipped = skipped

    def only(self, *checks: str) -> AnswerJudge:
        """The same judge applying only `checks`."""
        return AnswerJudge(
            self._document, self._redactor, frozenset(checks), self._counts, self._skipped
        )

    def document_path(self, url_path: str) -> str | None:
        """The document's path the URL's path ends with (the target may sit under a prefix)."""
        path = url_path.rstrip("/")
        return next((known for known in self._paths if path.endswith(known)), None)

    def __call__(self, response: httpx.Response) -> None:
        request = response.request
        path = self.document_path(request.url.path)
        if path is None:
            return
        response.read()
        accept = request.headers.get("accept", "")
        answer = Answer(
            method=request.method,
            path=path,
            status=response.status_code,
            media_type=media_type(response.headers),
            content=response.content,
            asked_xml=any(kind in accept for kind in XML_MEDIA_TYPES),
            query=parse_qs(request.url.query.decode(), keep_blank_values=True),
            form=parse_form(request.content),
            content_type=response.headers.get("content-type", ""),
        )
        findings = [
            finding
            for finding in judge_answer(self._document, answer)
            if (self._checks is None or finding.check in self._checks)
            and finding.check not in self._skipped
        ]
        if self._counts is not None:
            broken = {finding.check for finding in findings}
            for check in self._checks if self._checks is not None else JUDGEMENT_CHECKS:
                self._counts.record(check, failed=check in broken)
        if not findings:
            return
        first, rest = findings[0], findings[1:]
        also = "".join(f"; also [{finding.check}] {finding.detail}" for finding in rest)
        excerpt = self._redactor.excerpt(response.content)
        raise Violation(first.check, f"{first.detail}{also} (answer: {excerpt!r})")
