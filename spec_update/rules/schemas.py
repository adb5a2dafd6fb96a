"""Rules for two versions of one JSON schema (a parameter's, or a request or response body's).

Each rule looks at one keyword; whether a narrowing or a widening breaks the client or the server
depends on the direction the data flows (see spec_update.changes). Keywords no rule knows are
reported as breaking both ways, so that nothing changes silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spec_update.changes import A, B, C, Change, Direction, Impacts, narrowed, widened
from spec_update.rules.common import is_doc_key, join_field, show, show_all, strip_docs, subject

UPPER_BOUNDS = ("maximum", "maxLength", "maxItems", "maxProperties")
LOWER_BOUNDS = ("minimum", "minLength", "minItems", "minProperties")
HANDLED = frozenset(
    {
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
        *UPPER_BOUNDS,
        *LOWER_BOUNDS,
    }
)

Schema = dict[str, Any]
# What a keyword rule finds: the text of each change and its (client, server) impacts.
Findings = list[tuple[str, Impacts]]
Rule = Callable[[Schema, Schema, str, Direction], Findings]


def diff_schema(
    old: Any, new: Any, *, where: str, direction: Direction, field: str = ""
) -> list[Change]:
    """Every classified difference between two resolved schemas, `field` naming where inside."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        if strip_docs(old) == strip_docs(new):
            return []
        return [Change.of(where, subject(field, "schema replaced"), (B, B))]
    changes = [
        Change.of(where, what, impacts)
        for rule in RULES
        for what, impacts in rule(old, new, field, direction)
    ]
    changes += _properties(old, new, where, field, direction)
    changes += _nested(old, new, where, field, direction)
    return changes


def _type(old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = _types(old), _types(new)
    if before == after:
        return []
    what = subject(field, f"type {_show_types(before)} → {_show_types(after)}")
    if after is not None and (before is None or after < before):
        return [(what, narrowed(direction))]
    if before is not None and (after is None or after > before):
        return [(what, widened(direction))]
    return [(what, (B, B))]


def _types(schema: Schema) -> frozenset[str] | None:
    """The JSON types a schema allows (None: any); "number" includes "integer"."""
    declared = schema.get("type")
    if declared is None:
        return None
    types = set(declared) if isinstance(declared, list) else {declared}
    if "number" in types:
        types.add("integer")
    return frozenset(str(kind) for kind in types)


def _show_types(types: frozenset[str] | None) -> str:
    if types is None:
        return "any"
    shown = sorted(types - {"integer"} if "number" in types else types)
    return " | ".join(shown)


def _format(old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = old.get("format"), new.get("format")
    if before == after:
        return []
    # A format decides the generated type (date-time becomes datetime): any change is breaking.
    return [(subject(field, f"format {before or '(none)'} → {after or '(none)'}"), (B, B))]


def _enum(old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = old.get("enum"), new.get("enum")
    if before == after:
        return []
    if before is None:
        what = subject(field, f"limited to the values {show_all(after or [])}")
        return [(what, narrowed(direction))]
    if after is None:
        return [(subject(field, "no longer limited to a list of values"), widened(direction))]
    found: Findings = []
    removed = [value for value in before if value not in after]
    added = [value for value in after if value not in before]
    if removed:
        what = subject(field, f"enum values removed: {show_all(removed)}")
        found.append((what, narrowed(direction)))
    if added:
        impacts = widened(direction, offers_more=True)
        found.append((subject(field, f"enum values added: {show_all(added)}"), impacts))
    return found


def _bounds(old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    found: Findings = []
    for key in (*UPPER_BOUNDS, *LOWER_BOUNDS):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        what = subject(field, f"{key} {_or_none(before)} → {_or_none(after)}")
        if before is None or after is None:
            tighter = after is not None
        else:
            tighter = after < before if key in UPPER_BOUNDS else after > before
        found.append((what, narrowed(direction) if tighter else widened(direction)))
    return found


def _or_none(value: Any) -> str:
    return "(none)" if value is None else show(value)


def _pattern(old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = old.get("pattern"), new.get("pattern")
    if before == after:
        return []
    what = subject(field, f"pattern {_or_none(before)} → {_or_none(after)}")
    if before is None:
        return [(what, narrowed(direction))]
    if after is None:
        return [(what, widened(direction))]
    # Two regular expressions cannot be compared: either side may now see values it cannot handle.
    return [(what, (B, B))]


def _nullable(old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = bool(old.get("nullable", False)), bool(new.get("nullable", False))
    if before == after:
        return []
    if after:
        return [(subject(field, "may now be null"), widened(direction))]
    return [(subject(field, "may no longer be null"), narrowed(direction))]


def _default(old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = old.get("default"), new.get("default")
    if before == after:
        return []
    return [(subject(field, f"default {_or_none(before)} → {_or_none(after)}"), (C, C))]


def _deprecated(old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    before, after = bool(old.get("deprecated", False)), bool(new.get("deprecated", False))
    if before == after:
        return []
    return [(subject(field, "deprecated" if after else "no longer deprecated"), (C, C))]


def _xml(old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    if old.get("xml") == new.get("xml"):
        return []
    # Element names and wrapping are the shape of the XML bodies both sides read and write.
    return [(subject(field, "XML representation changed"), (B, B))]


def _other_keywords(old: Schema, new: Schema, field: str, direction: Direction) -> Findings:
    found: Findings = []
    for key in sorted((old.keys() | new.keys()) - HANDLED):
        if is_doc_key(key) or strip_docs(old.get(key)) == strip_docs(new.get(key)):
            continue
        what = subject(field, f"`{key}` changed (no rule for it: assumed breaking)")
        found.append((what, (B, B)))
    return found


RULES: tuple[Rule, ...] = (
    _type,
    _format,
    _enum,
    _bounds,
    _pattern,
    _nullable,
    _default,
    _deprecated,
    _xml,
    _other_keywords,
)


def _properties(
    old: Schema, new: Schema, where: str, field: str, direction: Direction
) -> list[Change]:
    before: dict[str, Any] = old.get("properties", {})
    after: dict[str, Any] = new.get("properties", {})
    required_before, required_after = set(old.get("required", [])), set(new.get("required", []))
    removed = sorted(before.keys() - after.keys())
    added = sorted(after.keys() - before.keys())
    changes: list[Change] = []
    for old_name, new_name in _renames(before, after, removed, added):
        removed.remove(old_name)
        added.remove(new_name)
        what = f"field `{join_field(field, old_name)}` renamed to `{new_name}` (same schema)"
        changes.append(Change.of(where, what, (B, B)))
    for name in removed:
        if direction is Direction.REQUEST:
            impacts = (B, B if name in required_before else C)
        else:
            impacts = (B, C)
        changes.append(Change.of(where, f"field `{join_field(field, name)}` removed", impacts))
    for name in added:
        required = name in required_after
        if direction is Direction.REQUEST:
            impacts = (B, B) if required else (A, A)
        else:
            impacts = (A, B) if required else (A, C)
        kind = "required" if required else "optional"
        changes.append(Change.of(where, f"{kind} field `{join_field(field, name)}` added", impacts))
    for name in sorted(before.keys() & after.keys()):
        path = join_field(field, name)
        was, now = name in required_before, name in required_after
        if was != now:
            what = f"field `{path}` became {'required' if now else 'optional'}"
            impacts = narrowed(direction) if now else widened(direction)
            changes.append(Change.of(where, what, impacts))
        changes += diff_schema(
            before[name], after[name], where=where, direction=direction, field=path
        )
    return changes


def _renames(
    before: dict[str, Any], after: dict[str, Any], removed: list[str], added: list[str]
) -> list[tuple[str, str]]:
    """Pairs (old, new) where exactly one removed and one added field share the same schema."""
    pairs = []
    for old_name in removed:
        shape = strip_docs(before[old_name])
        matches = [name for name in added if strip_docs(after[name]) == shape]
        if len(matches) != 1:
            continue
        twins = [name for name in removed if strip_docs(before[name]) == shape]
        if len(twins) == 1:
            pairs.append((old_name, matches[0]))
    return pairs


def _nested(old: Schema, new: Schema, where: str, field: str, direction: Direction) -> list[Change]:
    changes: list[Change] = []
    if "items" in old or "items" in new:
        changes += diff_schema(
            old.get("items", {}),
            new.get("items", {}),
            where=where,
            direction=direction,
            field=f"{field}[]",
        )
    before, after = _extra(old), _extra(new)
    if isinstance(before, dict) and isinstance(after, dict):
        field = f"{field}{{*}}"
        changes += diff_schema(before, after, where=where, direction=direction, field=field)
    elif before != after:
        what = subject(field, f"additionalProperties {show(before)} → {show(after)}")
        if after is False:
            changes.append(Change.of(where, what, narrowed(direction)))
        elif after is True:
            changes.append(Change.of(where, what, widened(direction)))
        else:
            changes.append(Change.of(where, what, (B, B)))
    return changes


def _extra(schema: Schema) -> Any:
    """additionalProperties, with its default and the empty schema both meaning True."""
    value = schema.get("additionalProperties", True)
    return True if value == {} else value
