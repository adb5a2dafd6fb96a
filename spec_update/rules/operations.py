"""Rules for the set of operations: removed, added, moved to another path, renamed, deprecated.

The generated client names a function module after the operationId, so a renamed operationId
breaks code using the client even though nothing changes on the wire.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spec_update.changes import A, B, C, Change

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class Operation:
    """One method on one path, with its path item for path-level parameters."""

    method: str
    path: str
    path_item: dict[str, Any]
    spec: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def operation_id(self) -> str | None:
        value = self.spec.get("operationId")
        return str(value) if value is not None else None


def operations_of(document: dict[str, Any]) -> dict[tuple[str, str], Operation]:
    found: dict[tuple[str, str], Operation] = {}
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                found[(method, path)] = Operation(method, path, item, item[method])
    return found


def diff_operations(
    old: dict[tuple[str, str], Operation], new: dict[tuple[str, str], Operation]
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
            changes.append(Change.of(before.label, what, (B, B)))
    for operation in removed:
        changes.append(Change.of(operation.label, "operation removed", (B, C)))
    for operation in added:
        # Old servers do not implement it: clients using it get errors from them.
        changes.append(Change.of(operation.label, "operation added", (A, B)))
    pairs = [(old[key], new[key]) for key in sorted(old.keys() & new.keys())]
    for before, after in pairs:
        if before.operation_id != after.operation_id:
            what = f"operationId {before.operation_id} → {after.operation_id}"
            changes.append(Change.of(before.label, what, (B, C)))
        if bool(before.spec.get("deprecated")) != bool(after.spec.get("deprecated")):
            what = "deprecated" if after.spec.get("deprecated") else "no longer deprecated"
            changes.append(Change.of(before.label, what, (C, C)))
    return changes, pairs
