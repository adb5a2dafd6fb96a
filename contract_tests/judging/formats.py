"""Where a schema puts `format: url` values, found once per schema, and the values there in a body.

The document uses one format the JSON Schema validator does not know, `url`
(`ownednumber.moHttpUrl`). Walking every body against its whole schema to find those values cost
more than validating it; a plan keeps only the branches of the schema that lead to a `format: url`,
so a body whose schema has none is not walked at all, and an owned list only down to `moHttpUrl`.
The walk over a plan is the walk over the schema, pruned: the same values, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["UrlPlan", "url_plan", "url_values"]

_COMBINATIONS = ("allOf", "anyOf", "oneOf")


@dataclass(frozen=True)
class UrlPlan:
    """The part of a schema that leads to `format: url` values."""

    # This schema itself says `format: url`.
    here: bool
    # The allOf, anyOf and oneOf parts that lead to one, in that order.
    parts: tuple[UrlPlan, ...]
    # The properties that lead to one, by name.
    properties: Mapping[str, UrlPlan]
    # The items' plan, when they lead to one.
    items: UrlPlan | None


def url_plan(schema: Mapping[str, Any]) -> UrlPlan | None:
    """The plan of a (resolved) schema; None when no `format: url` is anywhere in it."""
    parts = tuple(
        plan
        for key in _COMBINATIONS
        for part in schema.get(key, []) or []
        if isinstance(part, Mapping) and (plan := url_plan(part)) is not None
    )
    properties = schema.get("properties", {})
    inner = {
        name: plan
        for name, value in (properties.items() if isinstance(properties, Mapping) else ())
        if isinstance(value, Mapping) and (plan := url_plan(value)) is not None
    }
    items = schema.get("items")
    items_plan = url_plan(items) if isinstance(items, Mapping) else None
    here = schema.get("format") == "url"
    if not (here or parts or inner or items_plan):
        return None
    return UrlPlan(here, parts, inner, items_plan)


def url_values(plan: UrlPlan, value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every string the plan's schema says is a url, with where it is (`numbers/3/moHttpUrl`)."""
    if plan.here and isinstance(value, str):
        yield where or "the body", value
    for part in plan.parts:
        yield from url_values(part, value, where)
    if plan.properties and isinstance(value, Mapping):
        for name, item in value.items():
            inner = plan.properties.get(name)
            if inner is not None:
                yield from url_values(inner, item, f"{where}/{name}" if where else str(name))
    if plan.items is not None and isinstance(value, list):
        for index, item in enumerate(value):
            yield from url_values(plan.items, item, f"{where}/{index}" if where else str(index))
