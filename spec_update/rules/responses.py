"""Rules for the responses of one operation: status codes, media types, headers, bodies.

A status a server may newly answer with is one old clients do not handle (the generated client
returns `parsed=None`, or raises UnexpectedStatus): that may break them when it happens. A 2xx
status that goes is an answer clients handled; an error status that goes is one old servers still
send.
"""

from __future__ import annotations

from typing import Any

from spec_update.changes import Change, Location
from spec_update.rules.common import Context, Direction, is_true
from spec_update.rules.content import diff_content
from spec_update.rules.schemas import diff_schema


def is_success(status: str) -> bool:
    text = status.strip().upper()
    return text == "2XX" or (text.isdigit() and 200 <= int(text) <= 299)


def diff_responses(ctx: Context, old: Any, new: Any, *, at: Location) -> list[Change]:
    if ctx.compare.same(old, new):
        return []
    before = {str(status): value for status, value in ctx.old.mapping(old).items()}
    after = {str(status): value for status, value in ctx.new.mapping(new).items()}
    changes: list[Change] = []
    for status in sorted(before.keys() - after.keys()):
        rule_id = (
            "response-success-status-removed"
            if is_success(status)
            else "response-error-status-removed"
        )
        where = Location(operation=at.operation, section=f"response {status}")
        changes.append(ctx.change(rule_id, where, "status removed"))
    for status in sorted(after.keys() - before.keys()):
        rule_id = (
            "response-success-status-added" if is_success(status) else "response-error-status-added"
        )
        where = Location(operation=at.operation, section=f"response {status}")
        changes.append(ctx.change(rule_id, where, "status added"))
    for status in sorted(before.keys() & after.keys()):
        where = Location(operation=at.operation, section=f"response {status}")
        changes += _diff_response(ctx, before[status], after[status], at=where)
    return changes


def _diff_response(ctx: Context, old: Any, new: Any, *, at: Location) -> list[Change]:
    if ctx.compare.same(old, new):
        return []
    before, after = ctx.old.mapping(old), ctx.new.mapping(new)
    changes: list[Change] = []
    headers_before = _headers(ctx.old.mapping(before.get("headers")))
    headers_after = _headers(ctx.new.mapping(after.get("headers")))
    for name in sorted(headers_before.keys() - headers_after.keys()):
        header = ctx.old.mapping(headers_before[name])
        required = is_true(header.get("required"))
        rule_id = (
            "response-required-header-removed" if required else "response-optional-header-removed"
        )
        what = f"{'required' if required else 'optional'} header `{name}` removed"
        changes.append(ctx.change(rule_id, at, what))
    for name in sorted(headers_after.keys() - headers_before.keys()):
        header = ctx.new.mapping(headers_after[name])
        required = is_true(header.get("required"))
        rule_id = "response-required-header-added" if required else "response-optional-header-added"
        what = f"{'required' if required else 'optional'} header `{name}` added"
        changes.append(ctx.change(rule_id, at, what))
    for name in sorted(headers_before.keys() & headers_after.keys()):
        old_header = ctx.old.mapping(headers_before[name])
        new_header = ctx.new.mapping(headers_after[name])
        changes += diff_schema(
            ctx,
            old_header.get("schema"),
            new_header.get("schema"),
            at=Location(operation=at.operation, section=f"{at.section} header `{name}`"),
            direction=Direction.RESPONSE,
        )
    changes += diff_content(
        ctx, before.get("content"), after.get("content"), at=at, direction=Direction.RESPONSE
    )
    return changes


def _headers(headers: dict[str, Any]) -> dict[str, Any]:
    """Header names compared as HTTP compares them, without regard to case."""
    return {str(name).lower(): value for name, value in headers.items()}
