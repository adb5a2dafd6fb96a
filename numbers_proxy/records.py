"""The session's reports: the harness's run record (JSON, `run_record.harness_record`) and its
HTML report for a person, and JUnit for CI.

JUnit is written from the session's own summary (`Session.as_record`,
`"record": "numbers-contract-proxy session"`, `"version": 1`):

- `upstream`, `started`, `finished` (UTC), `seconds`;
- `counts`: `exchanges`, `with_findings`, `findings`, `unjudged`, `notes`;
- `checks`: check id -> `side` (`client` or `server`) and `findings` (how many);
- `notes`: note id -> `count` and one `example`;
- `coverage`: one row per operation by status, every documented pair first (`documented: true`,
  `exchanges` may be 0), then the undocumented pairs seen;
- `findings`: the first findings in full (`check`, `side`, `operation`, `status`, `time`,
  `detail`), `findings_left_out` counting the rest.

Check ids are the harness's (`contract_tests.judging.registry`) for answers and the proxy's
(`numbers_proxy.checks`) for requests. Every text was masked when the exchange was judged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from contract_tests.reporting.html import render

__all__ = ["write_html", "write_json", "write_junit"]


def write_json(record: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def write_junit(record: dict[str, Any], path: Path) -> None:
    """One test case per operation seen or documented; its findings are its failures."""
    suite = Element(
        "testsuite",
        name="numbers-contract-proxy",
        tests="0",
        failures="0",
        time=str(record["seconds"]),
    )
    by_operation: dict[str, list[dict[str, Any]]] = {}
    for row in record["coverage"]:
        if row["exchanges"] or row["documented"]:
            by_operation.setdefault(row["operation"], [])
    for finding in record["findings"]:
        by_operation.setdefault(finding["operation"], []).append(finding)
    failures = 0
    for operation, findings in by_operation.items():
        case = SubElement(suite, "testcase", classname="proxy", name=operation)
        if findings:
            failures += 1
            checks = sorted({f["check"] for f in findings})
            failure = SubElement(
                case, "failure", message=f"{len(findings)} findings: {', '.join(checks)}"
            )
            failure.text = "\n".join(
                f"[{f['check']}] ({f['side']} side, {f['status']}) {f['detail']}" for f in findings
            )
    suite.set("tests", str(len(by_operation)))
    suite.set("failures", str(failures))
    path.write_bytes(b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(suite) + b"\n")


def write_html(record: dict[str, Any], path: Path) -> None:
    """The harness's HTML report, from the harness-shaped run record (`run_record`)."""
    path.write_text(render(record), encoding="utf-8")
