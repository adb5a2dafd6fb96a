"""`judge_answer` for a stream of answers: the same rules, the same findings, a tenth of the time.

`contract_tests.judging.answer_rules.judge_answer` is written for the harness, which judges a few
thousand answers a run; it compiles the body's JSON Schema for every answer and walks every body
for `format: url` values, where only the owned numbers' `moHttpUrl` has that format. A proxy
judges every answer of an application's traffic while the application waits on the same CPU, so
this does the same steps with the two costs paid once per schema: a compiled validator kept per
schema, and the url walk only where the schema has a url format at all. The steps and every
message are answer_rules' own functions; `tests/numbers_proxy/test_answer_judgement.py` holds the
findings equal to `judge_answer`'s over the mock's answers, faults included.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jsonschema_rs

from contract_tests.judging import answer_rules, semantics
from contract_tests.judging.answer_rules import Answer, Finding
from contract_tests.judging.document import JsonObject
from contract_tests.judging.violations import (
    CONTENT_TYPE_CONFORMANCE,
    ERROR_CODE_MATCHES_STATUS,
    FORMATS_CONFORM,
    RESPONSE_SCHEMA_CONFORMANCE,
    STATUS_CODE_CONFORMANCE,
)

__all__ = ["AnswerJudgement"]


def _has_url_format(node: Any) -> bool:
    if isinstance(node, Mapping):
        return node.get("format") == "url" or any(_has_url_format(v) for v in node.values())
    if isinstance(node, list):
        return any(_has_url_format(item) for item in node)
    return False


class AnswerJudgement:
    """Judges answers against one document; schemas compiled once (they are read-only)."""

    def __init__(self, document: JsonObject) -> None:
        self.document = document
        # id(schema) -> (the schema, its validator, whether it has a url format); the entry holds
        # the schema, so its id cannot be reused while the entry lives.
        self._schemas: dict[int, tuple[Mapping[str, Any], jsonschema_rs.Draft4Validator, bool]] = {}

    def judge(self, answer: Answer) -> tuple[list[Finding], Any]:
        """`judge_answer(document, answer)`, and the body in JSON shape when it was read."""
        if answer.status == answer_rules.THROTTLED:
            return [], None
        responses = answer_rules.documented_responses(self.document, answer.method, answer.path)
        if responses is None:
            return [], None
        content = answer_rules.documented_content(responses, answer.status)
        if content is None:
            listed = ", ".join(sorted(code for code in responses if code[0].isdigit()))
            detail = (
                f"{answer.label} answered {answer.status}, which the document does not list "
                f"(it lists {listed})"
            )
            return [Finding(STATUS_CODE_CONFORMANCE, detail)], None
        findings = answer_rules.negotiation_findings(answer, content)
        findings += answer_rules.refusal_findings(answer)
        if content and answer.media_type not in content:
            findings.append(
                Finding(
                    CONTENT_TYPE_CONFORMANCE,
                    f"{answer.label} answered {answer.status} as {answer.media_type!r}; the "
                    f"document lists {', '.join(content)}",
                )
            )
            return findings, None
        schema = answer_rules.body_schema(content, answer.media_type)
        if schema is None:
            return findings, None
        try:
            body = answer_rules.read_answer(answer, schema)
        except ValueError as exc:
            findings.append(
                Finding(
                    RESPONSE_SCHEMA_CONFORMANCE, f"{answer.label}: the body does not parse: {exc}"
                )
            )
            return findings, None
        validator, has_url = self._compiled(schema)
        findings += self._schema_findings(answer.label, validator, body)
        if has_url:
            findings += [
                Finding(FORMATS_CONFORM, f"{answer.label}: {problem}")
                for problem in answer_rules.format_violations(schema, body)
            ]
        findings += [
            Finding(ERROR_CODE_MATCHES_STATUS, f"{answer.label}: {problem}")
            for problem in semantics.error_code_violations(answer.status, body)
        ]
        return findings, body

    def _compiled(self, schema: Mapping[str, Any]) -> tuple[jsonschema_rs.Draft4Validator, bool]:
        entry = self._schemas.get(id(schema))
        if entry is None or entry[0] is not schema:
            validator = jsonschema_rs.Draft4Validator(dict(schema), validate_formats=False)
            entry = (schema, validator, _has_url_format(schema))
            self._schemas[id(schema)] = entry
        return entry[1], entry[2]

    @staticmethod
    def _schema_findings(
        label: str, validator: jsonschema_rs.Draft4Validator, body: Any
    ) -> list[Finding]:
        # As answer_rules.schema_findings words it: the first error by place, and how many more.
        if validator.is_valid(body):
            return []
        errors = sorted(validator.iter_errors(body), key=lambda error: list(error.instance_path))
        first = errors[0]
        where = "/".join(str(part) for part in first.instance_path) or "the body"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return [Finding(RESPONSE_SCHEMA_CONFORMANCE, f"{label}: at {where}: {first.message}{more}")]
