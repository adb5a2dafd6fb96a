"""Type aliases for schemathesis' generic classes, whose parameters the harness never narrows."""

from __future__ import annotations

from typing import Any, TypeAlias

from schemathesis import APIOperation, Case

AnyOperation: TypeAlias = APIOperation[Any, Any, Any, Any]
AnyCase: TypeAlias = Case[Any]
