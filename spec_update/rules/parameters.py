"""Rules for the parameters of one operation (path-level ones included), keyed by `in` and name.

Header names are compared without regard to case, as HTTP compares them. Path parameters are
matched by their place in the path template (see spec_update.rules.operations), so a renamed one
is compared with its old self.
"""

from __future__ import annotations

from typing import Any

from spec_update.changes import Change, Location
from spec_update.rules.common import Context, Direction, is_true
from spec_update.rules.deprecation import removal_after_deprecation
from spec_update.rules.schemas import diff_schema
from spec_update.view import View

Key = tuple[str, str]
# How a value is written into the request: any change makes old and new sides disagree.
SERIALISATION = ("style", "explode", "allowReserved", "allowEmptyValue", "content")


def parameters_of(
    view: View, path_item: dict[str, Any], operation: dict[str, Any]
) -> dict[Key, Any]:
    """The operation's effective parameters: path-level ones, overridden by the operation's."""
    merged: dict[Key, Any] = {}
    for item in [
        *view.sequence(path_item.get("parameters")),
        *view.sequence(operation.get("parameters")),
    ]:
        parameter = view.mapping(item)
        name, where = parameter.get("name"), parameter.get("in")
        if isinstance(name, str) and isinstance(where, str):
            merged[(where, name.lower() if where == "header" else name)] = parameter
    return merged


def label(key: Key, parameter: dict[str, Any] | None = None) -> str:
    name = parameter.get("name", key[1]) if parameter else key[1]
    return f"{key[0]} `{name}`"


def diff_parameters(
    ctx: Context, old: dict[Key, Any], new: dict[Key, Any], *, at: Location
) -> list[Change]:
    changes: list[Change] = []
    removed = sorted(old.keys() - new.keys())
    added = sorted(new.keys() - old.keys())
    for before, after in _renames(ctx, old, new, removed, added):
        removed.remove(before)
        added.remove(after)
        what = f"parameter renamed to `{after[1]}` (same definition)"
        changes.append(ctx.change("request-parameter-renamed", at, what, parameter=label(before)))
    for key in removed:
        parameter = old[key]
        where = label(key, parameter)
        announced = removal_after_deprecation(parameter, ctx.today)
        if announced is not None and announced[0]:
            rule_id = "request-parameter-removed-after-deprecation"
            what = f"parameter removed ({announced[1]})"
        else:
            required = is_true(parameter.get("required"))
            rule_id = (
                "request-required-parameter-removed" if required else "request-parameter-removed"
            )
            what = f"{'required' if required else 'optional'} parameter removed"
        changes.append(ctx.change(rule_id, at, what, parameter=where))
    for key in added:
        required = is_true(new[key].get("required")) or key[0] == "path"
        rule_id = "new-required-request-parameter" if required else "new-optional-request-parameter"
        what = f"{'required' if required else 'optional'} parameter added"
        changes.append(ctx.change(rule_id, at, what, parameter=label(key, new[key])))
    for key in sorted(old.keys() & new.keys()):
        changes += _diff_parameter(
            ctx,
            old[key],
            new[key],
            at=Location(operation=at.operation, parameter=label(key, new[key])),
        )
    return changes


def _diff_parameter(
    ctx: Context, old: dict[str, Any], new: dict[str, Any], *, at: Location
) -> list[Change]:
    if ctx.compare.equivalent(old, new):
        return []
    changes: list[Change] = []
    was, now = is_true(old.get("required")), is_true(new.get("required"))
    if not was and now:
        changes.append(ctx.change("request-parameter-became-required", at, "became required"))
    elif was and not now:
        changes.append(ctx.change("request-parameter-became-optional", at, "became optional"))
    before, after = _serialisation(old), _serialisation(new)
    for key in SERIALISATION:
        if not ctx.compare.equivalent(before.get(key), after.get(key), names=key == "content"):
            changes.append(
                ctx.change(
                    "request-parameter-serialization-changed",
                    at,
                    f"serialisation changed (`{key}`)",
                )
            )
    if is_true(old.get("deprecated")) != is_true(new.get("deprecated")):
        if is_true(new.get("deprecated")):
            changes.append(ctx.change("request-parameter-deprecated", at, "deprecated"))
        else:
            changes.append(ctx.change("request-parameter-reactivated", at, "no longer deprecated"))
    changes += diff_schema(
        ctx, old.get("schema"), new.get("schema"), at=at, direction=Direction.REQUEST
    )
    return changes


def _serialisation(parameter: dict[str, Any]) -> dict[str, Any]:
    """The serialisation keywords with OpenAPI's defaults filled in, so that spelling out a
    default is not a change."""
    where = parameter.get("in")
    style = parameter.get("style", "form" if where in {"query", "cookie"} else "simple")
    return {
        "style": style,
        "explode": parameter.get("explode", style == "form"),
        "allowReserved": parameter.get("allowReserved", False),
        "allowEmptyValue": parameter.get("allowEmptyValue", False),
        "content": parameter.get("content"),
    }


def _renames(
    ctx: Context, old: dict[Key, Any], new: dict[Key, Any], removed: list[Key], added: list[Key]
) -> list[tuple[Key, Key]]:
    """Pairs where exactly one removed and one added parameter share location and meaning."""

    def alike(before: Key, after: Key) -> bool:
        if before[0] != after[0]:
            return False
        old_shape = {k: v for k, v in old[before].items() if k != "name"}
        new_shape = {k: v for k, v in new[after].items() if k != "name"}
        return ctx.compare.equivalent(old_shape, new_shape)

    pairs = []
    for before in removed:
        matches = [after for after in added if alike(before, after)]
        if len(matches) != 1:
            continue
        twins = [other for other in removed if alike(other, matches[0])]
        if len(twins) == 1:
            pairs.append((before, matches[0]))
    return pairs
