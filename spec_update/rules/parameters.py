"""Rules for the parameters of one operation (path-level ones included), keyed by `in` and name."""

from __future__ import annotations

from typing import Any

from spec_update.changes import A, B, C, Change, Direction, Impacts
from spec_update.rules.common import strip_docs
from spec_update.rules.schemas import diff_schema

Key = tuple[str, str]
# How a value is written into the request: any change makes old and new sides disagree.
SERIALISATION = ("style", "explode", "allowReserved", "allowEmptyValue", "content")


def parameters_of(path_item: dict[str, Any], operation: dict[str, Any]) -> dict[Key, Any]:
    """The operation's effective parameters: path-level ones, overridden by the operation's."""
    merged: dict[Key, Any] = {}
    for parameter in [*path_item.get("parameters", []), *operation.get("parameters", [])]:
        merged[(parameter["in"], parameter["name"])] = parameter
    return merged


def label(key: Key) -> str:
    return f"{key[0]} parameter `{key[1]}`"


def diff_parameters(old: dict[Key, Any], new: dict[Key, Any], *, where: str) -> list[Change]:
    changes: list[Change] = []
    removed = sorted(old.keys() - new.keys())
    added = sorted(new.keys() - old.keys())
    for before, after in _renames(old, new, removed, added):
        removed.remove(before)
        added.remove(after)
        what = f"{label(before)} renamed to `{after[1]}` (same schema)"
        changes.append(Change.of(where, what, (B, B)))
    for key in removed:
        # Client code passing it breaks; a server that required it now misses it.
        impacts: Impacts = (B, B) if old[key].get("required") else (B, C)
        changes.append(Change.of(where, f"{label(key)} removed", impacts))
    for key in added:
        if new[key].get("required"):
            changes.append(Change.of(where, f"required {label(key)} added", (B, B)))
        else:
            changes.append(Change.of(where, f"optional {label(key)} added", (A, A)))
    for key in sorted(old.keys() & new.keys()):
        changes += _diff_parameter(old[key], new[key], where=f"{where} {label(key)}")
    return changes


def _diff_parameter(old: dict[str, Any], new: dict[str, Any], *, where: str) -> list[Change]:
    changes: list[Change] = []
    was, now = bool(old.get("required")), bool(new.get("required"))
    if not was and now:
        changes.append(Change.of(where, "became required", (B, C)))
    elif was and not now:
        changes.append(Change.of(where, "became optional", (A, B)))
    before, after = _serialisation(old), _serialisation(new)
    for key in SERIALISATION:
        if strip_docs(before.get(key)) != strip_docs(after.get(key)):
            changes.append(Change.of(where, f"serialisation changed (`{key}`)", (B, B)))
    if bool(old.get("deprecated")) != bool(new.get("deprecated")):
        what = "deprecated" if new.get("deprecated") else "no longer deprecated"
        changes.append(Change.of(where, what, (C, C)))
    changes += diff_schema(
        old.get("schema", {}), new.get("schema", {}), where=where, direction=Direction.REQUEST
    )
    return changes


def _serialisation(parameter: dict[str, Any]) -> dict[str, Any]:
    """The serialisation keywords with OpenAPI's defaults filled in, so that spelling out a
    default is not a change."""
    style = parameter.get("style", "form" if parameter["in"] in {"query", "cookie"} else "simple")
    return {
        "style": style,
        "explode": parameter.get("explode", style == "form"),
        "allowReserved": parameter.get("allowReserved", False),
        "allowEmptyValue": parameter.get("allowEmptyValue", False),
        "content": parameter.get("content"),
    }


def _renames(
    old: dict[Key, Any], new: dict[Key, Any], removed: list[Key], added: list[Key]
) -> list[tuple[Key, Key]]:
    """Pairs where exactly one removed and one added parameter share location and meaning."""

    def shape(parameter: dict[str, Any]) -> Any:
        return strip_docs({key: value for key, value in parameter.items() if key != "name"})

    pairs = []
    for before in removed:
        matches = [after for after in added if shape(new[after]) == shape(old[before])]
        twins = [other for other in removed if shape(old[other]) == shape(old[before])]
        if len(matches) == 1 and len(twins) == 1:
            pairs.append((before, matches[0]))
    return pairs
