"""Text a person reads: a line per finished test, a summary table, failures with a way back in.

Pure functions from tallies to lines; the pytest plugin decides where they go. Every line is passed
through the redactor by the caller.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contract_tests.tally.exercised import OperationExercise
from contract_tests.tally.findings import Finding
from contract_tests.tally.stats import OperationStats

if TYPE_CHECKING:
    from contract_tests.run.run_state import RunState


@dataclass
class Row:
    """One line of the summary: an operation's fuzzing, or one of the stateful tests."""

    label: str
    outcome: str
    duration: float
    stats: OperationStats | None = None
    note: str | None = None

    @property
    def held_back(self) -> str:
        """ "held back: 43, purchase cap" (reasons joined), or "" when every case was sent."""
        if self.stats is None or not self.stats.held_back:
            return ""
        reasons = ", ".join(
            f"{count}, {reason}" for reason, count in sorted(self.stats.held_back.items())
        )
        return f"held back: {reasons}"

    @property
    def result(self) -> str:
        """The outcome, with what was held back; a test that sent nothing never reads "passed"."""
        if not self.held_back:
            return self.outcome
        if self.outcome == "passed" and self.stats is not None and self.stats.cases == 0:
            return self.held_back
        return f"{self.outcome}; {self.held_back}"

    @property
    def failures_by_check(self) -> str:
        if self.stats is None or not self.stats.failures:
            return "-"
        return ", ".join(
            f"{check}: {count}" for check, count in sorted(self.stats.failures.items())
        )


@dataclass(frozen=True)
class RunInfo:
    target: str
    seed: int
    profile: str
    replay: str


def progress_line(row: Row) -> str:
    outcome = row.held_back if row.result == row.held_back else row.outcome
    parts = [f"    -> {row.label}: {outcome}"]
    if row.stats is not None:
        parts.append(f"{row.stats.cases} cases ({row.stats.xml_answers} XML)")
        if row.held_back:
            parts.append(row.held_back)
        if row.stats.failures:
            parts.append(f"failures: {row.failures_by_check}")
    parts.append(f"{row.duration:.1f}s")
    if row.note:
        parts.append(row.note)
    return ", ".join(parts)


def _table(headers: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> list[str]:
    body = [headers, *rows]
    widths = [max(len(line[column]) for line in body) for column in range(len(headers))]

    def render(line: tuple[str, ...]) -> str:
        return "  ".join(
            cell.ljust(width) for cell, width in zip(line, widths, strict=True)
        ).rstrip()

    return [render(headers), render(tuple("-" * width for width in widths)), *map(render, body[1:])]


def held_back_by_operation(rows: list[Row]) -> dict[str, str]:
    """Operation label -> what its fuzzing held back (the rows of the per-operation tests)."""
    return {row.label: row.held_back for row in rows if row.held_back}


def exercised_lines(exercised: dict[str, OperationExercise], rows: list[Row]) -> list[str]:
    """Per operation: statuses seen, JSON and XML answers, parameters judged, what was held back.

    "judged" lists the parameters (and their values) sent in requests whose answer had something
    to judge: a list holding at least one number, or an account change answered 2xx.
    """
    held = held_back_by_operation(rows)
    table = [
        (
            label,
            entry.statuses_text(),
            str(entry.json_answers),
            str(entry.xml_answers),
            held.get(label, "-") or "-",
        )
        for label, entry in exercised.items()
    ]
    lines = _table(("operation", "statuses", "json", "xml", "held back"), table)
    for label, entry in exercised.items():
        lines.append(
            f"  {label} judged with a non-empty answer: {entry.judged_text() or 'nothing'}"
        )
    return lines


def summary_lines(
    rows: list[Row],
    info: RunInfo,
    exercised: dict[str, OperationExercise] | None = None,
    findings: list[Finding] | None = None,
) -> list[str]:
    lines = [f"target: {info.target}   profile: {info.profile}   seed: {info.seed}", ""]
    table_rows = [
        (
            row.label,
            str(row.stats.cases) if row.stats else "-",
            str(row.stats.xml_answers) if row.stats else "-",
            row.result,
            row.failures_by_check,
        )
        for row in rows
    ]
    if rows:
        lines += _table(("operation", "cases", "xml", "result", "failures by check"), table_rows)
    if exercised:
        lines += ["", "Exercised (every answer of the run, whoever sent it):"]
        lines += exercised_lines(exercised, rows)
    skipped = [row for row in rows if row.outcome == "skipped" and row.note]
    if skipped:
        lines += ["", "Skipped:"]
        lines += [f"  {row.label}: {row.note}" for row in skipped]
    findings = findings or []
    filed = {test for finding in findings for test in finding.tests}
    errors = [row for row in rows if row.outcome in ("failed", "error") and row.label not in filed]
    if findings:
        lines += ["", f"Findings ({len(findings)}):"]
        for finding in findings:
            lines += ["", *finding_block(finding)]
    if errors:
        lines += ["", "Errors (the harness could not judge; details above):"]
        lines += [f"  {row.label}: {row.note or row.outcome}" for row in errors]
    if findings or errors:
        lines += ["", f"Replay the run: {info.replay}"]
    return lines


def _indented(label: str, text: str, width: int = 10) -> list[str]:
    """`label` then `text`, its later lines aligned under its first."""
    text_lines = text.splitlines() or [""]
    pad = " " * (width + 2)
    return [f"  {label.ljust(width)}{text_lines[0]}", *(pad + line for line in text_lines[1:])]


def found_text(finding: Finding) -> str:
    """What the check found: its summary, and the detail when it says more."""
    if not finding.detail or finding.detail == finding.summary:
        return finding.summary
    if finding.detail.startswith(finding.summary):
        return finding.detail
    return f"{finding.summary}\n{finding.detail}"


def finding_block(finding: Finding) -> list[str]:
    """One finding as the terminal prints it: check, rule, request, answer, both replays.

    The caller masks the lines; the curl line names the credentials' environment variables.
    """
    also = f" (also {', '.join(finding.also)})" if finding.also else ""
    lines = [f"Finding {finding.number}: [{finding.check}] {finding.operation}{also}"]
    lines += _indented("rule:", finding.rule)
    lines += _indented("found:", found_text(finding))
    exchange = finding.exchange
    if exchange is not None:
        request = exchange.request
        lines += _indented("request:", f"{request.method} {request.url}")
        if request.form:
            lines += _indented("form:", request.form)
        answer = exchange.answer
        if answer is None:
            lines += _indented("answer:", "none")
        else:
            lines += _indented("answer:", f"{answer.status} {answer.content_type or '(no type)'}")
            if answer.excerpt:
                lines += _indented("", answer.excerpt)
    lines += _indented("tests:", ", ".join(finding.tests))
    if finding.curl is not None:
        lines += _indented("curl:", finding.curl)
    if finding.replay:
        lines += _indented("replay:", finding.replay)
    return lines


def failure_text(findings: list[Finding]) -> str:
    """What pytest prints for a test that failed with findings: one line each, pointing at the
    finding's block in the contract summary (no traceback: the block says all of it)."""
    return "\n".join(
        f"[{finding.check}] {finding.operation}: {finding.summary} "
        "(request, answer and replays: see the findings in the contract summary)"
        for finding in findings
    )


def safety_lines(
    state: RunState,
    *,
    embedded: bool,
    distributed: bool = False,
    workers_counters: dict[str, float] | None = None,
) -> list[str]:
    """What the safety layer did: requests, throttling, the circuit, the interrupt, the clean-up.

    Under xdist (`distributed`) the workers send the requests, each through its own gate; the
    controller adds up the counters they sent back (`workers_counters`, when there are any).
    """
    gate = state.gate
    counters: dict[str, float] = {
        "sent": gate.counters.sent,
        "answers": gate.counters.answers,
        "dead": gate.counters.dead,
        "throttled": gate.counters.throttled,
        "throttle_wait": gate.counters.throttle_wait,
        "rate_wait": gate.counters.rate_wait,
    }
    if distributed and not workers_counters:
        lines = ["", "requests: sent by the xdist workers, each through its own safety layer"]
    else:
        if distributed and workers_counters:
            counters = {name: workers_counters.get(name, 0) for name in counters}
        workers = " (the xdist workers' added up)" if distributed else ""
        lines = [
            "",
            f"requests{workers}: {int(counters['sent'])} sent, {int(counters['answers'])} "
            f"answered, {int(counters['dead'])} without an answer; throttled (429): "
            f"{int(counters['throttled'])}, waited {counters['throttle_wait']:.1f} s; rate limit "
            f"waits {counters['rate_wait']:.1f} s",
        ]
    if gate.tripped is not None:
        lines.append(f"circuit open: {gate.tripped}; the tests after it were skipped")
    if gate.mostly_throttled:
        lines.append(
            f"FAILED as throttled: {gate.counters.throttled} of {gate.counters.answers} answers "
            "were 429, "
            "so most cases tested nothing (lower --rate-limit)"
        )
    if gate.stopped is not None:
        lines.append(f"run {gate.stopped}")
    if state.stock.report is not None:
        lines.append(f"stock: {state.stock.report}")
    if not embedded:
        settlement = state.settlement
        if settlement is None:
            left = state.ledger.left_owned()
            lines.append(
                "clean-up: not run; may be left owned: " + (", ".join(left) if left else "nothing")
            )
        else:
            lines += [f"clean-up: {line}" for line in settlement.lines()]
    return lines
