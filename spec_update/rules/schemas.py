"""Rules for two versions of one JSON schema (a parameter's, a header's, or a body's).

Each rule looks at one keyword; whether a narrowing or a widening breaks the client or the server
depends on the direction the data flows, so those rules come as `request-...` and `response-...`
pairs. Keywords no rule knows are reported as `keyword-changed`, breaking both ways, so that
nothing changes silently. References are followed as they are met (spec_update.view); a pair of
references already being compared further up (a recursive schema) is not compared again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spec_update.changes import Change, Location
from spec_update.doc_keys import is_doc_key
from spec_update.rules.common import (
    Context,
    Direction,
    Paired,
    is_true,
    join_field,
    show,
    show_all,
    subject,
)
from spec_update.rules.xml import XmlNames, default_name, xml_difference
from spec_update.view import ref_of

UPPER_BOUNDS = ("maximum", "maxLength", "maxItems", "maxProperties")
LOWER_BOUNDS = ("minimum", "minLength", "minItems", "minProperties")
COMPOSITION = ("oneOf", "anyOf", "allOf")
HANDLED = frozenset(
    {
        "$ref",
        "type",
        "format",
        "enum",
        "nullable",
        "pattern",
        "default",
        "deprecated",
        "properties",
        "required",
        "items",
        "additionalProperties",
        "xml",
        "readOnly",
        "writeOnly",
        *COMPOSITION,
        *UPPER_BOUNDS,
        *LOWER_BOUNDS,
    }
)
MAX_DEPTH = 48

# The rules that come as a request and a response variant (spec_update.levels says why).
TYPE_NARROWED = Paired("request-type-narrowed", "response-type-narrowed")
TYPE_WIDENED = Paired("request-type-widened", "response-type-widened")
BECAME_ENUM = Paired("request-became-enum", "response-became-enum")
ENUM_REMOVED = Paired("request-enum-removed", "response-enum-removed")
ENUM_VALUE_REMOVED = Paired("request-enum-value-removed", "response-enum-value-removed")
ENUM_VALUE_ADDED = Paired("request-enum-value-added", "response-enum-value-added")
BOUND_NARROWED = Paired("request-bound-narrowed", "response-bound-narrowed")
BOUND_WIDENED = Paired("request-bound-widened", "response-bound-widened")
PATTERN_ADDED = Paired("request-pattern-added", "response-pattern-added")
PATTERN_REMOVED = Paired("request-pattern-removed", "response-pattern-removed")
BECAME_NULLABLE = Paired("request-became-nullable", "response-became-nullable")
BECAME_NOT_NULLABLE = Paired("request-became-not-nullable", "response-became-not-nullable")
OPTIONAL_PROPERTY_ADDED = Paired(
    "request-optional-property-added", "response-optional-property-added"
)
REQUIRED_PROPERTY_ADDED = Paired(
    "request-required-property-added", "response-required-property-added"
)
PROPERTY_BECAME_REQUIRED = Paired(
    "request-property-became-required", "response-property-became-required"
)
PROPERTY_BECAME_OPTIONAL = Paired(
    "request-property-became-optional", "response-property-became-optional"
)
ADDITIONAL_PROPERTIES_NARROWED = Paired(
    "request-additional-properties-narrowed", "response-additional-properties-narrowed"
)
ADDITIONAL_PROPERTIES_WIDENED = Paired(
    "request-additional-properties-widened", "response-additional-properties-widened"
)
ALTERNATIVE_ADDED = Paired("request-alternative-added", "response-alternative-added")
ALTERNATIVE_REMOVED = Paired("request-alternative-removed", "response-alternative-removed")
ALL_OF_PART_ADDED = Paired("request-all-of-part-added", "response-all-of-part-added")
ALL_OF_PART_REMOVED = Paired("request-all-of-part-removed", "response-all-of-part-removed")
BECAME_FALSE = Paired("request-schema-became-false", "response-schema-became-false")
NO_LONGER_FALSE = Paired("request-schema-no-longer-false", "response-schema-no-longer-false")

Schema = dict[str, Any]
# What a keyword rule finds: (rule id, message) pairs.
Findings = list[tuple[str, str]]
KeywordRule = Callable[[Context, Schema, Schema, str, Direction], Findings]
Active = frozenset[tuple[str, str]]


def diff_schema(
    ctx: Context,
    old: Any,
    new: Any,
    *,
    at: Location,
    direction: Direction,
    field: str = "",
    active: Active = frozenset(),
    xml: XmlNames | None = None,
) -> list[Change]:
    """Every classified difference between two schemas, `field` naming where inside.

    `xml`: the element names XML gives the schema by default, when it is sent as XML (None: it is
    not, and its `xml` object does not matter).
    """
    if ctx.compare.same(old, new):
        return []
    old_ref, new_ref = ref_of(old), ref_of(new)
    if xml is not None:
        xml = XmlNames(default_name(old_ref, xml.old), default_name(new_ref, xml.new))
    if old_ref is not None and new_ref is not None:
        if (old_ref, new_ref) in active or ctx.compare.same_ref(old_ref, new_ref):
            return []
        active = active | {(old_ref, new_ref)}
    if len(active) > MAX_DEPTH:
        return []
    before, after = ctx.old.deref(old), ctx.new.deref(new)
    if ref_of(before) is not None or ref_of(after) is not None:
        # A reference that leads nowhere (a document compared without validation).
        if ctx.compare.equivalent(before, after):
            return []
        what = subject(field, "schema replaced")
        return [ctx.change("schema-replaced", at, what, schema=field or None)]
    if not isinstance(before, dict) or not isinstance(after, dict):
        if (before is None and after is None) or ctx.compare.equivalent(before, after):
            return []
        # A schema left out, and the boolean schema `true`, are the empty schema: anything goes.
        before = {} if before is None or before is True else before
        after = {} if after is None or after is True else after
        if (before is False) != (after is False):
            # `false` accepts nothing: the body or field is withdrawn, or offered again.
            rule_id = (BECAME_FALSE if after is False else NO_LONGER_FALSE).of(direction)
            what = subject(
                field, "schema became `false`" if after is False else "schema was `false`"
            )
            return [ctx.change(rule_id, at, what, schema=field or None)]
        if not isinstance(before, dict) or not isinstance(after, dict):
            what = subject(field, "schema replaced")
            return [ctx.change("schema-replaced", at, what, schema=field or None)]
    where = replace(at, schema=field or None)
    changes = [
        ctx.change(rule_id, where, what)
        for keyword_rule in KEYWORD_RULES
        for rule_id, what in keyword_rule(ctx, before, after, field, direction)
    ]
    if xml is not None:
        found = xml_difference(before, after, xml)
        if found:
            what = subject(field, f"XML {', '.join(found)}")
            changes.append(ctx.change("xml-changed", where, what))
    changes += _properties(ctx, before, after, at, field, direction, active, xml)
    changes += _nested(ctx, before, after, at, field, direction, active, xml)
    changes += _composition(ctx, before, after, at, field, direction, active, xml)
    return changes


def _type(ctx: Context, old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = _types(old), _types(new)
    if before == after:
        return []
    what = subject(field, f"type {_show_types(before)} → {_show_types(after)}")
    if after is not None and (before is None or after < before):
        return [(TYPE_NARROWED.of(direction), what)]
    if before is not None and (after is None or after > before):
        return [(TYPE_WIDENED.of(direction), what)]
    return [("type-changed", what)]


def _types(schema: Schema) -> frozenset[str] | None:
    """The JSON types a schema allows, null aside (None: any); "number" includes "integer"."""
    declared = schema.get("type")
    if declared is None:
        return None
    types = set(declared) if isinstance(declared, list) else {declared}
    types = {str(kind) for kind in types} - {"null"}
    if "number" in types:
        types.add("integer")
    return frozenset(types) if types else None


def _show_types(types: frozenset[str] | None) -> str:
    if types is None:
        return "any"
    shown = sorted(types - {"integer"} if "number" in types else types)
    return " | ".join(shown)


def _format(ctx: Context, old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = old.get("format"), new.get("format")
    if before == after:
        return []
    return [
        ("format-changed", subject(field, f"format {before or '(none)'} → {after or '(none)'}"))
    ]


def _enum(ctx: Context, old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = old.get("enum"), new.get("enum")
    if before == after:
        return []
    if not isinstance(before, list):
        what = subject(field, f"limited to the values {show_all(_list(after))}")
        return [(BECAME_ENUM.of(direction), what)]
    if not isinstance(after, list):
        what = subject(field, "no longer limited to a list of values")
        return [(ENUM_REMOVED.of(direction), what)]
    found: Findings = []
    removed = [value for value in before if value not in after]
    added = [value for value in after if value not in before]
    if removed:
        what = subject(field, f"enum values removed: {show_all(removed)}")
        found.append((ENUM_VALUE_REMOVED.of(direction), what))
    if added:
        what = subject(field, f"enum values added: {show_all(added)}")
        found.append((ENUM_VALUE_ADDED.of(direction), what))
    return found


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _bounds(ctx: Context, old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    found: Findings = []
    for key in (*UPPER_BOUNDS, *LOWER_BOUNDS):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        what = subject(field, f"{key} {_or_none(before)} → {_or_none(after)}")
        if isinstance(before, int | float) and isinstance(after, int | float):
            tighter = after < before if key in UPPER_BOUNDS else after > before
        else:
            tighter = _number(after)
        found.append(((BOUND_NARROWED if tighter else BOUND_WIDENED).of(direction), what))
    return found


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _or_none(value: Any) -> str:
    return "(none)" if value is None else show(value)


def _pattern(ctx: Context, old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = old.get("pattern"), new.get("pattern")
    if before == after:
        return []
    what = subject(field, f"pattern {_or_none(before)} → {_or_none(after)}")
    if before is None:
        return [(PATTERN_ADDED.of(direction), what)]
    if after is None:
        return [(PATTERN_REMOVED.of(direction), what)]
    return [("pattern-changed", what)]


def _nullable(ctx: Context, old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = _allows_null(old), _allows_null(new)
    if before == after:
        return []
    if after:
        return [(BECAME_NULLABLE.of(direction), subject(field, "may now be null"))]
    return [(BECAME_NOT_NULLABLE.of(direction), subject(field, "may no longer be null"))]


def _allows_null(schema: Schema) -> bool:
    declared = schema.get("type")
    return (
        is_true(schema.get("nullable"))
        or declared == "null"
        or (isinstance(declared, list) and "null" in declared)
    )


def _default(ctx: Context, old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    if "default" not in old and "default" not in new:
        return []
    before, after = old.get("default"), new.get("default")
    if "default" in old and "default" in new and before == after:
        return []
    what = subject(field, f"default {_or_none(before)} → {_or_none(after)}")
    if direction is Direction.RESPONSE:
        return [("response-default-changed", what)]
    if "default" not in old:
        return [("request-default-added", what)]
    if "default" not in new:
        return [("request-default-removed", what)]
    return [("request-default-changed", what)]


def _deprecated(
    ctx: Context, old: Schema, new: Schema, field: str, direction: Direction
) -> Findings:
    before, after = is_true(old.get("deprecated")), is_true(new.get("deprecated"))
    if before == after:
        return []
    if after:
        return [("schema-deprecated", subject(field, "deprecated"))]
    return [("schema-reactivated", subject(field, "no longer deprecated"))]


def _other_keywords(
    ctx: Context, old: Schema, new: Schema, field: str, direction: Direction
) -> Findings:
    found: Findings = []
    for key in sorted((old.keys() | new.keys()) - HANDLED):
        if is_doc_key(key) or ctx.compare.equivalent(old.get(key), new.get(key)):
            continue
        found.append(("keyword-changed", subject(field, f"`{key}` changed (no rule for it)")))
    return found


KEYWORD_RULES: tuple[KeywordRule, ...] = (
    _type,
    _format,
    _enum,
    _bounds,
    _pattern,
    _nullable,
    _default,
    _deprecated,
    _other_keywords,
)


def _properties(
    ctx: Context,
    old: Schema,
    new: Schema,
    at: Location,
    field: str,
    direction: Direction,
    active: Active,
    xml: XmlNames | None,
) -> list[Change]:
    before, after = ctx.old.mapping(old.get("properties")), ctx.new.mapping(new.get("properties"))
    required_before = {str(name) for name in _list(old.get("required"))}
    required_after = {str(name) for name in _list(new.get("required"))}
    changes: list[Change] = []

    def field_at(name: str) -> str:
        return join_field(field, name)

    # Fields one side never sends: readOnly ones in requests, writeOnly ones in responses.
    hidden_key = "readOnly" if direction is Direction.REQUEST else "writeOnly"
    hidden_rule = (
        "request-read-only-property-changed"
        if direction is Direction.REQUEST
        else "response-write-only-property-changed"
    )
    hidden: set[str] = set()
    for name in sorted(before.keys() | after.keys()):
        was = name in before and is_true(ctx.old.mapping(before[name]).get(hidden_key))
        now = name in after and is_true(ctx.new.mapping(after[name]).get(hidden_key))
        if not (was or now):
            continue
        hidden.add(name)
        if (
            name in before
            and name in after
            and (name in required_before) == (name in required_after)
            and ctx.compare.equivalent(before[name], after[name])
        ):
            continue
        what = (
            f"{hidden_key} field `{field_at(name)}` {_hidden_change(was, now, name, before, after)}"
        )
        changes.append(ctx.change(hidden_rule, at, what, schema=field_at(name)))

    removed = sorted(before.keys() - after.keys() - hidden)
    added = sorted(after.keys() - before.keys() - hidden)
    for old_name, new_name in _renames(ctx, before, after, removed, added):
        removed.remove(old_name)
        added.remove(new_name)
        what = f"field `{field_at(old_name)}` renamed to `{new_name}` (same schema)"
        changes.append(ctx.change("property-renamed", at, what, schema=field_at(old_name)))
    for name in removed:
        if direction is Direction.REQUEST:
            rule_id = (
                "request-required-property-removed"
                if name in required_before
                else "request-property-removed"
            )
        else:
            rule_id = "response-property-removed"
        changes.append(
            ctx.change(rule_id, at, f"field `{field_at(name)}` removed", schema=field_at(name))
        )
    for name in added:
        required = name in required_after
        rule_id = (REQUIRED_PROPERTY_ADDED if required else OPTIONAL_PROPERTY_ADDED).of(direction)
        what = f"{'required' if required else 'optional'} field `{field_at(name)}` added"
        changes.append(ctx.change(rule_id, at, what, schema=field_at(name)))
    for name in sorted((before.keys() & after.keys()) - hidden):
        was, now = name in required_before, name in required_after
        if was != now:
            became = PROPERTY_BECAME_REQUIRED if now else PROPERTY_BECAME_OPTIONAL
            rule_id = became.of(direction)
            what = f"field `{field_at(name)}` became {'required' if now else 'optional'}"
            changes.append(ctx.change(rule_id, at, what, schema=field_at(name)))
        changes += diff_schema(
            ctx,
            before[name],
            after[name],
            at=at,
            direction=direction,
            field=field_at(name),
            active=active,
            # A property's element is named after the property, whatever its schema.
            xml=None if xml is None else XmlNames(name, name),
        )
    return changes


def _hidden_change(
    was: bool, now: bool, name: str, before: dict[str, Any], after: dict[str, Any]
) -> str:
    if name not in before:
        return "added"
    if name not in after:
        return "removed"
    if was != now:
        return "set" if now else "unset"
    return "changed"


def _renames(
    ctx: Context,
    before: dict[str, Any],
    after: dict[str, Any],
    removed: list[str],
    added: list[str],
) -> list[tuple[str, str]]:
    """Pairs (old, new) where exactly one removed and one added field share the same schema."""
    pairs = []
    for old_name in removed:
        matches = [name for name in added if ctx.compare.equivalent(before[old_name], after[name])]
        if len(matches) != 1:
            continue
        twins = [
            name for name in removed if ctx.compare.equivalent(before[name], after[matches[0]])
        ]
        if len(twins) == 1:
            pairs.append((old_name, matches[0]))
    return pairs


# additionalProperties, from what allows least to what allows most.
_CLOSED, _SCHEMA, _OPEN = 0, 1, 2


def _nested(
    ctx: Context,
    old: Schema,
    new: Schema,
    at: Location,
    field: str,
    direction: Direction,
    active: Active,
    xml: XmlNames | None,
) -> list[Change]:
    changes: list[Change] = []
    if "items" in old or "items" in new:
        changes += diff_schema(
            ctx,
            old.get("items", {}),
            new.get("items", {}),
            at=at,
            direction=direction,
            field=f"{field}[]",
            active=active,
            # Items take the array's name unless they say otherwise.
            xml=xml,
        )
    before, after = _extra(ctx, old, ctx.old), _extra(ctx, new, ctx.new)
    if isinstance(before, dict) and isinstance(after, dict):
        changes += diff_schema(
            ctx,
            old.get("additionalProperties"),
            new.get("additionalProperties"),
            at=at,
            direction=direction,
            field=f"{field}{{*}}",
            active=active,
            xml=xml,
        )
        return changes
    rank_before, rank_after = _rank(before), _rank(after)
    if rank_before != rank_after:
        what = subject(field, f"additionalProperties {show(before)} → {show(after)}")
        tighter = rank_after < rank_before
        paired = ADDITIONAL_PROPERTIES_NARROWED if tighter else ADDITIONAL_PROPERTIES_WIDENED
        rule_id = paired.of(direction)
        changes.append(ctx.change(rule_id, at, what, schema=field or None))
    return changes


def _extra(ctx: Context, schema: Schema, view: Any) -> Any:
    """additionalProperties, with its default and the empty schema both meaning True."""
    value = schema.get("additionalProperties", True)
    value = view.deref(value)
    if value == {} or value is None:
        return True
    return value


def _rank(value: Any) -> int:
    if value is False:
        return _CLOSED
    if value is True:
        return _OPEN
    return _SCHEMA


def _composition(
    ctx: Context,
    old: Schema,
    new: Schema,
    at: Location,
    field: str,
    direction: Direction,
    active: Active,
    xml: XmlNames | None,
) -> list[Change]:
    changes: list[Change] = []
    for keyword in COMPOSITION:
        if keyword not in old and keyword not in new:
            continue
        before, after = ctx.old.sequence(old.get(keyword)), ctx.new.sequence(new.get(keyword))
        if keyword not in old or keyword not in new:
            if not ctx.compare.equivalent(old.get(keyword), new.get(keyword)):
                what = subject(field, f"`{keyword}` {'added' if keyword in new else 'removed'}")
                changes.append(ctx.change("keyword-changed", at, what, schema=field or None))
            continue
        unmatched_old = list(range(len(before)))
        unmatched_new: list[int] = []
        for j, candidate in enumerate(after):
            match = next(
                (i for i in unmatched_old if ctx.compare.equivalent(before[i], candidate)), None
            )
            if match is None:
                unmatched_new.append(j)
            else:
                unmatched_old.remove(match)
        pairs = _pair_alternatives(before, after, unmatched_old, unmatched_new)
        for i, j in pairs:
            changes += diff_schema(
                ctx,
                before[i],
                after[j],
                at=at,
                direction=direction,
                field=join_field(field, f"{keyword}[{j}]") if field else f"{keyword}[{j}]",
                active=active,
                xml=xml,
            )
        all_of = keyword == "allOf"
        removed = (ALL_OF_PART_REMOVED if all_of else ALTERNATIVE_REMOVED).of(direction)
        added = (ALL_OF_PART_ADDED if all_of else ALTERNATIVE_ADDED).of(direction)
        for i in unmatched_old:
            what = subject(field, f"`{keyword}` lost {_describe(before[i])}")
            changes.append(ctx.change(removed, at, what, schema=field or None))
        for j in unmatched_new:
            what = subject(field, f"`{keyword}` gained {_describe(after[j])}")
            changes.append(ctx.change(added, at, what, schema=field or None))
    return changes


def _pair_alternatives(
    before: list[Any], after: list[Any], unmatched_old: list[int], unmatched_new: list[int]
) -> list[tuple[int, int]]:
    """Alternatives that changed rather than came or went: the same reference on both sides,
    then, when as many are left on each side, the rest in order. Removes them from the lists."""
    pairs: list[tuple[int, int]] = []
    for i in list(unmatched_old):
        ref = ref_of(before[i])
        j = next((j for j in unmatched_new if ref is not None and ref_of(after[j]) == ref), None)
        if j is not None:
            pairs.append((i, j))
            unmatched_old.remove(i)
            unmatched_new.remove(j)
    if len(unmatched_old) == len(unmatched_new):
        pairs += list(zip(unmatched_old, unmatched_new, strict=True))
        unmatched_old.clear()
        unmatched_new.clear()
    return pairs


def _describe(schema: Any) -> str:
    ref = ref_of(schema)
    if ref is not None:
        return f"`{ref.rsplit('/', 1)[-1]}`"
    if isinstance(schema, dict) and "type" in schema:
        return f"an alternative of type {show(schema['type'])}"
    return "an alternative"
