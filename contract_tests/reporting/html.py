"""The run as one HTML file a person opens in a browser: what each operation exercised, every
failure with its curl replay, and what the safety layer did.

One self-contained page (inline style, no script, nothing fetched), so it can be attached to a CI
run or mailed. Built from the same tallies as the terminal summary; the caller masks the whole page
with the run's redactor before writing it.
"""

from __future__ import annotations

from html import escape

from contract_tests.reporting.text import Row, RunInfo, held_back_by_operation
from contract_tests.tally.exercised import OperationExercise

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #c8c8c8; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #e8edf3; }
tr.passed td.result { background: #d9f2d9; } tr.failed td.result, tr.error td.result
{ background: #f8d0d0; } tr.skipped td.result { background: #f3ecd0; }
pre { background: #f4f4f4; border: 1px solid #ddd; padding: 0.6em; white-space: pre-wrap;
  word-break: break-all; }
.failure { border-left: 4px solid #c0392b; padding-left: 1em; margin: 1em 0; }
"""


def _cell(text: str, css: str = "") -> str:
    attribute = f' class="{css}"' if css else ""
    return f"<td{attribute}>{escape(text)}</td>"


def _table(headers: tuple[str, ...], rows: list[tuple[str, list[str]]]) -> list[str]:
    """`rows`: (the row's class, its cells already rendered)."""
    lines = ["<table>", "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr>"]
    for css, cells in rows:
        lines.append(f'<tr class="{escape(css)}">' + "".join(cells) + "</tr>")
    lines.append("</table>")
    return lines


def render(
    info: RunInfo,
    rows: list[Row],
    exercised: dict[str, OperationExercise] | None,
    safety: list[str],
) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>Contract run: " + escape(info.target) + "</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Contract run</h1>",
        f"<p>target: <code>{escape(info.target)}</code> &middot; profile: {escape(info.profile)}"
        f" &middot; seed: {info.seed}</p>",
        f"<p>replay: <code>{escape(info.replay)}</code></p>",
        "<h2>Tests</h2>",
    ]
    parts += _table(
        ("test", "cases", "xml", "result", "failures by check", "note"),
        [
            (
                row.outcome,
                [
                    _cell(row.label),
                    _cell(str(row.stats.cases) if row.stats else "-"),
                    _cell(str(row.stats.xml_answers) if row.stats else "-"),
                    _cell(row.result, "result"),
                    _cell(row.failures_by_check),
                    _cell(row.note or ""),
                ],
            )
            for row in rows
        ],
    )
    parts.append('<h2 id="exercised">Exercised, per operation</h2>')
    if exercised is None:
        parts.append("<p>Sent by the xdist workers: each tallies its own (see their output).</p>")
    else:
        held = held_back_by_operation(rows)
        parts += _table(
            ("operation", "statuses", "json", "xml", "judged with a non-empty answer", "held back"),
            [
                (
                    "operation",
                    [
                        _cell(label, "operation"),
                        _cell(entry.statuses_text()),
                        _cell(str(entry.json_answers)),
                        _cell(str(entry.xml_answers)),
                        _cell(entry.judged_text() or "nothing"),
                        _cell(held.get(label, "") or "-"),
                    ],
                )
                for label, entry in exercised.items()
            ],
        )
    failed = [row for row in rows if row.outcome in ("failed", "error")]
    parts.append(f'<h2 id="failures">Failures ({len(failed)})</h2>')
    if not failed:
        parts.append("<p>None.</p>")
    for row in failed:
        parts.append(f'<div class="failure"><h3>{escape(row.label)}</h3>')
        examples = row.stats.examples if row.stats else []
        if not examples and row.note:
            parts.append(f"<pre>{escape(row.note)}</pre>")
        for example in examples:
            parts.append(f"<p><b>[{escape(example.check)}]</b> {escape(example.title)}</p>")
            if example.message.strip():
                parts.append(f"<pre>{escape(example.message.strip())}</pre>")
            parts.append(f"<p>reproduce:</p><pre>{escape(example.reproduction)}</pre>")
        parts.append("</div>")
    parts.append("<h2>Safety layer</h2>")
    parts.append("<pre>" + escape("\n".join(line for line in safety if line)) + "</pre>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
