"""The detection benchmark's results as Markdown: per mode, the unfaulted runs, one row per fault,
the totals; then the totals of every mode together, with the time-to-first-failure ratio.

Pure text from `benchmarks.detection`'s records, so it is tested without running anything.
"""

from __future__ import annotations

import statistics

from benchmarks.detection import Detection, Detections, FaultRun, false_alarm_text
from benchmarks.fault_checks import expected_check
from benchmarks.harness_runs import SET_UP

__all__ = ["first_failure_ratio", "report", "requests_line", "summary_lines"]


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} s" if values else "n/a"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def report(detections: Detections) -> str:
    """Every mode's tables, then each mode's totals under one heading."""
    lines: list[str] = []
    for detection in detections.modes:
        lines += [f"### Mode `{detection.mode.name}`", "", detection.mode.description, ""]
        lines += mode_lines(detection)
        lines.append("")
    lines += ["### Summary", ""]
    for detection in detections.modes:
        lines += [f"Mode `{detection.mode.name}`:", "", *summary_lines(detection), ""]
    return "\n".join(lines).rstrip() + "\n"


def mode_lines(detection: Detection) -> list[str]:
    """One mode: the unfaulted runs, plain schemathesis' noise there, one row per fault."""
    lines = [f"#### The unfaulted mock ({_count(len(detection.clean), 'run')})", ""]
    lines += ["| run | harness | harness time | schemathesis exit | schemathesis failures |"]
    lines += ["| --- | --- | --- | --- | --- |"]
    for number, clean in enumerate(detection.clean, 1):
        verdict = (
            f"**{false_alarm_text(clean.harness)}**" if clean.harness.false_alarm else "passed"
        )
        lines.append(
            f"| {number} | {verdict} | {clean.harness.seconds:.1f} s | {clean.plain.returncode} | "
            f"{len(clean.plain.failures)} |"
        )
    noise = sorted(detection.baseline)
    lines += ["", f"Plain schemathesis' failures on the unfaulted mock ({len(noise)} kinds):", ""]
    lines += [f"- `{operation}` {check} on {status}" for operation, check, status in noise]
    if not detection.faults:
        # `--no-faults`: a hunt for false alarms, with no fault table to show.
        return lines
    lines += ["", f"#### The {len(detection.faults)} faulty mocks", ""]
    lines += [
        "| fault | category | expected check | harness: caught by | harness: in | harness TTFF "
        "| harness: requests | plain schemathesis: caught by | plain TTFF |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    lines += [_fault_row(run) for run in detection.faults]
    return lines


def _fault_row(run: FaultRun) -> str:
    harness = ", ".join(run.harness.caught_by) if run.harness.caught else "**missed**"
    where = run.harness.caught_in if run.harness.caught else "-"
    harness_time = f"{run.harness.seconds:.1f} s" if run.harness.caught else "-"
    requests = run.harness.requests_to_first_failure
    sent = str(requests) if run.harness.caught and requests is not None else "-"
    plain = run.plain_catch.check if run.plain_catch else "missed"
    plain_time = f"{run.plain_seconds:.1f} s" if run.plain_seconds is not None else "-"
    return (
        f"| `{run.fault.name}` | {run.fault.category} | {expected_check(run.fault)} "
        f"| {harness} | {where} | {harness_time} | {sent} | {plain} | {plain_time} |"
    )


def requests_line(detection: Detection) -> str:
    """Requests sent before the first failure, over the faults caught: median and maximum."""
    counts = [
        run.harness.requests_to_first_failure
        for run in detection.faults
        if run.harness.caught and run.harness.requests_to_first_failure is not None
    ]
    if not counts:
        return "- requests sent before the first failure: no fault caught with a count"
    worst = max(
        (run for run in detection.faults if run.harness.requests_to_first_failure == max(counts)),
        key=lambda run: run.fault.name,
    )
    return (
        f"- requests sent before the first failure ({len(counts)} faults): median "
        f"{statistics.median(counts):g}, maximum {max(counts)} (`{worst.fault.name}`)"
    )


def first_failure_ratio(detection: Detection) -> tuple[int, float, float] | None:
    """On the faults both tools catch: how many, each tool's median TTFF (harness, plain)."""
    both = [run for run in detection.faults if run.both_caught]
    plain = [run.plain_seconds for run in both if run.plain_seconds is not None]
    if not both or not plain or statistics.median(plain) <= 0:
        return None
    return (
        len(both),
        statistics.median(run.harness.seconds for run in both),
        statistics.median(plain),
    )


def summary_lines(detection: Detection) -> list[str]:
    """One mode's totals: catches, expected checks, medians, false alarms, the TTFF ratio."""
    runs = detection.faults
    caught = [run for run in runs if run.harness.caught]
    at_set_up = sum(1 for run in caught if run.harness.caught_in == SET_UP)
    plain_times = [run.plain_seconds for run in runs if run.plain_seconds is not None]
    false_alarms = detection.false_alarms
    plain_red = sum(1 for run in detection.clean if run.plain.returncode != 0)
    lines = [
        f"- harness: caught {len(caught)}/{len(runs)} "
        f"({sum(run.expected_check_caught for run in runs)} by the expected check, "
        f"{at_set_up} at set-up), "
        f"median time to first failure {_median([run.harness.seconds for run in caught])}; "
        f"false alarms on the unfaulted mock: {len(false_alarms)}/{len(detection.clean)}",
    ]
    lines += [f"  - {false_alarm_text(run.harness)}" for run in false_alarms]
    lines.append(requests_line(detection))
    lines.append(
        f"- plain schemathesis: caught {len(plain_times)}/{len(runs)}, "
        f"median time to first new failure {_median(plain_times)}; "
        f"failed on the unfaulted mock: {plain_red}/{len(detection.clean)}"
    )
    ratio = first_failure_ratio(detection)
    if ratio is None:
        lines.append("- time to first failure, harness / plain schemathesis: no fault both catch")
    else:
        count, harness_median, plain_median = ratio
        lines.append(
            f"- time to first failure on the {_count(count, 'fault')} both catch: harness median "
            f"{harness_median:.1f} s, plain schemathesis median {plain_median:.1f} s, ratio "
            f"harness / plain **{harness_median / plain_median:.2f}**"
        )
    lines.append(f"- budget: {detection.max_examples} examples per operation for both")
    return lines
