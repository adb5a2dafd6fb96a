"""The judge of an exchange: the request when it arrives, the answer and traffic when it ends."""

from __future__ import annotations

from contract_tests.judging.document import JsonObject, judged_document
from contract_tests.judging.redaction import Redactor
from numbers_proxy.answer_side import judge_answer_of
from numbers_proxy.checks import UNJUDGED_TOO_LARGE
from numbers_proxy.exchange import Exchange, Finding, Note, Request
from numbers_proxy.request_rules import RequestJudge, RequestVerdict
from numbers_proxy.traffic import Capped, Limits, Traffic

__all__ = ["ExchangeJudge"]

# Redactors kept for the credentials seen last: building one compiles a pattern.
_REDACTORS = 64


class ExchangeJudge:
    """Judges every exchange of one proxy session against one document (the overlaid one)."""

    def __init__(self, document: JsonObject | None = None, limits: Limits | None = None) -> None:
        self.document = document if document is not None else judged_document()
        self.requests = RequestJudge(self.document)
        self.traffic = Traffic(self.document, limits)
        self._redactors: Capped[tuple[str, str], Redactor] = Capped(_REDACTORS)

    def arrived(self, request: Request) -> tuple[Request, RequestVerdict]:
        """The request stamped with its arrival, and what its own rules say."""
        stamped = Request(
            request.method,
            request.path,
            request.query_string,
            request.headers,
            request.body,
            self.traffic.tick(),
        )
        return stamped, self.requests.judge(stamped)

    def answered(
        self,
        request: Request,
        verdict: RequestVerdict,
        status: int,
        media_type: str | None,
        content: bytes,
        milliseconds: float,
        complete: bool = True,
        extra: list[Finding] | None = None,
    ) -> Exchange:
        """The whole exchange judged; every text in it masked with the request's credentials."""
        exchange = Exchange(
            request, verdict.operation, status, media_type, content, milliseconds, complete
        )
        findings = list(verdict.findings) + list(extra or [])
        notes = list(verdict.notes)
        if not complete:
            notes.append(
                Note(
                    UNJUDGED_TOO_LARGE,
                    f"{verdict.operation} answered more than {len(content)} bytes: not judged",
                )
            )
            self.traffic.tick()
        elif status:
            answer = judge_answer_of(self.document, request, verdict, status, media_type, content)
            findings += answer.findings
            if not answer.findings:
                findings += self.traffic.observe(request.sequence, verdict, status, answer.body)
            else:
                self.traffic.tick()
        redactor = self._redactor(verdict)
        exchange.operation = redactor.redact(verdict.operation)
        exchange.findings = [Finding(f.check, f.side, redactor.redact(f.detail)) for f in findings]
        exchange.notes = [Note(n.id, redactor.redact(n.detail)) for n in notes]
        if exchange.findings:
            query = f"?{request.query_string}" if request.query_string else ""
            exchange.shown_target = redactor.redact(request.path + query)
            exchange.shown_form = redactor.redact(request.body.decode("utf-8", "replace"))
            exchange.excerpt = redactor.excerpt(content)
        return exchange

    def _redactor(self, verdict: RequestVerdict) -> Redactor:
        credentials = verdict.credentials
        pair = ("", "") if credentials is None else (credentials.api_key, credentials.api_secret)
        redactor = self._redactors.get(pair)
        if redactor is None:
            redactor = Redactor.for_credentials(*pair)
            self._redactors.put(pair, redactor)
        return redactor
