"""`python -m benchmarks oasdiff OASDIFF_CHECKOUT` (and `nox -s bench -- oasdiff ...`): the spec
diff's verdicts against oasdiff's labelled examples, judged by benchmarks.oasdiff_corpus and told
by benchmarks.oasdiff_report. Exit code 0 when every disagreement has a written reason, 1 when one
has none, 2 for a missing document or a bad labels file."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from benchmarks.oasdiff_corpus import LABELS, CorpusError, judge_pair, load_labels
from benchmarks.oasdiff_report import as_json, report, summary

__all__ = ["add_arguments", "build_parser", "main", "run"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks oasdiff",
        description="Compare the spec diff's verdicts with oasdiff's on oasdiff's labelled "
        "examples (exit 1 when a disagreement has no written reason).",
    )
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", type=Path, help="a checkout of the oasdiff repository")
    parser.add_argument(
        "--labels", type=Path, default=LABELS, help="the labelled pairs (default: %(default)s)"
    )
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        help="the date sunset dates are judged against (default: today)",
    )
    parser.add_argument(
        "--working-tree",
        action="store_true",
        help="read the documents as they are in the checkout, not at the commits the labels "
        "record (the default when the checkout is a git repository)",
    )
    parser.add_argument("--json", type=Path, help="also write every pair's result here")


def run(arguments: argparse.Namespace) -> int:
    today = arguments.today or datetime.now(UTC).date()
    try:
        pairs = load_labels(arguments.labels)
        results = [
            judge_pair(arguments.corpus, pair, today, at_commits=not arguments.working_tree)
            for pair in pairs
        ]
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(report(results), end="")
    if arguments.json:
        arguments.json.write_text(json.dumps(as_json(results), indent=2) + "\n", encoding="utf-8")
    return 1 if summary(results)["unexplained"] else 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
