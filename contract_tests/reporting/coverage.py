"""The coverage matrix: each operation by each status the document (with the overlay) gives it,
seen (how often), failed (a finding's answer had it), or never seen; statuses seen that the
document does not give are listed too, as undocumented.

Pure functions over the JSON form of what was exercised (`OperationExercise.to_json`, merged over
xdist workers by `merge_exercised`) and the run's findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from contract_tests.judging.document import documented_statuses
from contract_tests.tally.findings import Finding

SEEN, FAILED, NEVER_SEEN, UNDOCUMENTED = "seen", "failed", "never seen", "undocumented"


def merge_exercised(
    into: dict[str, dict[str, Any]], more: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    """`into` with another process's exercise added (statuses and answers summed, values joined)."""
    for label, entry in more.items():
        target = into.setdefault(
            label, {"statuses": {}, "json_answers": 0, "xml_answers": 0, "judged": {}}
        )
        for status, count in entry.get("statuses", {}).items():
            target["statuses"][str(status)] = target["statuses"].get(str(status), 0) + int(count)
        target["json_answers"] += int(entry.get("json_answers", 0))
        target["xml_answers"] += int(entry.get("xml_answers", 0))
        for name, values in entry.get("judged", {}).items():
            target["judged"][name] = sorted(set(target["judged"].get(name, [])) | set(values))
    return into


def _failed_statuses(findings: Iterable[Finding]) -> dict[tuple[str, str], int]:
    failed: dict[tuple[str, str], int] = {}
    for finding in findings:
        answer = finding.exchange.answer if finding.exchange is not None else None
        if answer is not None:
            key = (finding.operation, str(answer.status))
            failed[key] = failed.get(key, 0) + 1
    return failed


def coverage(
    exercised: Mapping[str, Mapping[str, Any]] | None, findings: Iterable[Finding]
) -> list[dict[str, Any]]:
    """One entry per documented operation: its cells (documented statuses first), the JSON and
    XML answers, and the parameters judged with a non-empty answer (None: nothing was recorded,
    so no cell is claimed seen)."""
    failed = _failed_statuses(findings)
    matrix = []
    for label, statuses in documented_statuses().items():
        entry = (exercised or {}).get(label, {})
        seen: Mapping[str, int] = entry.get("statuses", {})
        cells = []
        for status in (*statuses, *sorted(set(seen) - set(statuses))):
            count = int(seen.get(status, 0))
            failures = failed.get((label, status), 0)
            if status not in statuses:
                state = UNDOCUMENTED
            elif failures:
                state = FAILED
            elif count:
                state = SEEN
            else:
                state = NEVER_SEEN
            cells.append(
                {
                    "status": status,
                    "documented": status in statuses,
                    "seen": count,
                    "findings": failures,
                    "state": state,
                }
            )
        matrix.append(
            {
                "operation": label,
                "cells": cells,
                "json_answers": int(entry.get("json_answers", 0)),
                "xml_answers": int(entry.get("xml_answers", 0)),
                "judged": {name: list(values) for name, values in entry.get("judged", {}).items()},
            }
        )
    return matrix
