"""What judging derives from the document is derived once and kept, per object, within a bound."""

from __future__ import annotations

import json
from typing import Any

import pytest

from contract_tests.judging.compiled import DERIVED, Derived
from contract_tests.judging.document import judged_document

SCHEMA = {"type": "object", "properties": {"count": {"type": "integer"}}}


def test_a_schema_is_compiled_once() -> None:
    store = Derived()
    validator = store.validator(SCHEMA)
    assert store.validator(SCHEMA) is validator
    assert validator.is_valid({"count": 1}) and not validator.is_valid({"count": "1"})


def test_an_equal_schema_is_compiled_for_itself() -> None:
    store = Derived()
    copy: dict[str, Any] = json.loads(json.dumps(SCHEMA))
    assert store.validator(copy) is not store.validator(SCHEMA)


def test_each_function_derives_its_own() -> None:
    store = Derived()
    calls: list[object] = []

    def names(schema: dict[str, Any]) -> list[str]:
        calls.append(schema)
        return sorted(schema["properties"])

    assert store.of(SCHEMA, names) == ["count"]
    assert store.of(SCHEMA, names) == ["count"]
    assert calls == [SCHEMA]
    assert store.urls(SCHEMA) is None


def test_the_store_is_bounded_oldest_out_first() -> None:
    store = Derived(limit=2)
    calls: list[int] = []

    def mark(schema: dict[str, int]) -> int:
        calls.append(schema["n"])
        return schema["n"]

    schemas = [{"n": n} for n in range(3)]
    for schema in schemas:
        store.of(schema, mark)
    store.of(schemas[2], mark)  # kept
    store.of(schemas[0], mark)  # was the oldest: derived again
    assert calls == [0, 1, 2, 0]


def test_an_operation_s_responses_are_resolved_once() -> None:
    document = judged_document()
    responses = DERIVED.responses(document, "GET", "/account/numbers")
    assert responses is not None and "200" in responses
    assert DERIVED.responses(document, "get", "/account/numbers") is responses
    assert DERIVED.responses(document, "GET", "/nowhere") is None


@pytest.mark.parametrize("limit", [1, 3])
def test_a_bounded_store_still_answers_right(limit: int) -> None:
    store = Derived(limit=limit)
    schemas = [{"type": kind} for kind in ("string", "integer", "boolean", "string")]
    samples = {"string": "a", "integer": 1, "boolean": True}
    for _ in range(2):
        for schema in schemas:
            assert store.validator(schema).is_valid(samples[schema["type"]])
            assert not store.validator(schema).is_valid([])
