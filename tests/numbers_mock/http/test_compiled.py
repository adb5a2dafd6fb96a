from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from starlette.datastructures import QueryParams

from numbers_mock import default_spec_path
from numbers_mock.core.document import ApiDocument
from numbers_mock.core.replies import Rejected
from numbers_mock.http.compiled import compile_operation
from numbers_mock.http.validation import RequestValidator

from ..strategies import content_types, form_bodies, query_strings

DOCUMENT = ApiDocument(default_spec_path())
VALIDATOR = RequestValidator(DOCUMENT)
OPERATIONS = {op.operation_id: op for op in DOCUMENT.operations()}


def outcome(
    validate: Any, operation_id: str, query: str, content_type: str | None, body: bytes
) -> Any:
    operation = OPERATIONS[operation_id]
    try:
        result = validate(
            operation_id,
            method=operation.method,
            path=operation.path,
            query=QueryParams(query),
            headers={},
            content_type=content_type,
            body=body if operation.method == "post" else None,
        )
    except Rejected as rejected:
        return ("rejected", rejected.reply.status, rejected.reply.body)
    return ("accepted", result.params, result.body)


def test_every_operation_of_the_document_is_compiled() -> None:
    assert VALIDATOR.compiled_operations == set(OPERATIONS)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
@settings(max_examples=150, deadline=None)
@given(query=query_strings, content_type=content_types, body=form_bodies)
def test_compiled_plans_agree_with_openapi_core(
    operation_id: str, query: str, content_type: str | None, body: bytes
) -> None:
    compiled = outcome(VALIDATOR.validate, operation_id, query, content_type, body)
    reference = outcome(VALIDATOR.reference.validate, operation_id, query, content_type, body)
    assert compiled == reference


def variant(tmp_path: Path, change: Any) -> ApiDocument:
    raw = json.loads(default_spec_path().read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "variant.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return ApiDocument(path)


def add_parameter(parameter: dict[str, Any]) -> Any:
    def change(raw: dict[str, Any]) -> None:
        raw["paths"]["/number/search"]["get"]["parameters"].append(parameter)

    return change


@pytest.mark.parametrize(
    "change",
    [
        add_parameter({"name": "X-Trace", "in": "header", "schema": {"type": "string"}}),
        add_parameter({"name": "ids", "in": "query", "schema": {"type": "array", "items": {}}}),
        add_parameter({"name": "q", "in": "query", "style": "deepObject", "schema": {}}),
        add_parameter({"name": "e", "in": "query", "allowEmptyValue": True, "schema": {}}),
        add_parameter({"name": "o", "in": "query", "schema": {"oneOf": [{"type": "string"}]}}),
    ],
)
def test_unsupported_parameters_fall_back_to_openapi_core(tmp_path: Path, change: Any) -> None:
    document = variant(tmp_path, change)
    assert compile_operation(document, "getAvailableNumbers") is None
    assert compile_operation(document, "getOwnedNumbers") is not None
    assert "getAvailableNumbers" not in RequestValidator(document).compiled_operations


def test_a_new_required_parameter_is_enforced_without_code_changes(tmp_path: Path) -> None:
    document = variant(
        tmp_path,
        add_parameter(
            {"name": "region", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
    )
    plan = compile_operation(document, "getAvailableNumbers")
    assert plan is not None
    with pytest.raises(Rejected) as caught:
        plan.validate(QueryParams("country=GB"), None, None)
    assert caught.value.reply.body == {"region": "Is required."}


def test_other_openapi_versions_are_left_to_openapi_core(tmp_path: Path) -> None:
    document = variant(tmp_path, lambda raw: raw.update(openapi="3.2.0"))
    assert compile_operation(document, "getOwnedNumbers") is None
