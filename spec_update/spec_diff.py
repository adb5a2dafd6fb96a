"""The diff engine: every classified difference between two versions of the document.

Operations are compared pair by pair; a pair equal as data, and whose references all point at
unchanged components, is skipped without a walk (spec_update.view), which is what makes a diff of
two large documents fast.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from spec_update.changes import Change, Location
from spec_update.rules.bodies import diff_request_body
from spec_update.rules.common import Context
from spec_update.rules.documentation import diff_documentation
from spec_update.rules.metadata import diff_metadata, diff_operation_tags
from spec_update.rules.operations import (
    Operation,
    diff_operations,
    operations_of,
    renamed_path_parameters,
)
from spec_update.rules.parameters import diff_parameters, parameters_of
from spec_update.rules.responses import diff_responses
from spec_update.rules.security import MovedCredentials, diff_security, moved_credentials
from spec_update.view import Comparison, View


def diff_data(
    old: dict[str, Any], new: dict[str, Any], *, today: date | None = None
) -> list[Change]:
    """Compare two parsed documents; `today` judges removals against sunset dates."""
    old_view, new_view = View(old), View(new)
    ctx = Context(
        old_view, new_view, Comparison(old_view, new_view), today or datetime.now(UTC).date()
    )
    changes = diff_metadata(ctx)
    operation_changes, pairs = diff_operations(
        ctx, operations_of(old_view), operations_of(new_view)
    )
    changes += operation_changes
    moved = [moved_credentials(ctx, before, after) for before, after in pairs]
    changes += diff_operation_tags(ctx, pairs)
    changes += diff_security(ctx, pairs, moved)
    for (before, after), carried in zip(pairs, moved, strict=True):
        changes += _diff_operation(ctx, before, after, carried)
    changes += diff_documentation(ctx)
    return changes


def diff_documents(old: Any, new: Any, *, today: date | None = None) -> list[Change]:
    """Compare two spec_update.document.Documents."""
    return diff_data(old.data, new.data, today=today)


def _diff_operation(
    ctx: Context, before: Operation, after: Operation, moved: MovedCredentials
) -> list[Change]:
    if ctx.compare.same(before.raw, after.raw) and ctx.compare.same(
        before.path_item.get("parameters"), after.path_item.get("parameters")
    ):
        return []
    at = Location(after.label)
    # Credentials that moved between parameters and security schemes: the security rules judge
    # them, as where they go on the wire.
    old_parameters = {
        key: value
        for key, value in parameters_of(ctx.old, before.path_item, before.spec).items()
        if key not in moved.into_schemes
    }
    new_parameters = {
        key: value
        for key, value in parameters_of(ctx.new, after.path_item, after.spec).items()
        if key not in moved.out_of_schemes
    }
    renamed = renamed_path_parameters(before, after)
    if renamed:
        old_parameters = {
            ("path", renamed.get(name, name)) if where == "path" else (where, name): value
            for (where, name), value in old_parameters.items()
        }
    changes = diff_parameters(ctx, old_parameters, new_parameters, at=at)
    changes += diff_request_body(
        ctx, before.spec.get("requestBody"), after.spec.get("requestBody"), at=at
    )
    changes += diff_responses(ctx, before.spec.get("responses"), after.spec.get("responses"), at=at)
    return changes
