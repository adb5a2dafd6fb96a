"""The run as one HTML file a person opens in a browser, built from the run record
(`reporting.record`): a header with the verdict, the tests, each finding as a block with its
request, answer and both replays, the coverage matrix (each operation by each documented status),
the checks applied, and what the safety layer did.

One self-contained page (inline style, no script, nothing fetched), so it can be attached to a CI
run or mailed; nothing in it is wider than the window (long text wraps). The record it is built
from is masked already; the caller masks the page again before writing it.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

STYLE = """
* { box-sizing: border-box; }
body { font-family: system-ui, sans-serif; margin: 0 auto; padding: 1.2em 1.5em; max-width: 1240px;
  color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5em; margin: 0.2em 0; } h2 { font-size: 1.2em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin: 0.2em 0 0.5em; }
.verdict { font-size: 1.15em; font-weight: 600; padding: 0.5em 0.8em; border-radius: 4px; }
.verdict.passed { background: #d9f2d9; } .verdict.failed { background: #f8d0d0; }
dl.header { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em;
  margin: 0.8em 0; }
dl.header dt { font-weight: 600; } dl.header dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 0.5em 0; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #c8c8c8; padding: 0.3em 0.5em; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: #e8edf3; }
tr.passed td.result { background: #d9f2d9; } tr.failed td.result, tr.error td.result
{ background: #f8d0d0; } tr.skipped td.result { background: #f3ecd0; }
td.cell.seen { background: #d9f2d9; } td.cell.failed { background: #f8d0d0; font-weight: 600; }
td.cell.never-seen { background: #f3ecd0; } td.cell.undocumented { background: #f8d0d0; }
td.cell.absent { background: #f4f4f4; color: #888; }
pre { background: #f4f4f4; border: 1px solid #ddd; padding: 0.5em; margin: 0.2em 0 0.6em;
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 18em; overflow-y: auto; }
.finding { border-left: 4px solid #c0392b; padding: 0.2em 0 0.2em 1em; margin: 1.2em 0; }
.finding .label { font-weight: 600; margin: 0.3em 0 0; }
footer { margin-top: 2em; padding-top: 0.6em; border-top: 1px solid #ddd; color: #555;
  font-size: 0.9em; }
"""

_SLUG = re.compile(r"[^a-z0-9]+")
# Enough values of a parameter to see the spread; fuzzed values can be long and unprintable.
VALUES_SHOWN = 6
VALUE_CHARACTERS = 40


def _shown(value: str) -> str:
    printable = "".join(c if c.isprintable() else "?" for c in value)
    if len(printable) <= VALUE_CHARACTERS:
        return printable
    return printable[:VALUE_CHARACTERS] + "..."


def row_anchor(label: str) -> str:
    """The id of a test's row ("GET /number/search" -> "test-get-number-search")."""
    return "test-" + _SLUG.sub("-", label.lower()).strip("-")


def finding_anchor(number: int) -> str:
    return f"finding-{number}"


def _cell(text: str, css: str = "", attributes: str = "") -> str:
    classes = f' class="{css}"' if css else ""
    return f"<td{classes}{attributes}>{escape(text)}</td>"


def _table(headers: tuple[str, ...], rows: list[str], widths: tuple[str, ...] = ()) -> list[str]:
    columns = "".join(f'<col style="width:{width}">' for width in widths)
    head = "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr>"
    return [
        "<table>",
        f"<colgroup>{columns}</colgroup>" if columns else "",
        head,
        *rows,
        "</table>",
    ]


def _header(record: dict[str, Any]) -> list[str]:
    verdict = record["verdict"]
    versions = record["versions"]
    css = "passed" if verdict["passed"] else "failed"
    fields = [
        ("date", record["started"]),
        ("duration", f"{record['duration_seconds']:.1f} s"),
        ("target", record["target"]),
        ("profile", record["profile"]),
        ("seed", str(record["seed"])),
        (
            "versions",
            f"numbers-toolkit {versions['toolkit']}, schemathesis {versions['schemathesis']}, "
            f"hypothesis {versions['hypothesis']}, Python {versions['python']}",
        ),
        ("replay", record["replay"]),
    ]
    lines = [
        "<h1>Contract run</h1>",
        f'<p class="verdict {css}" id="verdict">{escape(verdict["line"])}</p>',
        '<dl class="header">',
    ]
    for name, value in fields:
        lines.append(f'<dt>{escape(name)}</dt><dd id="run-{name}">{escape(value)}</dd>')
    lines.append("</dl>")
    return lines


def _tests(record: dict[str, Any]) -> list[str]:
    rows = []
    for test in record["tests"]:
        links = ", ".join(
            f'<a href="#{finding_anchor(number)}">finding {number}</a>'
            for number in test["findings"]
        )
        failures = ", ".join(f"{check}: {count}" for check, count in test["failures"].items())
        rows.append(
            f'<tr class="{escape(test["outcome"])}" id="{row_anchor(test["label"])}">'
            + _cell(test["label"])
            + _cell("-" if test["cases"] is None else str(test["cases"]))
            + _cell(test["result"], "result")
            + _cell(failures or "-")
            + f'<td class="findings">{links or "-"}</td>'
            + _cell(test["note"] or "")
            + "</tr>"
        )
    return [
        "<h2>Tests</h2>",
        *_table(
            ("test", "cases", "result", "failures by check", "findings", "note"),
            rows,
            ("24%", "7%", "14%", "18%", "11%", "26%"),
        ),
    ]


def _coverage(record: dict[str, Any]) -> list[str]:
    matrix = record["coverage"]
    statuses: list[str] = sorted({cell["status"] for entry in matrix for cell in entry["cells"]})
    rows = []
    for entry in matrix:
        by_status = {cell["status"]: cell for cell in entry["cells"]}
        cells = [_cell(entry["operation"], "operation")]
        for status in statuses:
            cell = by_status.get(status)
            where = f' data-operation="{escape(entry["operation"])}" data-status="{status}"'
            if cell is None:
                cells.append(_cell("not documented", "cell absent", where))
                continue
            state = cell["state"]
            text = {
                "seen": f"seen: {cell['seen']}",
                "failed": f"failed: {cell['findings']} finding(s), seen: {cell['seen']}",
                "never seen": "never seen",
                "undocumented": f"undocumented, seen: {cell['seen']}"
                + (f", {cell['findings']} finding(s)" if cell["findings"] else ""),
            }[state]
            cells.append(_cell(text, "cell " + state.replace(" ", "-"), where))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    lines = [
        '<h2 id="coverage">Coverage: each operation by each documented status</h2>',
        "<p>Statuses from the document with the overlay. Seen: answered so (how often); failed: a "
        "finding's answer had it; never seen: no request got it.</p>",
        *_table(("operation", *statuses), rows, ("20%",)),
        "<h3>Parameters judged with a non-empty answer</h3>",
        "<ul>",
    ]
    for entry in matrix:
        judged = "; ".join(
            f"{name}={','.join(map(_shown, values[:VALUES_SHOWN]))}"
            + (f" (+{len(values) - VALUES_SHOWN})" if len(values) > VALUES_SHOWN else "")
            for name, values in sorted(entry["judged"].items())
        )
        lines.append(
            f"<li><b>{escape(entry['operation'])}</b> ({entry['json_answers']} JSON, "
            f"{entry['xml_answers']} XML answers): {escape(judged or 'nothing')}</li>"
        )
    lines.append("</ul>")
    return lines


def _checks(record: dict[str, Any]) -> list[str]:
    rows = []
    for check in record["checks"]:
        if not check["judged"] and not check["findings"] and not check["failed"]:
            continue
        css = "failed" if check["findings"] or check["failed"] else "passed"
        rows.append(
            f'<tr class="{css}">'
            + _cell(check["id"])
            + _cell(check["rule"])
            + _cell("-" if check["judged"] is None else str(check["judged"]))
            + _cell(str(check["failed"]), "result")
            + _cell(str(check["findings"]))
            + "</tr>"
        )
    return [
        '<h2 id="checks">Checks applied</h2>',
        "<p>Answers each check judged and failed (the harness's own rules judge sequences, not "
        "answers: '-'); checks that judged nothing in this run are left out.</p>",
        *_table(
            ("check", "rule", "answers judged", "failed", "findings"),
            rows,
            ("22%", "48%", "10%", "10%", "10%"),
        ),
    ]


def _pre(label: str, text: str) -> list[str]:
    return [f'<p class="label">{escape(label)}</p>', f"<pre>{escape(text)}</pre>"]


def _finding(finding: dict[str, Any]) -> list[str]:
    number = finding["number"]
    also = f" (also {', '.join(finding['also'])})" if finding["also"] else ""
    lines = [
        f'<section class="finding" id="{finding_anchor(number)}">',
        f"<h3>Finding {number}: [{escape(finding['check'])}] {escape(finding['operation'])}"
        f"{escape(also)}</h3>",
        f'<p class="rule"><b>Rule:</b> {escape(finding["rule"])}</p>',
        f'<p class="summary"><b>Found:</b> {escape(finding["summary"])}</p>',
    ]
    detail = finding["detail"]
    if detail and detail != finding["summary"]:
        lines += _pre("detail", detail)
    request = finding["request"]
    if request is not None:
        text = f"{request['method']} {request['url']}"
        if request["accept"]:
            text += f"\nAccept: {request['accept']}"
        if request["form"]:
            text += f"\n\n{request['form']}"
        lines += _pre("request", text)
    answer = finding["answer"]
    if answer is not None:
        lines += _pre(
            "answer", f"{answer['status']} {answer['content_type']}\n\n{answer['excerpt']}"
        )
    elif request is not None:
        lines += _pre("answer", "none")
    if finding["replays"]["curl"]:
        lines += _pre("replay the request", finding["replays"]["curl"])
    if finding["replays"]["command"]:
        lines += _pre("replay the test", finding["replays"]["command"])
    tests = ", ".join(
        f'<a href="#{row_anchor(test)}">{escape(test)}</a>' for test in finding["tests"]
    )
    lines += [f'<p class="tests"><b>Met by:</b> {tests}</p>', "</section>"]
    return lines


def render(record: dict[str, Any]) -> str:
    findings = record["findings"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Contract run: " + escape(record["target"]) + "</title>",
        f"<style>{STYLE}</style></head><body>",
        *_header(record),
        *_tests(record),
        f'<h2 id="findings">Findings ({len(findings)})</h2>',
    ]
    if not findings:
        parts.append("<p>None: no check failed.</p>")
    for finding in findings:
        parts += _finding(finding)
    parts += [*_coverage(record), *_checks(record)]
    parts.append('<h2 id="safety">Safety layer</h2>')
    parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in record["safety"]["lines"]))
    parts.append("</ul>")
    parts.append(
        f"<footer>numbers-contract, run record version {record['record_version']}: the same run "
        "as JSON with --json-report PATH.</footer>"
    )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
