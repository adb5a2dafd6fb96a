"""The command line of spec_update: `python -m spec_update --help` lists the commands.

- `python -m spec_update diff OLD NEW [--format text|markdown|json] [--fail-on LEVEL]
  [--no-validate]`: compare two documents (JSON or YAML, paths or URLs) and print the report;
  writes nothing. Exit codes: 0, or 1 when `--fail-on` is given and a change is at least that
  level for clients; 2 when a document cannot be read or is invalid.
- `python -m spec_update rules [--format markdown|json]`: print every rule with its levels.
- `python -m spec_update [update] PATH_OR_URL [--check] [--root DIR] [--report FILE]`: take a new
  document into the repository. Exit codes (spec_update/README.md): 0 done (or, with --check,
  nothing breaking); 1 --check found breaking changes; 2 refused before anything was written (bad
  argument, path or URL, invalid document, an output path that cannot be written, an overlay that
  does not fit, a generator failure: then the classification is printed first); 3 a step failed
  after writing had begun, and everything was put back (the message names the step).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from spec_update.document import InvalidDocument, load_document
from spec_update.errors import UpdateError
from spec_update.layout import REPO_ROOT, Layout
from spec_update.levels import Level
from spec_update.outputs import check_output_path
from spec_update.report import RENDERERS, Report, render_markdown, render_text
from spec_update.rules.catalog import RULES, markdown_table
from spec_update.sources import read_source
from spec_update.spec_diff import diff_documents
from spec_update.update import Outcome, StepFailed, update_spec

FAIL_ON = ("breaking", "may-break")


COMMANDS = (
    ("diff OLD NEW", "compare two OpenAPI documents and classify every change; writes nothing"),
    ("rules", "print every rule of the comparison with its levels for a client and a server"),
    (
        "[update] PATH_OR_URL",
        "take a new Numbers API document into this checkout and regenerate the client",
    ),
)
USAGE = "usage: python -m spec_update {diff,rules,update} ..."

# Exit codes of the update (spec_update/README.md lists them).
DONE, BREAKING_FOUND, REFUSED, PUT_BACK = 0, 1, 2, 3


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or arguments[0] in ("-h", "--help"):
        print_help(sys.stdout if arguments else sys.stderr)
        return 0 if arguments else 2
    if arguments[:1] == ["diff"]:
        return diff_main(arguments[1:])
    if arguments[:1] == ["rules"]:
        return rules_main(arguments[1:])
    if arguments[:1] == ["update"]:
        arguments = arguments[1:]
    return update_main(arguments)


def print_help(stream: TextIO) -> None:
    width = max(len(name) for name, _ in COMMANDS) + 2
    lines = [USAGE, "", "Compare versions of an OpenAPI document, and take a new one in.", ""]
    lines += ["commands:"]
    lines += [f"  {name:<{width}}{what}" for name, what in COMMANDS]
    lines += ["", "`python -m spec_update COMMAND --help` shows a command's options."]
    stream.write("\n".join(lines) + "\n")


def diff_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spec_update diff",
        description="Compare two OpenAPI documents and classify every change; writes nothing.",
    )
    parser.add_argument("old", metavar="OLD", help="the old document: a path or URL, JSON or YAML")
    parser.add_argument("new", metavar="NEW", help="the new document: a path or URL, JSON or YAML")
    parser.add_argument("--format", choices=sorted(RENDERERS), default="text")
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        help="exit 1 when a change is at least this level for clients",
    )
    parser.add_argument(
        "--no-validate",
        action="store_true",
        help="compare documents the validator rejects (they must still parse as OpenAPI 3)",
    )
    args = parser.parse_args(argv)
    try:
        old = load_document(read_source(args.old), args.old, validate=not args.no_validate)
        new = load_document(read_source(args.new), args.new, validate=not args.no_validate)
    except InvalidDocument as error:
        print(f"error: {error} (`--no-validate` compares it anyway)", file=sys.stderr)
        return 2
    except (UpdateError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    report = Report(old, new, args.old, args.new, diff_documents(old, new))
    sys.stdout.write(RENDERERS[args.format](report))
    if args.fail_on is not None:
        threshold = Level.from_label(args.fail_on)
        if any(change.client >= threshold for change in report.changes):
            return 1
    return 0


def rules_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spec_update rules", description="Print every rule with its levels."
    )
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    args = parser.parse_args(argv)
    if args.format == "markdown":
        sys.stdout.write(markdown_table())
    else:
        rows = [
            {
                "rule": rule.id,
                "detects": rule.detects,
                "client": rule.client.label,
                "server": rule.server.label,
                "why": rule.why,
                "oasdiff": [{"rule": name, "level": level} for name, level in rule.oasdiff],
                "differs": rule.differs or None,
            }
            for rule in RULES
        ]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
    return 0


def update_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spec_update [update]",
        description="Take a new Numbers API document into this checkout: classify its changes, "
        "regenerate the client, bump its version with a changelog entry "
        "(`python -m spec_update diff OLD NEW` only compares two documents).",
    )
    parser.add_argument(
        "source", metavar="PATH_OR_URL", help="the new OpenAPI document (JSON or YAML)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="only report; exit 1 if a change breaks a client, a server or the client's API",
    )
    parser.add_argument(
        "--root", type=Path, default=REPO_ROOT, help="the repository checkout to update"
    )
    parser.add_argument("--report", type=Path, help="also write the report as Markdown here")
    args = parser.parse_args(argv)
    report: Path | None = args.report

    def write_report(outcome: Outcome) -> None:
        if report is not None:
            report.write_text(render_markdown(outcome), encoding="utf-8")

    try:
        if report is not None:
            check_output_path(report, f"--report {report}")
        outcome = update_spec(
            args.source, Layout(args.root.resolve()), check=args.check, finish=write_report
        )
    except StepFailed as error:
        print(f"error: {error}", file=sys.stderr)
        return PUT_BACK
    except (UpdateError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return REFUSED
    print(render_text(outcome))
    if outcome.state == "refused":
        sys.stdout.flush()
        print(f"error: {outcome.generation_error}", file=sys.stderr)
        return REFUSED
    breaking = outcome.breaks_clients or outcome.breaks_servers or outcome.breaks_client_code
    return BREAKING_FOUND if args.check and breaking else DONE
