"""Rules for the request body of one operation."""

from __future__ import annotations

from typing import Any

from spec_update.changes import Change, Location
from spec_update.rules.common import Context, Direction, is_true
from spec_update.rules.content import diff_content


def diff_request_body(ctx: Context, old: Any, new: Any, *, at: Location) -> list[Change]:
    if ctx.compare.same(old, new):
        return []
    at = Location(operation=at.operation, section="request body")
    before = ctx.old.deref(old) if old is not None else None
    after = ctx.new.deref(new) if new is not None else None
    before = before if isinstance(before, dict) else None
    after = after if isinstance(after, dict) else None
    if before is None and after is None:
        return []
    if before is None:
        assert after is not None
        if is_true(after.get("required")):
            return [ctx.change("request-body-added-required", at, "required request body added")]
        return [ctx.change("request-body-added-optional", at, "optional request body added")]
    if after is None:
        return [ctx.change("request-body-removed", at, "request body removed")]
    changes: list[Change] = []
    was, now = is_true(before.get("required")), is_true(after.get("required"))
    if not was and now:
        changes.append(
            ctx.change("request-body-became-required", at, "request body became required")
        )
    elif was and not now:
        changes.append(
            ctx.change("request-body-became-optional", at, "request body became optional")
        )
    changes += diff_content(
        ctx, before.get("content"), after.get("content"), at=at, direction=Direction.REQUEST
    )
    return changes
