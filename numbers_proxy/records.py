"""The session's reports: a JSON record a program reads, JUnit for CI, HTML for a person.

The JSON record (`"record": "numbers-contract-proxy session"`, `"version": 1`):

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

import html
import json
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from numbers_proxy.checks import describe

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
    """A page with the counts, the findings by check, the coverage grid and the findings."""
    e = html.escape
    counts = record["counts"]
    rows = [
        f"<tr><td>{e(check)}</td><td>{e(info['side'])}</td><td>{info['findings']}</td>"
        f"<td>{e(describe(check).rule)}</td></tr>"
        for check, info in record["checks"].items()
    ]
    coverage = [
        f"<tr><td>{e(row['operation'])}</td><td>{row['status']}</td>"
        f"<td>{'yes' if row['documented'] else 'no'}</td><td>{row['exchanges']}</td></tr>"
        for row in record["coverage"]
    ]
    findings = [
        f"<tr><td>{e(f['time'])}</td><td>{e(f['operation'])}</td><td>{f['status']}</td>"
        f"<td>{e(f['check'])}</td><td>{e(f['side'])}</td><td>{e(f['detail'])}</td></tr>"
        for f in record["findings"]
    ]
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>numbers-contract-proxy session</title>
<style>body{{font-family:sans-serif}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:2px 6px;text-align:left}}</style></head><body>
<h1>numbers-contract-proxy session</h1>
<p>Upstream {e(record["upstream"])}, {e(record["started"])} to {e(record["finished"])}:
{counts["exchanges"]} exchanges, {counts["with_findings"]} with findings, {counts["findings"]}
findings, {counts["unjudged"]} left unjudged, {counts["notes"]} notes.</p>
<h2>Findings by check</h2>
<table><tr><th>check</th><th>side</th><th>findings</th><th>rule</th></tr>{"".join(rows)}</table>
<h2>Coverage</h2>
<table><tr><th>operation</th><th>status</th><th>documented</th><th>exchanges</th></tr>
{"".join(coverage)}</table>
<h2>Findings</h2>
<table><tr><th>time</th><th>operation</th><th>status</th><th>check</th><th>side</th><th>detail</th></tr>
{"".join(findings)}</table>
<p>{record["findings_left_out"]} more findings were counted but not kept.</p>
</body></html>
"""
    path.write_text(page, encoding="utf-8")
