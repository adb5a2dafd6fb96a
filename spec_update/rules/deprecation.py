"""Removals announced in advance: `deprecated: true`, and the `x-sunset` date (as oasdiff reads
it) until which the thing was promised to stay."""

from __future__ import annotations

from datetime import date
from typing import Any

from spec_update.rules.common import is_true

SUNSET_KEY = "x-sunset"


def removal_after_deprecation(node: dict[str, Any], today: date) -> tuple[bool, str] | None:
    """None when `node` was not deprecated; else whether removing it now keeps the promise, and
    a note saying why ("deprecated, sunset 2025-01-01", ...)."""
    if not is_true(node.get("deprecated")):
        return None
    sunset = node.get(SUNSET_KEY)
    if sunset is None:
        return True, "was deprecated"
    when = _date(sunset)
    if when is None:
        return False, f"was deprecated, but its sunset date {sunset!r} cannot be read"
    if when > today:
        return False, f"was deprecated with sunset {when.isoformat()}, still to come"
    return True, f"was deprecated, sunset {when.isoformat()}"


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
