"""The command line: `python -m spec_update PATH_OR_URL [--check] [--root DIR] [--report FILE]`.

Exit codes: 0 done (or, with --check, nothing breaking); 1 --check found breaking changes;
2 the update was refused (bad path or URL, invalid document, generator failure).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spec_update.errors import UpdateError
from spec_update.layout import REPO_ROOT, Layout
from spec_update.report import render_markdown, render_text
from spec_update.update import update_spec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spec_update",
        description="Vendor a new Numbers API document and regenerate the client from it.",
    )
    parser.add_argument("source", metavar="PATH_OR_URL", help="the new OpenAPI document (JSON)")
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
    try:
        outcome = update_spec(args.source, Layout(args.root.resolve()), check=args.check)
        if args.report:
            args.report.write_text(render_markdown(outcome), encoding="utf-8")
    except (UpdateError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(render_text(outcome))
    breaking = outcome.breaks_clients or outcome.breaks_servers or outcome.breaks_client_code
    return 1 if args.check and breaking else 0
