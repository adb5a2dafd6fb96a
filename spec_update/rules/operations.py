"""Rules for the set of operations: added, removed (with or without notice), moved, renamed.

Operations are matched by method and path *shape*: `/pets/{id}` and `/pets/{petId}` are the same
URLs, so a renamed path parameter is a change of name (path-parameter-renamed), not an operation
removed and another added. The generated client names a function module after the operationId, so
a renamed operationId breaks code using the client although nothing changes on the wire.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spec_update.changes import Change, Location
from spec_update.rules.common import Context, is_true
from spec_update.rules.deprecation import removal_after_deprecation
from spec_update.view import View

# The path item's fixed fields that are operations (`query` since OpenAPI 3.2); other methods are
# the keys of its `additionalOperations` (3.2), written as they are sent (`COPY`, `PURGE`).
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
_TEMPLATE = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Operation:
    """One method on one path, with its path item for path-level parameters."""

    method: str
    path: str
    path_item: dict[str, Any]
    spec: dict[str, Any]
    raw: Any  # the operation as written (a reference, possibly), for quick comparisons

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def operation_id(self) -> str | None:
        value = self.spec.get("operationId")
        return str(value) if value is not None else None

    @property
    def path_parameters(self) -> list[str]:
        return _TEMPLATE.findall(self.path)


def shape(path: str) -> str:
    """The path with its parameters' names left out: the URLs it matches."""
    return _TEMPLATE.sub("{}", path)


OperationKey = tuple[str, str]


def operations_of(view: View) -> dict[OperationKey, Operation]:
    """Operations keyed by method and path shape (two paths of one shape keep their own key)."""
    found: dict[OperationKey, Operation] = {}
    for path, raw_item in view.mapping(view.data.get("paths")).items():
        item = view.mapping(raw_item)
        written = {method: item[method] for method in METHODS if method in item}
        for method, raw in view.mapping(item.get("additionalOperations")).items():
            # A key repeating a fixed field (`GET`) is not another operation: the fixed one wins.
            written.setdefault(
                str(method).lower() if str(method).lower() in METHODS else str(method), raw
            )
        for method, raw in written.items():
            operation = Operation(method, str(path), item, view.mapping(raw), raw)
            key = (method, shape(str(path)))
            found[(method, str(path)) if key in found else key] = operation
    return found


def diff_operations(
    ctx: Context, old: dict[OperationKey, Operation], new: dict[OperationKey, Operation]
) -> tuple[list[Change], list[tuple[Operation, Operation]]]:
    """The changes to the set of operations, and the pairs present in both for closer rules."""
    changes: list[Change] = []
    removed = [old[key] for key in sorted(old.keys() - new.keys())]
    added = [new[key] for key in sorted(new.keys() - old.keys())]
    for before in list(removed):
        moved = [after for after in added if after.operation_id == before.operation_id]
        if before.operation_id is not None and moved:
            after = moved[0]
            removed.remove(before)
            added.remove(after)
            what = f"operation {before.operation_id} moved to {after.label}"
            changes.append(ctx.change("operation-moved", Location(before.label), what))
    for operation in removed:
        announced = removal_after_deprecation(operation.spec, ctx.today)
        if announced is None:
            rule_id, what = "operation-removed", "operation removed"
        elif announced[0]:
            rule_id, what = (
                "operation-removed-after-deprecation",
                f"operation removed ({announced[1]})",
            )
        else:
            rule_id, what = "operation-removed-before-sunset", f"operation removed ({announced[1]})"
        changes.append(ctx.change(rule_id, Location(operation.label), what))
    for operation in added:
        changes.append(ctx.change("operation-added", Location(operation.label), "operation added"))
    pairs = [(old[key], new[key]) for key in sorted(old.keys() & new.keys())]
    for before, after in pairs:
        at = Location(after.label)
        for old_name, new_name in renamed_path_parameters(before, after).items():
            what = (
                f"path parameter `{old_name}` renamed to `{new_name}` "
                f"({before.path} → {after.path})"
            )
            changes.append(
                ctx.change("path-parameter-renamed", at, what, parameter=f"path `{new_name}`")
            )
        if before.operation_id != after.operation_id:
            what = f"operationId {before.operation_id} → {after.operation_id}"
            changes.append(ctx.change("operation-id-changed", at, what))
        was, now = is_true(before.spec.get("deprecated")), is_true(after.spec.get("deprecated"))
        if was != now:
            rule_id = "operation-deprecated" if now else "operation-reactivated"
            changes.append(ctx.change(rule_id, at, "deprecated" if now else "no longer deprecated"))
    return changes, pairs


def renamed_path_parameters(old: Operation, new: Operation) -> dict[str, str]:
    """Old name → new name of each path parameter named differently in the same place."""
    return {
        before: after
        for before, after in zip(old.path_parameters, new.path_parameters, strict=False)
        if before != after
    }
