"""`judge_answer` for a stream of answers: the same rules, the same findings, a tenth of the time.

`contract_tests.judging.answer_rules.judge_answer` is written for the harness, which judges a few
thousand answers a run; it compiles the body's JSON Schema for every answer and walks every body
for `format: url` values, where only the owned numbers' `moHttpUrl` has that format. A proxy
judges every answer of an application's traffic while the application waits on the same CPU, so
this does the same steps with both costs paid once per schema: a compiled validator kept, and the
places of its url formats found once, only those then read in each body. The steps are
answer_rules' own functions and messages (the url one restated);
`tests/numbers_proxy/test_answer_judgement.py` holds the findings equal to `judge_answer`'s over
the mock's answers, faults included.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jsonschema_rs

from contract_tests.judging import answer_rules, semantics
from contract_tests.judging.answer_rules import Answer, Finding
from contract_tests.judging.document import JsonObject
from contract_tests.judging.urls import is_url
from contract_tests.judging.violations import (
    CONTENT_TYPE_CONFORMANCE,
    ERROR_CODE_MATCHES_STATUS,
    FORMATS_CONFORM,
    RESPONSE_SCHEMA_CONFORMANCE,
    STATUS_CODE_CONFORMANCE,
)

__all__ = ["AnswerJudgement"]


# A step of a path into a body: a property name, or ITEMS for every item of an array.
ITEMS = object()
Path = tuple[object, ...]


def url_paths(schema: Mapping[str, Any], at: Path = ()) -> list[Path]:
    """Where in a body the schema puts `format: url` values: the places `format_violations`
    visits, found once per schema instead of for every answer (allOf, anyOf and oneOf too)."""
    found: list[Path] = [at] if schema.get("format") == "url" else []
    for key in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(key, []) or []:
            if isinstance(part, Mapping):
                found += url_paths(part, at)
    properties = schema.get("properties", {})
    if isinstance(properties, Mapping):
        for name, inner in properties.items():
            if isinstance(inner, Mapping):
                found += url_paths(inner, (*at, name))
    items = schema.get("items")
    if isinstance(items, Mapping):
        found += url_paths(items, (*at, ITEMS))
    return list(dict.fromkeys(found))


def url_values(body: Any, path: Path, where: str = "") -> list[tuple[str, str]]:
    """The string values at `path` in `body`, each with where it is ("numbers/3/moHttpUrl")."""
    if not path:
        return [(where or "the body", body)] if isinstance(body, str) else []
    step, rest = path[0], path[1:]
    if step is ITEMS:
        if not isinstance(body, list):
            return []
        return [
            found
            for index, item in enumerate(body)
            for found in url_values(item, rest, f"{where}/{index}" if where else str(index))
        ]
    if not isinstance(body, dict) or step not in body:
        return []
    name = str(step)
    return url_values(body[name], rest, f"{where}/{name}" if where else name)


class AnswerJudgement:
    """Judges answers against one document; schemas compiled once (they are read-only)."""

    def __init__(self, document: JsonObject) -> None:
        self.document = document
        # id(schema) -> (the schema, its validator, where its url formats are); the entry holds
        # the schema, so its id cannot be reused while the entry lives.
        self._schemas: dict[
            int, tuple[Mapping[str, Any], jsonschema_rs.Draft4Validator, list[Path]]
        ] = {}

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
        validator, paths = self._compiled(schema)
        findings += self._schema_findings(answer.label, validator, body)
        # As answer_rules.format_violations words it.
        findings += [
            Finding(
                FORMATS_CONFORM, f"{answer.label}: {where} is {value!r}, not a url (format: url)"
            )
            for path in paths
            for where, value in url_values(body, path)
            if not is_url(value)
        ]
        findings += [
            Finding(ERROR_CODE_MATCHES_STATUS, f"{answer.label}: {problem}")
            for problem in semantics.error_code_violations(answer.status, body)
        ]
        return findings, body

    def _compiled(
        self, schema: Mapping[str, Any]
    ) -> tuple[jsonschema_rs.Draft4Validator, list[Path]]:
        entry = self._schemas.get(id(schema))
        if entry is None or entry[0] is not schema:
            validator = jsonschema_rs.Draft4Validator(dict(schema), validate_formats=False)
            entry = (schema, validator, url_paths(schema))
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
