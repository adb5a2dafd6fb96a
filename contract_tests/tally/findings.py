"""Findings a person can act on: what rule broke, on which request, with which answer, and how to
send that request again.

A `Finding` is recorded where a failure is met: schemathesis' checks (`run/loading.py`, with the
request and answer of the failing case) and the harness's own `Violation`s (the plugin, with the
last exchange the safety gate saw). `RunFindings` keeps the run's findings in order, one per root
cause: a later failure meeting the same answer (same operation, status and body) is folded into
the first, which then lists every test that met it.

Nothing here masks: the reports mask whole texts with the run's redactor, and `curl_command` never
writes the run's own credentials (it names the environment variables instead).
"""

from __future__ import annotations

import shlex
import threading
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from contract_tests.judging.registry import REGISTRY, check_named

# Enough of an answer to see what is wrong with it; the full text stays out of the reports.
EXCERPT_CHARACTERS = 300
ENV_CREDENTIALS = '"$NUMBERS_API_KEY:$NUMBERS_API_SECRET"'
ENV_OTHER_CREDENTIALS = '"$NUMBERS_OTHER_API_KEY:$NUMBERS_OTHER_API_SECRET"'


@dataclass(frozen=True)
class SentRequest:
    """A request as it went on the wire (credentials kept only when they are not the run's own)."""

    method: str
    url: str
    # The form body as sent ("" without one).
    form: str = ""
    accept: str = ""
    # True: sent with one of the run's accounts (a replay reads them from the environment).
    own_credentials: bool = True
    # The Authorization header sent when it was not the run's own ("" for none at all).
    authorization: str = ""
    # Sent as the run's second account (`--other-api-key`), which a replay reads from its variables.
    other_account: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "url": self.url,
            "form": self.form,
            "accept": self.accept,
            "own_credentials": self.own_credentials,
            "authorization": self.authorization,
            "other_account": self.other_account,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SentRequest:
        return cls(
            method=str(data["method"]),
            url=str(data["url"]),
            form=str(data["form"]),
            accept=str(data["accept"]),
            own_credentials=bool(data["own_credentials"]),
            authorization=str(data["authorization"]),
            other_account=bool(data.get("other_account", False)),
        )


@dataclass(frozen=True)
class SeenAnswer:
    status: int
    content_type: str
    excerpt: str

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "content_type": self.content_type, "excerpt": self.excerpt}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SeenAnswer:
        return cls(int(data["status"]), str(data["content_type"]), str(data["excerpt"]))


@dataclass(frozen=True)
class Exchange:
    """One request and its answer (None: it got none)."""

    request: SentRequest
    answer: SeenAnswer | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "request": self.request.to_json(),
            "answer": self.answer.to_json() if self.answer is not None else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Exchange:
        answer = data.get("answer")
        return cls(
            SentRequest.from_json(data["request"]),
            SeenAnswer.from_json(answer) if answer is not None else None,
        )


def excerpt_of(body: bytes | str, limit: int = EXCERPT_CHARACTERS) -> str:
    """The start of an answer, with its length when cut (only the start is decoded: the gate
    keeps one of every answer, which may be megabytes)."""
    if isinstance(body, bytes):
        # UTF-8 takes at most 4 bytes a character.
        head = body[: limit * 4]
        text = head.decode("utf-8", "replace")
        if len(head) == len(body) and len(text) <= limit:
            return text
        return text[:limit] + f"... ({len(body)} bytes)"
    if len(body) <= limit:
        return body
    return body[:limit] + f"... ({len(body)} characters)"


def form_text(body: Any) -> str:
    """A form body as text ("" for none, or for a body that is not text)."""
    if isinstance(body, bytes):
        return body.decode("utf-8", "replace")
    if isinstance(body, str):
        return body
    if isinstance(body, dict):
        return urlencode(body, doseq=True)
    return ""


def curl_command(request: SentRequest) -> str:
    """A curl command that sends `request` again from any shell.

    The run's own credentials are read from the environment, never written; other credentials
    (the wrong ones `ignored_auth` sends on purpose) are sent as they were, since they are the
    point of the finding; a request sent without credentials is replayed without them.
    """
    parts = ["curl", "-sS", "-i", "-X", request.method]
    if request.own_credentials:
        parts += ["-u", ENV_OTHER_CREDENTIALS if request.other_account else ENV_CREDENTIALS]
    elif request.authorization:
        parts += ["-H", shlex.quote(f"Authorization: {request.authorization}")]
    if request.accept:
        parts += ["-H", shlex.quote(f"Accept: {request.accept}")]
    if request.form:
        parts += [
            "-H",
            shlex.quote("Content-Type: application/x-www-form-urlencoded"),
            "--data-raw",
            shlex.quote(request.form),
        ]
    parts.append(shlex.quote(request.url))
    return " ".join(parts)


@dataclass(frozen=True)
class Finding:
    """A rule the target broke, on one request: the unit every report shows."""

    check: str
    operation: str
    # One line: what happened ("Server error", "page 2 repeats 447700900001").
    summary: str
    # The failure's full text (the check's message, the Violation's detail).
    detail: str
    exchange: Exchange | None
    # pytest options that select the test that met it (`-k EXPR`), for the replay line.
    selection: tuple[str, ...] = ()
    # Labels of the tests that met it, the first first.
    tests: tuple[str, ...] = ()
    # Other checks the same answer broke.
    also: tuple[str, ...] = ()
    # Set by the run's `RunFindings`: its number, and the `numbers-contract` line replaying it.
    number: int = 0
    replay: str = ""

    @property
    def checks(self) -> tuple[str, ...]:
        return (self.check, *self.also)

    @property
    def rule(self) -> str:
        return check_named(self.check).rule

    @property
    def curl(self) -> str | None:
        return curl_command(self.exchange.request) if self.exchange is not None else None

    @property
    def same_test_key(self) -> tuple[str, str, str]:
        """Hypothesis replays a failing case while shrinking: one failure of a test, once."""
        return (self.check, self.summary, self.detail)

    @property
    def root_cause(self) -> tuple[str, ...]:
        """What makes two failures one: the same answer to the same operation (whatever check
        or test met it), or, without an answer, the same check saying the same thing."""
        answer = self.exchange.answer if self.exchange is not None else None
        if answer is not None:
            return ("answer", self.operation, str(answer.status), answer.excerpt)
        return ("no answer", self.check, self.operation, self.summary)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "check": self.check,
            "rule": self.rule,
            "also": list(self.also),
            "operation": self.operation,
            "summary": self.summary,
            "detail": self.detail,
            "request": self.exchange.request.to_json() if self.exchange is not None else None,
            "answer": (
                self.exchange.answer.to_json()
                if self.exchange is not None and self.exchange.answer is not None
                else None
            ),
            "replays": {"curl": self.curl, "command": self.replay},
            "selection": list(self.selection),
            "tests": list(self.tests),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        request = data.get("request")
        answer = data.get("answer")
        exchange = (
            Exchange(
                SentRequest.from_json(request),
                SeenAnswer.from_json(answer) if answer is not None else None,
            )
            if request is not None
            else None
        )
        return cls(
            check=str(data["check"]),
            operation=str(data["operation"]),
            summary=str(data["summary"]),
            detail=str(data["detail"]),
            exchange=exchange,
            selection=tuple(data.get("selection", ())),
            tests=tuple(data.get("tests", ())),
            also=tuple(data.get("also", ())),
            number=int(data.get("number", 0)),
            replay=str(data.get("replays", {}).get("command", "")),
        )


@dataclass
class RunFindings:
    """The run's findings in the order met, one per root cause (filled by the reporting process:
    the controller under xdist)."""

    findings: list[Finding] = field(default_factory=list)
    _by_cause: dict[tuple[str, ...], int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, finding: Finding, test: str, replay: str) -> tuple[Finding, bool]:
        """File `finding`, met by `test`; the run's finding it is (numbered), and whether it is new.

        `replay` is the `numbers-contract` line that replays `test`, kept for a new finding.
        """
        with self._lock:
            index = self._by_cause.get(finding.root_cause)
            if index is None:
                filed = replace(
                    finding, number=len(self.findings) + 1, tests=(test,), replay=replay
                )
                self._by_cause[finding.root_cause] = len(self.findings)
                self.findings.append(filed)
                return filed, True
            first = self.findings[index]
            tests = first.tests if test in first.tests else (*first.tests, test)
            merged = _merge(first, finding) if finding.check not in first.checks else first
            self.findings[index] = replace(merged, tests=tests)
            return self.findings[index], False


def _rank(check: str) -> int:
    """The registry's order: schemathesis' basic checks (status, media type, schema) first."""
    order = list(REGISTRY)
    return order.index(check) if check in order else len(order)


def _merge(first: Finding, other: Finding) -> Finding:
    """One answer broke two checks: the finding is named after the more basic one (a body that
    does not match its schema is reported as such, not as the JSON and XML disagreeing), and says
    what the other one found too."""
    checks = sorted({*first.checks, other.check}, key=_rank)
    main = other if checks[0] == other.check else first
    aside = first if main is other else other
    return replace(
        first,
        check=main.check,
        summary=main.summary,
        detail="\n".join(
            part
            for part in (
                main.detail,
                f"also [{aside.check}] {aside.summary}"
                + (f": {aside.detail}" if aside.detail else ""),
            )
            if part
        ),
        also=tuple(checks[1:]),
    )
