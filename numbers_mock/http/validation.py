"""Request validation against the API document at runtime.

The document is read once when the app is built. Each operation is validated by its compiled plan
(`compiled.py`, microseconds) when the document lets it be compiled, and otherwise by openapi-core
(`reference.py`, milliseconds), so any document openapi-core understands is enforced, and a new
version of the document changes what is accepted without code changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from numbers_mock.core.document import ApiDocument
from numbers_mock.http.compiled import OperationPlan, compile_operation
from numbers_mock.http.reference import ReferenceValidator, ValidatedRequest

__all__ = ["RequestValidator", "ValidatedRequest"]


class RequestValidator:
    """Validates the requests of one document's operations."""

    def __init__(self, document: ApiDocument) -> None:
        # Built first: it checks the whole document (openapi-spec-validator) and fails on a bad one.
        self.reference = ReferenceValidator(document)
        self._plans: dict[str, OperationPlan | None] = {
            operation.operation_id: compile_operation(document, operation.operation_id)
            for operation in document.operations()
        }

    @property
    def compiled_operations(self) -> frozenset[str]:
        """The operationIds validated by compiled plans rather than by openapi-core."""
        return frozenset(name for name, plan in self._plans.items() if plan is not None)

    def validate(
        self,
        operation_id: str,
        *,
        method: str,
        path: str,
        query: Mapping[str, Any],
        headers: Mapping[str, Any],
        content_type: str | None,
        body: bytes | None,
    ) -> ValidatedRequest:
        """The request's typed parameters and body, or `Rejected` with a 400 or 415 reply."""
        plan = self._plans.get(operation_id)
        if plan is not None:
            return plan.validate(query, content_type, body)
        return self.reference.validate(
            operation_id,
            method=method,
            path=path,
            query=query,
            headers=headers,
            content_type=content_type,
            body=body,
        )
