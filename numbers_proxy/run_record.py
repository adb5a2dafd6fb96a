"""The session as the harness's run record (`contract_tests/reporting/run-record.schema.json`,
version 1), so a program that reads the harness's record reads the proxy's too, and the harness's
HTML report (`contract_tests.reporting.html.render`) shows it.

What a harness run has and a session has not is filled plainly: the "tests" are the operations
the traffic used (an exchange is a case), the profile is `live traffic`, the seed 0, and there is
nothing to replay but the request itself. Client-side findings are under the ids the registry
declares for the rules on a request (listed among the record's checks after the harness's).
"""

from __future__ import annotations

import platform
from importlib import metadata
from typing import Any

from contract_tests.judging.registry import REGISTRY, Check, check_named
from contract_tests.judging.violations import TARGET_ANSWERS
from numbers_proxy.session import KeptFinding, Session

__all__ = ["PROFILE", "harness_record"]

PROFILE = "live traffic"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def harness_record(session: Session, command: list[str], exit_status: int) -> dict[str, Any]:
    """The run record of `session` (every text in it was masked when its exchange was judged)."""
    operations = sorted(
        {operation for operation, _ in session.coverage} | set(session.documented),
        key=lambda op: (op not in session.documented, op),
    )
    seen = [op for op in operations if any(o == op for o, _ in session.coverage)]
    findings = [_finding(number, kept) for number, kept in enumerate(session.kept, start=1)]
    failed_answers = session.by_check.get(TARGET_ANSWERS, 0)
    return {
        "record_version": 1,
        "command": command,
        "replay": " ".join(command),
        "target": session.upstream,
        "embedded": False,
        "versions": {
            "toolkit": _version("numbers-toolkit"),
            "schemathesis": "not used",
            "hypothesis": "not used",
            "python": platform.python_version(),
        },
        "profile": PROFILE,
        "seed": 0,
        "started": session.started,
        "duration_seconds": round(session.seconds(), 3),
        "exit_status": exit_status,
        "verdict": _verdict(session),
        "tests": [_test(session, op, findings) for op in seen],
        "findings": findings,
        "coverage": [_operation(session, op) for op in operations],
        "checks": [_check(session, check) for check in REGISTRY.values()],
        "safety": {
            "sent": session.exchanges,
            "answered": session.exchanges - failed_answers,
            "without_answer": failed_answers,
            "throttled": sum(n for (_, status), n in session.coverage.items() if status == 429),
            "throttle_wait_seconds": 0.0,
            "rate_wait_seconds": 0.0,
            "purchases": session.coverage.get(("POST /number/buy", 200), 0),
            "clean_up": None,
            "lines": session.summary().splitlines(),
        },
    }


def _verdict(session: Session) -> dict[str, Any]:
    if session.findings:
        return {
            "passed": False,
            "line": f"FAILED: {session.findings} finding{'s' if session.findings != 1 else ''} "
            f"in {session.exchanges} exchanges",
        }
    return {"passed": True, "line": f"PASSED: {session.exchanges} exchanges, no finding"}


def _test(session: Session, operation: str, findings: list[dict[str, Any]]) -> dict[str, Any]:
    cases = sum(n for (op, _), n in session.coverage.items() if op == operation)
    failures = {
        check: n for (op, check), n in sorted(session.failed_checks.items()) if op == operation
    }
    return {
        "label": operation,
        "outcome": "failed" if failures else "passed",
        "result": f"{cases} exchanges"
        + (f", {sum(failures.values())} findings" if failures else ""),
        "duration_seconds": round(session.milliseconds.get(operation, 0.0) / 1000, 3),
        "cases": cases,
        "xml_answers": session.xml_answers[operation],
        "held_back": {},
        "failures": failures,
        "note": None,
        "findings": [f["number"] for f in findings if f["operation"] == operation],
    }


def _finding(number: int, kept: KeptFinding) -> dict[str, Any]:
    return {
        "number": number,
        "check": kept.check,
        "rule": check_named(kept.check).rule,
        "also": [],
        "operation": kept.operation,
        "summary": f"({kept.side.value} side) {kept.detail.splitlines()[0] if kept.detail else ''}",
        "detail": kept.detail,
        "request": {
            "method": kept.method,
            "url": kept.target,
            "form": kept.form,
            "accept": kept.accept,
            "own_credentials": True,
            "authorization": "",
            "other_account": False,
        },
        "answer": {"status": kept.status, "content_type": kept.media_type, "excerpt": kept.excerpt},
        "replays": {"curl": None, "command": ""},
        "selection": [],
        "tests": [kept.operation],
    }


def _operation(session: Session, operation: str) -> dict[str, Any]:
    documented = session.documented.get(operation, ())
    statuses = sorted(
        set(documented) | {status for op, status in session.coverage if op == operation}
    )
    cells = []
    for status in statuses:
        seen = session.coverage.get((operation, status), 0)
        failed = session.failed_cells.get((operation, status), 0)
        if status not in documented:
            state = "undocumented"
        elif failed:
            state = "failed"
        else:
            state = "seen" if seen else "never seen"
        cells.append(
            {
                "status": str(status),
                "documented": status in documented,
                "seen": seen,
                "findings": failed,
                "state": state,
            }
        )
    return {
        "operation": operation,
        "cells": cells,
        "json_answers": session.json_answers[operation],
        "xml_answers": session.xml_answers[operation],
        "judged": {},
    }


def _check(session: Session, check: Check) -> dict[str, Any]:
    return {
        "id": check.id,
        "rule": check.rule,
        "source": check.source,
        "origin": check.origin.value,
        # Every exchange passes every rule that applies to it; the count of those is not kept.
        "judged": None,
        "failed": session.by_check.get(check.id, 0),
        "findings": sum(1 for kept in session.kept if kept.check == check.id),
    }
