"""`python -m benchmarks detection|speed|spec [options]` (what `nox -s bench -- ...` runs).

- `detection`: the contract harness and plain schemathesis against every faulty mock
  (`benchmarks.detection`), in the `seeded` and the `real-target` mode (`--mode`), about 30
  minutes on two cores for both; `--faults a,b` for a subset, `--no-faults` for the unfaulted
  runs alone.
- `speed`: every speed figure as a ratio against its usual alternative (`benchmarks.speed`), about
  5 minutes.
- `spec`: `python -m spec_update diff` on two GitHub Enterprise Server documents (npm's
  `@octokit/openapi`, fetched at run time) against the engine it replaced, in the same run
  (`benchmarks.spec_diff`), about 4 minutes.
- `oasdiff CHECKOUT`: the spec diff's verdicts against oasdiff's on the labelled examples of its
  test corpus (`benchmarks.oasdiff`), a few seconds.

All print Markdown tables (the ones in docs/benchmarks.md) and can write their figures as JSON.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.detection import ci_max_examples, detect, print_progress, selected_faults
from benchmarks.detection_modes import BOTH, MODES, selected_modes
from benchmarks.detection_report import report as detection_report
from benchmarks.machine import describe_machine
from benchmarks.oasdiff import add_arguments as add_oasdiff_arguments
from benchmarks.oasdiff import run as run_oasdiff
from benchmarks.spec_diff import BASELINE, NEW, OLD, PACKAGE_VERSION, measure_spec_diff
from benchmarks.spec_diff import report as spec_report
from benchmarks.speed import measure_speed
from benchmarks.speed import report as speed_report
from numbers_arguments import positive
from numbers_mock.faults import UnknownFaultError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    kinds = parser.add_subparsers(
        dest="kind", required=True, metavar="detection|speed|spec|oasdiff"
    )
    detection = kinds.add_parser("detection", help="faults caught, by which check, how fast")
    detection.add_argument(
        "--mode",
        choices=[*MODES, BOTH],
        default=BOTH,
        help="seeded: the account owns numbers, purchases uncapped; real-target: it owns "
        "nothing, the harness's default purchase cap (default: both)",
    )
    which = detection.add_mutually_exclusive_group()
    which.add_argument("--faults", metavar="A,B", help="only these faults (default: all)")
    which.add_argument(
        "--no-faults", action="store_true", help="only the runs on the unfaulted mock"
    )
    detection.add_argument(
        "--clean-runs", type=positive, default=5, help="runs on the unfaulted mock (default: 5)"
    )
    detection.add_argument("--logs", type=Path, help="keep every run's output in this folder")
    speed = kinds.add_parser("speed", help="speed ratios against the usual alternatives")
    speed.add_argument("--runs", type=positive, default=3, help="fuzzing runs per tool")
    speed.add_argument("--seconds", type=float, default=2.0, help="throughput round length")
    speed.add_argument("--rounds", type=positive, default=5, help="throughput rounds per server")
    speed.add_argument("--clients", type=positive, default=4, help="throughput client threads")
    speed.add_argument("--memory-requests", type=positive, default=100_000)
    speed.add_argument("--calls", type=positive, default=2000, help="client calls per round")
    spec = kinds.add_parser("spec", help="the spec diff on two large documents, against before")
    spec.add_argument("--runs", type=positive, default=3, help="runs of each engine")
    spec.add_argument("--package-version", default=PACKAGE_VERSION, help="of @octokit/openapi")
    spec.add_argument("--old", default=OLD, help=f"the old document's name (default {OLD})")
    spec.add_argument("--new", default=NEW, help=f"the new document's name (default {NEW})")
    spec.add_argument("--baseline", default=BASELINE, help="the commit of the engine before")
    spec.add_argument("--cache", type=Path, help="keep the fetched documents in this folder")
    for kind in (detection, speed, spec):
        kind.add_argument("--json", type=Path, help="also write the figures to this file")
    add_oasdiff_arguments(
        kinds.add_parser("oasdiff", help="the spec diff's verdicts against oasdiff's examples")
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.kind == "oasdiff":
        # A comparison of verdicts, not a timing: no machine line, its own exit code.
        return run_oasdiff(args)
    started = time.perf_counter()
    figures: Any
    if args.kind == "detection":
        try:
            faults = [] if args.no_faults else selected_faults(args.faults)
        except UnknownFaultError as exc:
            parser.error(str(exc))
        modes = selected_modes(args.mode)
        figures = detect(
            modes, faults, args.clean_runs, ci_max_examples(), print_progress, args.logs
        )
        text = detection_report(figures)
    elif args.kind == "spec":
        figures = measure_spec_diff(
            args.runs,
            version=args.package_version,
            old_name=args.old,
            new_name=args.new,
            baseline=args.baseline,
            cache=args.cache,
            progress=print_progress,
        )
        text = spec_report(figures)
    else:
        if args.seconds <= 0:
            parser.error("--seconds must be positive")
        figures = measure_speed(
            args.runs,
            args.seconds,
            args.rounds,
            args.clients,
            args.memory_requests,
            args.calls,
            print_progress,
        )
        text = speed_report(figures)
    elapsed = time.perf_counter() - started
    print(f"{text}\n\nMachine: {describe_machine()}\nWhole run: {elapsed / 60:.1f} minutes")
    if args.json:
        payload = {"machine": describe_machine(), "seconds": elapsed, **_as_json(figures)}
        args.json.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


def _as_json(figures: Any) -> dict[str, Any]:
    data: dict[str, Any] = _without_output(dataclasses.asdict(figures))
    # Tool output is for reading a failure, not for the figures: it would make the file huge.
    return data


def _without_output(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_output(v) for k, v in value.items() if k != "output"}
    if isinstance(value, list):
        return [_without_output(item) for item in value]
    return value


if __name__ == "__main__":
    sys.exit(main())
