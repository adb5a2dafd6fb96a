"""What an application's request must be: the document with the overlay, the service's habits and
the 400 oracle, applied to one request as it went on the wire. Pure: no I/O.

The harness writes its own requests, so it never needed these rules; the answers to them are judged
by its own `judge_answer`. A request breaking a rule is a finding on the client's side; a form the
service accepts beyond the document (credentials as fields, a POST's fields in its query string)
is a note.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import jsonschema_rs

from contract_tests.judging import refusals
from contract_tests.judging.document import JsonObject, resolve
from numbers_proxy.checks import (
    LEGACY_CREDENTIALS,
    LEGACY_QUERY_FIELDS,
    LOOSE_BOOLEAN,
    REQUEST_AUTHENTICATED,
    REQUEST_CONFORMS,
    REQUEST_DOCUMENTED,
    REQUEST_SERVICE_ACCEPTS,
    UNDOCUMENTED_FIELD,
    Side,
)
from numbers_proxy.exchange import Finding, Note, Request, media_type_of

__all__ = ["Credentials", "RequestJudge", "RequestVerdict", "credentials_of"]

FORM = "application/x-www-form-urlencoded"
CREDENTIAL_FIELDS = ("api_key", "api_secret")
_INTEGER = re.compile(r"[+-]?[0-9]+")
LOOSE_BOOLEANS = frozenset({"True", "False", "TRUE", "FALSE"})


@dataclass(frozen=True)
class Credentials:
    api_key: str
    api_secret: str = field(repr=False)
    # Where they were: "basic", "query" or "form".
    where: str = "basic"


@dataclass
class RequestVerdict:
    """What the judge made of one request."""

    operation: str
    documented: bool
    credentials: Credentials | None
    # The fields as the service reads them: a legacy POST's are in its query string.
    query: dict[str, list[str]]
    form: dict[str, list[str]]
    findings: list[Finding] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Valid by the document (the oracle's refusals aside)."""
        return not any(f.check in (REQUEST_DOCUMENTED, REQUEST_CONFORMS) for f in self.findings)

    @property
    def refused_by_oracle(self) -> bool:
        return any(f.check == REQUEST_SERVICE_ACCEPTS for f in self.findings)

    @property
    def account(self) -> str | None:
        """The account the request acts on: a subaccount named by `target_api_key`, or its own."""
        target = self.form.get("target_api_key")
        if target and len(target) == 1 and target[0]:
            return target[0]
        return None if self.credentials is None else self.credentials.api_key


def credentials_of(request: Request) -> Credentials | None:
    """The credentials as the service reads them: HTTP basic, else the legacy pair (query, form)."""
    authorization = request.headers.get("authorization")
    if authorization is not None:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        key, colon, secret = decoded.partition(":")
        return Credentials(key, secret) if colon and key and secret else None
    for where, fields in (("query", request.query), ("form", request.form)):
        keys, secrets = fields.get("api_key", []), fields.get("api_secret", [])
        if len(keys) == 1 and len(secrets) == 1 and keys[0] and secrets[0]:
            return Credentials(keys[0], secrets[0], where)
    return None


@dataclass(frozen=True)
class _Operation:
    label: str
    # name -> (schema, required) for the query parameters and the form fields.
    parameters: Mapping[str, tuple[Mapping[str, Any], bool]]
    form: Mapping[str, tuple[Mapping[str, Any], bool]] | None


class RequestJudge:
    """Judges requests against one (overlaid) document; read once, then shared by every request."""

    def __init__(self, document: JsonObject) -> None:
        self._operations: dict[tuple[str, str], _Operation] = {}
        for path, item in document.get("paths", {}).items():
            for method, operation in item.items():
                if isinstance(operation, Mapping) and "responses" in operation:
                    self._operations[(method.upper(), path)] = _read(
                        document, f"{method.upper()} {path}", operation
                    )
        self._validators: dict[int, jsonschema_rs.Draft4Validator] = {}
        self._schemas: list[Mapping[str, Any]] = []

    def operation(self, method: str, path: str) -> str | None:
        """ "METHOD /path" of the document for a request, None when the document has none."""
        key = (method.upper(), path.rstrip("/") or "/")
        return self._operations[key].label if key in self._operations else None

    def judge(self, request: Request) -> RequestVerdict:
        key = (request.method.upper(), request.path.rstrip("/") or "/")
        operation = self._operations.get(key)
        credentials = credentials_of(request)
        query, form = dict(request.query), dict(request.form)
        label = f"{request.method.upper()} {request.path}"
        if operation is None:
            verdict = RequestVerdict(label, False, credentials, query, form)
            verdict.findings.append(
                Finding(REQUEST_DOCUMENTED, Side.CLIENT, f"the document has no operation {label}")
            )
            return verdict
        verdict = RequestVerdict(operation.label, True, credentials, query, form)
        self._credentials(request, verdict)
        if operation.form is not None:
            self._body(request, operation, verdict)
        self._fields("query", verdict.query, operation.parameters, verdict)
        if operation.form is not None:
            self._fields("form", verdict.form, operation.form, verdict)
        reasons = refusals.refusal_reasons(operation.label, verdict.query, verdict.form)
        if reasons:
            verdict.findings.append(
                Finding(
                    REQUEST_SERVICE_ACCEPTS,
                    Side.CLIENT,
                    f"{operation.label}: the service refuses this with 400: " + "; ".join(reasons),
                )
            )
        return verdict

    def _credentials(self, request: Request, verdict: RequestVerdict) -> None:
        credentials = verdict.credentials
        if credentials is None:
            why = (
                "its Authorization header is not HTTP basic with a key and a secret"
                if "authorization" in request.headers
                else "it carries no credentials"
            )
            verdict.findings.append(
                Finding(REQUEST_AUTHENTICATED, Side.CLIENT, f"{verdict.operation}: {why}")
            )
        elif credentials.where != "basic":
            verdict.notes.append(
                Note(
                    LEGACY_CREDENTIALS,
                    f"{verdict.operation}: credentials in the {credentials.where}",
                )
            )

    def _body(self, request: Request, operation: _Operation, verdict: RequestVerdict) -> None:
        media_type = media_type_of(request.headers.get("content-type"))
        if not request.body.strip():
            fields = {
                k: v
                for k, v in verdict.query.items()
                if k not in operation.parameters and k not in CREDENTIAL_FIELDS
            }
            if fields:
                # The legacy wire shape: every field in the query string, an empty body.
                verdict.form = fields
                verdict.query = {k: v for k, v in verdict.query.items() if k not in fields}
                verdict.notes.append(
                    Note(LEGACY_QUERY_FIELDS, f"{operation.label}: fields in the query string")
                )
            return
        if media_type != FORM:
            verdict.findings.append(
                Finding(
                    REQUEST_CONFORMS,
                    Side.CLIENT,
                    f"{operation.label}: the body is {media_type or 'unlabelled'}, the document "
                    f"takes {FORM} only",
                )
            )

    def _fields(
        self,
        where: str,
        sent: Mapping[str, Sequence[str]],
        declared: Mapping[str, tuple[Mapping[str, Any], bool]],
        verdict: RequestVerdict,
    ) -> None:
        problems: list[str] = []
        for name, (_, required) in declared.items():
            if required and name not in sent:
                problems.append(f"{name} is required and missing")
        for name, values in sent.items():
            if name in CREDENTIAL_FIELDS:
                continue
            if name not in declared:
                verdict.notes.append(
                    Note(
                        UNDOCUMENTED_FIELD,
                        f"{verdict.operation}: {name} in the {where} is not in the document",
                    )
                )
                continue
            schema = declared[name][0]
            if schema.get("type") == "boolean" and any(v in LOOSE_BOOLEANS for v in values):
                # The official Python SDK sends Python's `False`; the service reads it as false.
                verdict.notes.append(
                    Note(
                        LOOSE_BOOLEAN, f"{verdict.operation}: {name}={values[0]} read as lower case"
                    )
                )
                lowered = [v.lower() if v in LOOSE_BOOLEANS else v for v in values]
                if where == "query":
                    verdict.query[name] = lowered
                else:
                    verdict.form[name] = lowered
            for value in values:
                problem = self._value_problem(schema, value)
                if problem is not None:
                    problems.append(f"{name}={value!r} {problem}")
        if problems:
            verdict.findings.append(
                Finding(
                    REQUEST_CONFORMS,
                    Side.CLIENT,
                    f"{verdict.operation}: in the {where}, " + "; ".join(problems),
                )
            )

    def _value_problem(self, schema: Mapping[str, Any], text: str) -> str | None:
        kind = schema.get("type")
        value: Any = text
        if kind == "integer":
            if not (text.isascii() and _INTEGER.fullmatch(text)):
                return "is not an integer"
            value = int(text)
        elif kind == "boolean":
            if text.lower() not in ("true", "false"):
                return "is not true or false"
            value = text.lower() == "true"
        errors = list(self._validator(schema).iter_errors(value))
        return None if not errors else f"breaks its schema: {errors[0].message}"

    def _validator(self, schema: Mapping[str, Any]) -> jsonschema_rs.Draft4Validator:
        # Schemas are the judge's own read-only objects: their ids are stable while it lives.
        validator = self._validators.get(id(schema))
        if validator is None:
            self._schemas.append(schema)
            validator = jsonschema_rs.Draft4Validator(dict(schema), validate_formats=False)
            self._validators[id(schema)] = validator
        return validator


def _read(document: JsonObject, label: str, operation: Mapping[str, Any]) -> _Operation:
    parameters = {
        str(p["name"]): (p.get("schema", {}), bool(p.get("required")))
        for p in resolve(document, operation.get("parameters", []))
        if p.get("in") == "query"
    }
    body = resolve(document, operation.get("requestBody"))
    form: dict[str, tuple[Mapping[str, Any], bool]] | None = None
    if isinstance(body, Mapping):
        schema = body.get("content", {}).get(FORM, {}).get("schema", {})
        required = set(schema.get("required", []))
        form = {
            str(name): (prop, name in required)
            for name, prop in schema.get("properties", {}).items()
        }
    return _Operation(label, parameters, form)
