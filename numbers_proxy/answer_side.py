"""One answer judged as the harness judges it (`judge_answer`), plus what only the request tells.

The harness's own judgement (`answer_rules.judgement_of`: `judge_answer` with the body it read,
its schemas compiled once per process) holds the answer to the document (status, media type,
schema in JSON and XML, formats, negotiation, `error-code`, a 400 only where the oracle allows
one). The harness sends valid requests only; an application may not, so here a request the
document makes invalid is judged the other way round: its 400 is no finding, serving it is
(`negative_data_rejection`), and so is serving a request without credentials (`ignored_auth`). A
list answer that passed is then read for its meaning: the filters, the page size and `count`
(`semantics`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contract_tests.judging import semantics
from contract_tests.judging.answer_rules import XML_MEDIA_TYPES, Answer, judgement_of
from contract_tests.judging.document import OWNED, SEARCH, JsonObject
from contract_tests.judging.violations import (
    COUNT_COVERS_PAGE,
    IGNORED_AUTH,
    NEGATIVE_DATA_REJECTION,
    PAGE_WITHIN_SIZE,
    POSITIVE_DATA_ACCEPTANCE,
    RESULTS_MATCH_FILTERS,
)
from numbers_proxy.checks import Side
from numbers_proxy.exchange import Finding, Request
from numbers_proxy.request_rules import RequestVerdict

__all__ = ["AnswerVerdict", "judge_answer_of"]

SUCCESS = 200


@dataclass
class AnswerVerdict:
    findings: list[Finding] = field(default_factory=list)
    # The list answer's body in JSON shape when it passed its schema (for the traffic's rules).
    body: Any = None


def judge_answer_of(
    document: JsonObject,
    request: Request,
    verdict: RequestVerdict,
    status: int,
    media_type: str | None,
    content: bytes,
) -> AnswerVerdict:
    """Every rule the answer breaks, given the request it answers (already judged)."""
    result = AnswerVerdict()
    if not verdict.documented:
        return result
    method, _, path = verdict.operation.partition(" ")
    accept = request.headers.get("accept", "")
    answer = Answer(
        method=method,
        path=path,
        status=status,
        media_type=media_type,
        content=content,
        asked_xml=any(kind in accept for kind in XML_MEDIA_TYPES),
        query=verdict.query,
        form=verdict.form,
    )
    judgement = judgement_of(document, answer)
    found, body = judgement.findings, judgement.body
    if not verdict.valid:
        # The oracle speaks for requests valid by the document only.
        found = [f for f in found if f.check != POSITIVE_DATA_ACCEPTANCE]
    result.findings = [Finding(f.check, Side.SERVER, f.detail) for f in found]
    served = 200 <= status < 300
    if served and (not verdict.valid or verdict.refused_by_oracle):
        result.findings.append(
            Finding(
                NEGATIVE_DATA_REJECTION,
                Side.SERVER,
                f"{verdict.operation} served ({status}) a request the "
                f"{'document' if not verdict.valid else '400 oracle'} makes invalid",
            )
        )
    if served and verdict.credentials is None:
        result.findings.append(
            Finding(
                IGNORED_AUTH,
                Side.SERVER,
                f"{verdict.operation} served ({status}) a request without usable credentials",
            )
        )
    if status == SUCCESS and verdict.operation in (SEARCH, OWNED) and not result.findings:
        result.body = body
        if body is not None:
            result.findings += _meaning(verdict, body)
    return result


def _meaning(verdict: RequestVerdict, body: Any) -> list[Finding]:
    query = verdict.query
    filters = (
        semantics.search_filter_violations(query, body)
        if verdict.operation == SEARCH
        else semantics.owned_filter_violations(query, body)
    )
    found = [(RESULTS_MATCH_FILTERS, problem) for problem in filters]
    found += [
        (PAGE_WITHIN_SIZE, problem) for problem in semantics.page_size_violations(query, body)
    ]
    found += [(COUNT_COVERS_PAGE, problem) for problem in semantics.count_violations(body)]
    return [
        Finding(check, Side.SERVER, f"{verdict.operation}: {problem}") for check, problem in found
    ]
