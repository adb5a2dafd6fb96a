"""`numbers-contract-proxy`: the harness's judge on live traffic, between an application and any
Numbers API server.

Exit codes: 0 when the session ends (Ctrl-C or SIGTERM); 1 with `--fail-on finding` when anything
was found; 2 for bad options or files (one line, no traceback) or a missing `[proxy]` extra.
"""

from __future__ import annotations

import argparse
import contextlib
import ssl
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from numbers_arguments import OneLineParser, port, positive, seconds
from numbers_proxy.tls import make_test_certificate
from numbers_tls import (
    add_certificate_options,
    add_test_certificate_options,
    check_tls_options,
    tls_files,
)

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="numbers-contract-proxy",
        description=(
            "Forward every request to a Numbers API server and every answer back unchanged, "
            "judging both with the contract harness's rules."
        ),
    )
    parser.add_argument("--upstream", required=True, metavar="URL", help="the server to forward to")
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (%(default)s)")
    parser.add_argument("--port", type=port, default=8080, help="TCP port (%(default)s)")
    upstream = parser.add_argument_group("the upstream's TLS (verified by default)")
    upstream.add_argument("--ca-file", type=Path, metavar="PATH", help="CA bundle to verify with")
    upstream.add_argument(
        "--insecure", action="store_true", help="do not verify the upstream's certificate"
    )
    tls = parser.add_argument_group("the proxy's own TLS (the official SDKs speak HTTPS only)")
    add_test_certificate_options(
        tls,
        tls_help="a test certificate; prints its CA file",
        tls_dir_help="where --tls writes its files",
    )
    add_certificate_options(tls)
    limits = parser.add_argument_group("limits")
    limits.add_argument(
        "--request-deadline",
        type=seconds,
        default=30.0,
        metavar="SECONDS",
        help="answer 504 when the upstream takes longer (%(default)s)",
    )
    limits.add_argument(
        "--judge-cap",
        type=positive,
        default=4 * 1024 * 1024,
        metavar="BYTES",
        help="judge at most this much of an answer; the rest streams through (%(default)s)",
    )
    limits.add_argument("--idle-timeout", type=seconds, default=5.0, metavar="SECONDS")
    limits.add_argument("--request-timeout", type=seconds, default=10.0, metavar="SECONDS")
    limits.add_argument("--max-connections", type=positive, default=256, metavar="N")
    output = parser.add_argument_group("output")
    output.add_argument("--quiet", action="store_true", help="print only exchanges with findings")
    output.add_argument(
        "--json", type=Path, metavar="FILE", help="write the run record (the harness's schema)"
    )
    output.add_argument(
        "--html", type=Path, metavar="FILE", help="write the HTML report (the harness's)"
    )
    output.add_argument("--junit", type=Path, metavar="FILE", help="write JUnit XML")
    output.add_argument(
        "--fail-on",
        choices=["finding", "never"],
        default="never",
        help="exit 1 when anything was found (finding) or never (default)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        check_tls_options(args)
    except ValueError as exc:
        parser.error(str(exc))
    if args.insecure and args.ca_file is not None:
        parser.error("--insecure and --ca-file exclude each other")
    if not args.upstream.startswith(("http://", "https://")):
        parser.error("--upstream must be an http:// or https:// URL")
    for path in (args.json, args.html, args.junit):
        if path is not None and not path.parent.is_dir():
            parser.error(f"no such folder for {path}")
    try:
        verify = _verify(args)
    except (OSError, ssl.SSLError) as exc:
        parser.error(f"cannot read --ca-file {args.ca_file}: {exc}")
    from numbers_proxy.assembly import assemble, shown_url
    from numbers_proxy.records import write_html, write_json, write_junit
    from numbers_proxy.run_record import harness_record
    from numbers_proxy.server import ServerOptions, run_foreground

    with tls_files(args, make_test_certificate, "numbers-proxy-tls-") as tls:
        try:
            if tls is not None:
                tls.check()
        except ValueError as exc:
            parser.error(str(exc))
        app, session = assemble(args.upstream, verify, sys.stdout, args)
        if tls is not None and tls.ca_file is not None:
            print(f"numbers-contract-proxy: CA certificate for clients: {tls.ca_file}", flush=True)
        scheme = "https" if tls is not None else "http"
        print(
            f"numbers-contract-proxy: {scheme}://{args.host}:{args.port} -> {session.upstream}",
            flush=True,
        )
        options = ServerOptions(tls, args.idle_timeout, args.request_timeout, args.max_connections)
        with contextlib.suppress(KeyboardInterrupt):
            run_foreground(app, args.host, args.port, options)
    exit_status = 1 if args.fail_on == "finding" and session.findings else 0
    shown = [shown_url(arg) if "://" in arg else arg for arg in _arguments(argv)]
    record = harness_record(session, ["numbers-contract-proxy", *shown], exit_status)
    print(session.summary(), flush=True)
    reports = (
        (args.json, write_json, record),
        (args.html, write_html, record),
        (args.junit, write_junit, session.as_record()),
    )
    for path, write, content in reports:
        if path is not None:
            write(content, path)
            print(f"numbers-contract-proxy: wrote {path}", flush=True)
    return exit_status


def _arguments(argv: Sequence[str] | None) -> list[str]:
    return list(sys.argv[1:] if argv is None else argv)


def _verify(args: argparse.Namespace) -> Any:
    if args.insecure:
        return False
    if args.ca_file is not None:
        return ssl.create_default_context(cafile=str(args.ca_file))
    return True
