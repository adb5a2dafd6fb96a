"""Every classified difference between two versions of the document, in reading order."""

from __future__ import annotations

from spec_update.changes import Change
from spec_update.document import Document
from spec_update.rules.bodies import diff_request_body
from spec_update.rules.documentation import diff_documentation
from spec_update.rules.metadata import diff_metadata
from spec_update.rules.operations import diff_operations, operations_of
from spec_update.rules.parameters import diff_parameters, parameters_of
from spec_update.rules.responses import diff_responses
from spec_update.rules.security import diff_security


def diff_documents(old: Document, new: Document) -> list[Change]:
    """Compare the `$ref`-resolved documents operation by operation, then their documentation."""
    before, after = old.resolved, new.resolved
    changes = diff_metadata(before, after)
    operation_changes, pairs = diff_operations(operations_of(before), operations_of(after))
    changes += diff_security(before, after, pairs)
    changes += operation_changes
    for old_operation, new_operation in pairs:
        where = old_operation.label
        changes += diff_parameters(
            parameters_of(old_operation.path_item, old_operation.spec),
            parameters_of(new_operation.path_item, new_operation.spec),
            where=where,
        )
        changes += diff_request_body(
            old_operation.spec.get("requestBody"),
            new_operation.spec.get("requestBody"),
            where=where,
        )
        changes += diff_responses(
            old_operation.spec.get("responses", {}),
            new_operation.spec.get("responses", {}),
            where=where,
        )
    changes += diff_documentation(old.data, new.data)
    return changes
