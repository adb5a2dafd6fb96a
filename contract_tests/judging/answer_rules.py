"""What every answer must be, whoever received it: pure rules over one answer and the document.

The per-operation fuzzing gets its answers judged by schemathesis' checks; the lifecycle, the
paging walk, the filter test and the stocking receive theirs through the generated client or plain
httpx. `judge_answer` is the one judgement both paths share (`answer_judge.py` puts it under the
harness's httpx clients, `checks.py` runs the rules schemathesis lacks), and the proxy's too
(`numbers_proxy/answer_side.py`, through `judgement_of`): the status is one the
document lists, the content type is one it lists for that status, an XML request gets XML where the
document offers it, the body fits its schema (JSON and XML alike), the formats the document uses
hold (`url`), and `error-code` is the status as a string.

The document judged against is the overlaid one (`numbers_openapi/overlay.yaml`), so a 400
field-error body or a 420 of a cancel is held to its schema too. A 429 is not judged here: the
request gate waits it out, retries, counts it and fails a run it dominates (`not_throttled`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from contract_tests.judging import habits, refusals, semantics
from contract_tests.judging.compiled import DERIVED
from contract_tests.judging.document import JsonObject
from contract_tests.judging.formats import url_values
from contract_tests.judging.urls import is_url
from contract_tests.judging.violations import (
    ANSWER_NEGOTIATED,
    CONTENT_TYPE_CONFORMANCE,
    ERROR_CODE_MATCHES_STATUS,
    FIELD_ERRORS_NAME_REQUEST,
    FORMATS_CONFORM,
    JSON_CONTENT_TYPE,
    NOT_A_SERVER_ERROR,
    NUMBER_FIELDS_DOCUMENTED,
    POSITIVE_DATA_ACCEPTANCE,
    RESPONSE_SCHEMA_CONFORMANCE,
    STATUS_BODY_COMPLETE,
    STATUS_CODE_CONFORMANCE,
)
from contract_tests.judging.xml_body import XmlBodyError, xml_to_json

JSON = "application/json"
XML_MEDIA_TYPES = ("text/xml", "application/xml")
THROTTLED = 429
BAD_REQUEST = 400
SERVER_ERROR = 500


@dataclass(frozen=True)
class Answer:
    """One answer as the wire carried it, with what the request asked for."""

    method: str
    path: str
    status: int
    media_type: str | None
    content: bytes
    asked_xml: bool
    # The request's fields as sent (name -> values), for the 400 oracle.
    query: Mapping[str, Sequence[str]] = field(default_factory=dict)
    form: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # The Content-Type header whole, parameters included ("" when there was none).
    content_type: str = ""

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


@dataclass(frozen=True)
class Finding:
    """One rule an answer breaks: `check` names it (a `violations.CHECKS` name)."""

    check: str
    detail: str


def is_xml(media_type: str | None) -> bool:
    return media_type in XML_MEDIA_TYPES


def is_json(media_type: str | None) -> bool:
    return media_type is not None and (media_type == JSON or media_type.endswith("+json"))


def documented_responses(document: JsonObject, method: str, path: str) -> Mapping[str, Any] | None:
    """The operation's resolved responses, or None when the document has no such operation.

    Resolved once per operation (`compiled.py`): every answer of a run is judged, and resolving the
    responses again for each took longer than judging the answer. Read-only (shared by every
    answer).
    """
    return DERIVED.responses(document, method, path)


def documented_content(responses: Mapping[str, Any], status: int) -> Mapping[str, Any] | None:
    """The media types (-> their objects) documented for `status`; None when it is undocumented."""
    response = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX")
    if response is None:
        response = responses.get("default")
    if not isinstance(response, Mapping):
        return None
    content = response.get("content", {})
    return content if isinstance(content, Mapping) else {}


@dataclass(frozen=True)
class Judgement:
    """What judging one answer found, and its body in JSON shape when it was read (None when the
    answer has no documented schema or its body did not parse)."""

    findings: list[Finding]
    body: Any = None


def judge_answer(document: JsonObject, answer: Answer) -> list[Finding]:
    """Every rule above that `answer` breaks (an empty list: the answer is fine)."""
    return judgement_of(document, answer).findings


def judgement_of(document: JsonObject, answer: Answer) -> Judgement:
    """`judge_answer`'s findings, with the body it read: what a reader of the body (the proxy's
    rules on a list's meaning) takes instead of parsing the answer again."""
    if answer.status == THROTTLED:
        return Judgement([])
    responses = documented_responses(document, answer.method, answer.path)
    if responses is None:
        return Judgement([])
    content = documented_content(responses, answer.status)
    if answer.status >= SERVER_ERROR:
        # One root cause, one name: the fuzzing reports a 5xx as `not_a_server_error` only.
        return Judgement([Finding(NOT_A_SERVER_ERROR, f"{answer.label} answered {answer.status}")])
    if content is None:
        listed = ", ".join(sorted(code for code in responses if code[0].isdigit()))
        return Judgement(
            [
                Finding(
                    STATUS_CODE_CONFORMANCE,
                    f"{answer.label} answered {answer.status}, which the document does not list "
                    f"(it lists {listed})",
                )
            ]
        )
    findings = negotiation_findings(answer, content) + refusal_findings(answer)
    if content and answer.media_type not in content:
        findings.append(
            Finding(
                CONTENT_TYPE_CONFORMANCE,
                f"{answer.label} answered {answer.status} as {answer.media_type!r}; the document "
                f"lists {', '.join(content)}",
            )
        )
        return Judgement(findings)
    schema = body_schema(content, answer.media_type)
    if schema is None:
        return Judgement(findings)
    try:
        body = read_answer(answer, schema)
    except ValueError as exc:
        findings.append(
            Finding(RESPONSE_SCHEMA_CONFORMANCE, f"{answer.label}: the body does not parse: {exc}")
        )
        return Judgement(findings)
    findings += schema_findings(answer.label, schema, body)
    findings += body_findings(answer, schema, body)
    return Judgement(findings, body)


def body_schema(content: Mapping[str, Any], media_type: str | None) -> Mapping[str, Any] | None:
    media = content.get(media_type) if media_type is not None else None
    schema = media.get("schema") if isinstance(media, Mapping) else None
    return schema if isinstance(schema, Mapping) else None


def body_findings(answer: Answer, schema: Mapping[str, Any], body: Any) -> list[Finding]:
    """The rules on a parsed body that schemathesis' schema check does not apply: the formats the
    document uses (`url`), and `error-code` against the status."""
    findings = [
        Finding(FORMATS_CONFORM, f"{answer.label}: {problem}")
        for problem in format_violations(schema, body)
    ]
    findings += [
        Finding(ERROR_CODE_MATCHES_STATUS, f"{answer.label}: {problem}")
        for problem in semantics.error_code_violations(answer.status, body)
    ]
    return findings + habit_findings(answer, schema, body)


def habit_findings(answer: Answer, schema: Mapping[str, Any], body: Any) -> list[Finding]:
    """The service's documented habits and HTTP's rules on a parsed body (`habits.py`)."""
    found = [
        Finding(STATUS_BODY_COMPLETE, f"{answer.label} answered {answer.status}: {problem}")
        for problem in habits.status_body_findings(body)
    ]
    if is_json(answer.media_type):
        found += [
            Finding(NUMBER_FIELDS_DOCUMENTED, f"{answer.label}: {problem}")
            for problem in habits.number_field_findings(schema, body)
        ]
        found += [
            Finding(JSON_CONTENT_TYPE, f"{answer.label} answered {answer.status}: {problem}")
            for problem in habits.json_content_type_findings(answer.content_type)
        ]
    found += [
        Finding(FIELD_ERRORS_NAME_REQUEST, f"{answer.label}: {problem}")
        for problem in habits.field_error_findings(
            answer.label, answer.status, body, answer.query, answer.form
        )
    ]
    return found


def documented_media(document: JsonObject, answer: Answer) -> Mapping[str, Any] | None:
    """The media types the document offers for the answer's status (None: undocumented)."""
    responses = documented_responses(document, answer.method, answer.path)
    return None if responses is None else documented_content(responses, answer.status)


def refusal_findings(answer: Answer) -> list[Finding]:
    """A 400 to a request the 400 oracle (`refusals.py`) finds nothing wrong with.

    Only for requests valid by the document, which every request of the harness's own tests is
    (the fuzzing's invalid ones go through schemathesis, whose `positive_data_acceptance` asks
    the same oracle).
    """
    if answer.status != BAD_REQUEST:
        return []
    if refusals.refusal_reasons(answer.label, answer.query, answer.form):
        return []
    return [
        Finding(
            POSITIVE_DATA_ACCEPTANCE,
            f"{answer.label} answered 400 to a request valid by the document and by the 400 "
            "oracle (refusals.py)",
        )
    ]


def negotiation_findings(answer: Answer, content: Mapping[str, Any]) -> list[Finding]:
    """An XML request gets XML wherever the document offers it for the status (and JSON, JSON)."""
    offered_xml = [media for media in content if is_xml(media)]
    if answer.asked_xml and offered_xml and not is_xml(answer.media_type):
        return [
            Finding(
                ANSWER_NEGOTIATED,
                f"{answer.label} asked for text/xml, which the document offers for "
                f"{answer.status}, and was answered {answer.media_type!r}",
            )
        ]
    if not answer.asked_xml and JSON in content and is_xml(answer.media_type):
        return [
            Finding(
                ANSWER_NEGOTIATED,
                f"{answer.label} asked for JSON, which the document offers for {answer.status}, "
                f"and was answered {answer.media_type!r}",
            )
        ]
    return []


def read_answer(answer: Answer, schema: Mapping[str, Any]) -> Any:
    """The body in JSON shape (XML read by the schema's `xml` objects); ValueError if unreadable."""
    if is_xml(answer.media_type):
        try:
            return xml_to_json(answer.content, schema)
        except XmlBodyError as exc:
            raise ValueError(str(exc)) from None
    return json.loads(answer.content)


def schema_findings(label: str, schema: Mapping[str, Any], body: Any) -> list[Finding]:
    """The body against its (resolved) schema; the OpenAPI-only keywords (`xml`, `example`) are
    annotations the validator ignores, and so are formats (`format_violations` checks `url`, the
    one this document uses), as the Python `jsonschema` did by default.

    jsonschema-rs, which schemathesis validates with too, rather than the Python `jsonschema`: it is
    loaded with schemathesis anyway, where the other took a tenth of a second to import in every
    run, and it validates an answer in less than half the time. The validator is compiled once per
    schema (`compiled.py`); compiling it took longer than validating.
    """
    validator = DERIVED.validator(schema)
    if validator.is_valid(body):
        return []
    errors = sorted(validator.iter_errors(body), key=lambda error: list(error.instance_path))
    first = errors[0]
    where = "/".join(str(part) for part in first.instance_path) or "the body"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return [Finding(RESPONSE_SCHEMA_CONFORMANCE, f"{label}: at {where}: {first.message}{more}")]


def format_violations(schema: Mapping[str, Any], body: Any) -> list[str]:
    """Every string whose schema says `format: url` and that is not one (where the schema puts
    them found once per schema: `formats.py`)."""
    plan = DERIVED.urls(schema)
    if plan is None:
        return []
    return [
        f"{where} is {value!r}, not a url (format: url)"
        for where, value in url_values(plan, body)
        if not is_url(value)
    ]


def _normalised(body: Any) -> Any:
    # An empty page is `{}` or `{"count": 0, "numbers": []}` (the real service sends both).
    if (
        isinstance(body, Mapping)
        and set(body) <= {"count", "numbers"}
        and not body.get("numbers")
        and body.get("count", 0) == 0
    ):
        return {}
    return body


def disagreements(as_json: Any, as_xml: Any, where: str = "") -> list[str]:
    """Where the JSON and the XML answer to the same request describe different data."""
    as_json, as_xml = _normalised(as_json), _normalised(as_xml)
    here = where or "the body"
    if isinstance(as_json, Mapping) and isinstance(as_xml, Mapping):
        found: list[str] = []
        for key in sorted(set(as_json) | set(as_xml)):
            path = f"{where}/{key}" if where else str(key)
            if key not in as_xml:
                # An empty unwrapped array (the lists' `numbers`) leaves no trace in XML: `[]` in
                # JSON and no element in XML say the same. (For a wrapped array this forgives a
                # missing empty wrapper, which says no more than the missing list would.)
                if as_json[key] == []:
                    continue
                found.append(f"{path} is {as_json[key]!r} in JSON and missing in XML")
            elif key not in as_json:
                if as_xml[key] == []:
                    continue
                found.append(f"{path} is {as_xml[key]!r} in XML and missing in JSON")
            else:
                found += disagreements(as_json[key], as_xml[key], path)
        return found
    if isinstance(as_json, list) and isinstance(as_xml, list):
        if len(as_json) != len(as_xml):
            return [f"{here} holds {len(as_json)} items in JSON and {len(as_xml)} in XML"]
        found = []
        for index, (left, right) in enumerate(zip(as_json, as_xml, strict=True)):
            found += disagreements(left, right, f"{where}/{index}" if where else str(index))
        return found
    if as_json != as_xml:
        return [f"{here} is {as_json!r} in JSON and {as_xml!r} in XML"]
    return []
