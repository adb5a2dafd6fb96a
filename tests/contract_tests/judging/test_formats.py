"""Where a schema puts `format: url` values: the plan keeps only those branches, and walking it
finds what walking the whole schema finds, in the same order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from contract_tests.judging.answer_rules import (
    body_schema,
    documented_content,
    documented_responses,
)
from contract_tests.judging.document import judged_document
from contract_tests.judging.formats import url_plan, url_values

URL = {"format": "url"}


def whole_walk(schema: Mapping[str, Any], value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """The walk over the whole schema that the plan replaces: the reference it must equal."""
    if schema.get("format") == "url" and isinstance(value, str):
        yield where or "the body", value
    for key in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(key, []) or []:
            if isinstance(part, Mapping):
                yield from whole_walk(part, value, where)
    if isinstance(value, Mapping):
        properties = schema.get("properties", {})
        for name, item in value.items():
            inner = properties.get(name) if isinstance(properties, Mapping) else None
            if isinstance(inner, Mapping):
                yield from whole_walk(inner, item, f"{where}/{name}" if where else str(name))
    items = schema.get("items")
    if isinstance(value, list) and isinstance(items, Mapping):
        for index, item in enumerate(value):
            yield from whole_walk(items, item, f"{where}/{index}" if where else str(index))


def test_a_schema_without_url_formats_has_no_plan() -> None:
    schema = {"properties": {"numbers": {"items": {"properties": {"msisdn": {"type": "string"}}}}}}
    assert url_plan(schema) is None


def test_the_plan_keeps_only_the_way_to_a_url() -> None:
    schema = {
        "properties": {
            "count": {"type": "integer"},
            "numbers": {"items": {"properties": {"msisdn": {}, "moHttpUrl": URL}}},
        }
    }
    plan = url_plan(schema)
    assert plan is not None and set(plan.properties) == {"numbers"}
    numbers = plan.properties["numbers"].items
    assert numbers is not None and set(numbers.properties) == {"moHttpUrl"}
    body = {"count": 2, "numbers": [{"moHttpUrl": "a"}, {"msisdn": "1"}, {"moHttpUrl": "b"}]}
    assert list(url_values(plan, body)) == [
        ("numbers/0/moHttpUrl", "a"),
        ("numbers/2/moHttpUrl", "b"),
    ]


def test_the_owned_list_plan_is_the_documented_webhook() -> None:
    responses = documented_responses(judged_document(), "GET", "/account/numbers")
    assert responses is not None
    schema = body_schema(documented_content(responses, 200) or {}, "application/json")
    assert schema is not None
    plan = url_plan(schema)
    assert plan is not None
    body = {"numbers": [{"msisdn": "1", "moHttpUrl": "nope", "voiceCallbackValue": "x"}]}
    assert list(url_values(plan, body)) == [("numbers/0/moHttpUrl", "nope")]
    assert list(url_values(plan, body)) == list(whole_walk(schema, body))


# Small schemas and bodies over a few names, so formats and values meet often.
NAMES = st.sampled_from(["a", "b", "c"])
SCHEMAS = st.recursive(
    st.fixed_dictionaries({}, optional={"format": st.sampled_from(["url", "uuid"])}),
    lambda inner: st.fixed_dictionaries(
        {},
        optional={
            "format": st.just("url"),
            "properties": st.dictionaries(NAMES, inner, max_size=3),
            "items": inner,
            "allOf": st.lists(inner, max_size=2),
            "oneOf": st.lists(inner, max_size=2),
        },
    ),
    max_leaves=8,
)
BODIES = st.recursive(
    st.sampled_from(["https://a.io", "x", 1, None]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(NAMES, inner, max_size=3),
    max_leaves=10,
)


@given(SCHEMAS, BODIES)
def test_the_plan_finds_what_the_whole_walk_finds(schema: dict[str, Any], body: Any) -> None:
    plan = url_plan(schema)
    expected = list(whole_walk(schema, body))
    assert (list(url_values(plan, body)) if plan is not None else []) == expected
