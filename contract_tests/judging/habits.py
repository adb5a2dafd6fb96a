"""What the service always does beyond what its document makes required: pure rules over one answer.

The document makes few fields required, so an answer can fit every schema and still not be what
the service sends. These rules hold answers to the service's documented habits (the shared notes on
the real service) and to HTTP's: each is a check of its own (`judging/registry.py`), which a user
can switch off like any other (`--skip-check`, or `[checks.NAME] enabled = false` in
schemathesis.toml).

- `status_body_complete`: a status body has `error-code` and `error-code-label` together;
- `number_fields_documented`: a listed number carries only fields its schema describes;
- `json_content_type`: JSON comes as `application/json;charset=UTF-8`;
- `field_errors_name_request`: a 400's field errors name fields the request sent, or required
  fields it lacked (`{"country":"Is required."}`), never another field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from contract_tests.judging.document import judged_document, resolve

ERROR_CODE = "error-code"
ERROR_CODE_LABEL = "error-code-label"
JSON = "application/json"
UTF_8 = "utf-8"
BAD_REQUEST = 400


def status_body_findings(body: Any) -> list[str]:
    """A status body with one of `error-code` and `error-code-label` but not the other."""
    if not isinstance(body, Mapping):
        return []
    has_code, has_label = ERROR_CODE in body, ERROR_CODE_LABEL in body
    if has_code and not has_label:
        return [f"the body has {ERROR_CODE} {body[ERROR_CODE]!r} but no {ERROR_CODE_LABEL}"]
    if has_label and not has_code:
        return [f"the body has {ERROR_CODE_LABEL} {body[ERROR_CODE_LABEL]!r} but no {ERROR_CODE}"]
    return []


def number_field_findings(schema: Mapping[str, Any], body: Any) -> list[str]:
    """Fields of a listed number (`numbers[i]`) that the number's schema does not describe."""
    if not isinstance(body, Mapping) or not isinstance(body.get("numbers"), list):
        return []
    properties = schema.get("properties", {})
    numbers = properties.get("numbers", {}) if isinstance(properties, Mapping) else {}
    items = numbers.get("items", {}) if isinstance(numbers, Mapping) else {}
    described = items.get("properties") if isinstance(items, Mapping) else None
    if not isinstance(described, Mapping):
        return []
    found: dict[str, int] = {}
    for number in body["numbers"]:
        if isinstance(number, Mapping):
            for name in number:
                if name not in described:
                    found.setdefault(str(name), len(found))
    return [
        f"numbers carry {name!r}, a field the document does not describe for a number"
        for name in found
    ]


def media_type_parameters(content_type: str) -> tuple[str, dict[str, str]]:
    """A Content-Type split into its media type and parameters, names and type lowercased."""
    media, *parameters = (part.strip() for part in content_type.split(";"))
    values: dict[str, str] = {}
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        values[name.strip().lower()] = value.strip().strip('"')
    return media.lower(), values


def json_content_type_findings(content_type: str) -> list[str]:
    """A JSON answer not labelled `application/json;charset=UTF-8` (case and spaces aside)."""
    media, parameters = media_type_parameters(content_type)
    if media != JSON:
        return []
    charset = parameters.get("charset")
    if charset is None:
        return [f"Content-Type {content_type!r} names no charset (the service sends charset=UTF-8)"]
    if charset.lower() != UTF_8:
        return [f"Content-Type {content_type!r} names charset {charset!r}, not UTF-8"]
    return []


@cache
def request_fields(label: str) -> tuple[frozenset[str], frozenset[str]]:
    """The fields the operation labelled "METHOD /path" takes (query parameters and form fields),
    and those of them it requires."""
    method, _, path = label.partition(" ")
    document = judged_document()
    operation = document.get("paths", {}).get(path, {}).get(method.lower(), {})
    names: set[str] = set()
    required: set[str] = set()
    for parameter in resolve(document, operation.get("parameters", [])) or []:
        parameter = resolve(document, parameter)
        if isinstance(parameter, Mapping) and parameter.get("in") == "query":
            names.add(str(parameter.get("name")))
            if parameter.get("required"):
                required.add(str(parameter.get("name")))
    body = resolve(document, operation.get("requestBody", {})) or {}
    for media in (body.get("content") or {}).values():
        schema = resolve(document, media.get("schema", {})) or {}
        names |= set(map(str, schema.get("properties", {})))
        required |= set(map(str, schema.get("required", [])))
    return frozenset(names), frozenset(required)


def field_error_findings(
    label: str,
    status: int,
    body: Any,
    query: Mapping[str, Sequence[str]],
    form: Mapping[str, Sequence[str]],
) -> list[str]:
    """Field errors of a 400 that name a field the request neither sent nor had to send."""
    if status != BAD_REQUEST or not isinstance(body, Mapping):
        return []
    _, required = request_fields(label)
    sent = set(query) | set(form)
    strangers = [
        str(name)
        for name in body
        if name not in sent and name not in required and name not in (ERROR_CODE, ERROR_CODE_LABEL)
    ]
    if not strangers:
        return []
    return [
        f"the 400 names {', '.join(map(repr, strangers))}, which the request did not send and "
        f"the document does not require (sent: {', '.join(sorted(sent)) or 'nothing'})"
    ]
