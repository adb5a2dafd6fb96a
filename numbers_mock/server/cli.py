"""`numbers-mock`: run the mock server from the command line.

Exit codes: 0 when stopped with Ctrl-C or after `--help` and `--list-faults`; 2 for a usage error,
said in one line: a bad option, a file that cannot be used (`--spec`, `--inventory`, `--database`,
the TLS files), an address the server cannot listen on (a port in use). SIGTERM stops the server
cleanly too, then ends the process by that signal, as uvicorn does.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# Only what the parser needs is imported here: `--help` shows without loading the app, its
# validation (openapi-core) or the server (uvicorn, Starlette); `main` imports those once the
# arguments are known.
from numbers_arguments import USAGE_ERROR, OneLineParser, non_negative, port, positive, seconds
from numbers_mock.controls.throttle import RateLimit, parse_rate
from numbers_mock.server.limits import ConnectionLimits
from numbers_mock.server.tls import make_test_certificate
from numbers_mock.settings import MockSettings, default_overlay_path, default_spec_path
from numbers_mock.state.accounts import (
    DEFAULT_ACCOUNTS,
    OTHER_ACCOUNT,
    PRIMARY_ACCOUNT,
    SUBACCOUNT,
    Account,
)
from numbers_tls import (
    add_certificate_options,
    add_test_certificate_options,
    check_tls_options,
    tls_files,
)

if TYPE_CHECKING:
    from numbers_mock.faults import FaultVariant

__all__ = [
    "USAGE_ERROR",
    "build_parser",
    "fault_table",
    "limits_from_args",
    "main",
    "settings_from_args",
    "variant_from_args",
]


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = OneLineParser(
        prog="numbers-mock",
        description="Stateful mock of the Vonage Numbers API 1.1.0, checked against its document.",
        epilog=(
            "Without --account, the accounts are "
            f"{PRIMARY_ACCOUNT.api_key}:{PRIMARY_ACCOUNT.api_secret} (with subaccount "
            f"{SUBACCOUNT.api_key}:{SUBACCOUNT.api_secret}) and "
            f"{OTHER_ACCOUNT.api_key}:{OTHER_ACCOUNT.api_secret}. "
            "POST /_mock/reset restores the seed's inventory."
        ),
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="interface to bind (default: %(default)s)"
    )
    parser.add_argument("--port", type=port, default=8000, help="TCP port (default: %(default)s)")
    parser.add_argument(
        "--seed", type=int, default=0, help="inventory seed; same seed, same numbers (default: 0)"
    )
    parser.add_argument(
        "--database",
        type=Path,
        metavar="PATH",
        help="SQLite file keeping the state across restarts (default: in memory)",
    )
    parser.add_argument(
        "--spec",
        type=Path,
        metavar="PATH",
        default=default_spec_path(),
        help="OpenAPI document to serve and validate against (default: the vendored one)",
    )
    parser.add_argument(
        "--no-overlay",
        dest="overlay",
        action="store_const",
        const=None,
        default=default_overlay_path(),
        help=(
            "read the document as published, without the overlay that adds what the service "
            "answers beyond it (420 on cancel and update, 400 field errors, 429); for a --spec "
            "the overlay does not fit"
        ),
    )
    parser.add_argument(
        "--account",
        action="append",
        type=_account,
        default=[],
        metavar="KEY:SECRET",
        help="an account (repeatable); any --account replaces the default accounts",
    )
    parser.add_argument(
        "--subaccount",
        action="append",
        type=_subaccount,
        default=[],
        metavar="PARENT:KEY:SECRET",
        help="a subaccount of account PARENT (repeatable)",
    )
    parser.add_argument(
        "--max-body-bytes",
        type=positive,
        default=16 * 1024,
        metavar="BYTES",
        help="larger request bodies get 413 (default: %(default)s)",
    )
    parser.add_argument(
        "--fault",
        action="append",
        type=_fault,
        default=[],
        metavar="NAME",
        help="serve with this deliberate bug (repeatable; see --list-faults)",
    )
    parser.add_argument(
        "--list-faults",
        action="store_true",
        help="list the faults --fault can switch on, and exit",
    )
    tests = parser.add_argument_group("for application tests (see the /_mock/ routes)")
    tests.add_argument(
        "--inventory",
        type=Path,
        metavar="FILE",
        help="accounts, owned and available numbers from a JSON or YAML file (replaces --seed's)",
    )
    tests.add_argument(
        "--rate-limit",
        type=_rate,
        metavar="RATE",
        help=(
            "COUNT/s, COUNT/m or COUNT/h: each account may send COUNT requests a second, minute "
            "or hour, then gets 429 with Retry-After (default: none)"
        ),
    )
    tests.add_argument(
        "--journal-size",
        type=non_negative,
        default=1000,
        metavar="N",
        help="requests GET /_mock/journal keeps; 0 turns it off (default: %(default)s)",
    )
    tls = parser.add_argument_group("TLS (the official SDKs speak HTTPS only)")
    add_certificate_options(tls)
    add_test_certificate_options(
        tls,
        tls_help="make a test certificate for 127.0.0.1, ::1 and localhost and print its CA file",
        tls_dir_help="where --tls writes its files (default: a temporary folder removed at exit)",
    )
    limits = parser.add_argument_group("slow and idle clients")
    limits.add_argument(
        "--idle-timeout",
        type=seconds,
        default=ConnectionLimits.idle_timeout,
        metavar="SECONDS",
        help="close a connection idle this long (default: %(default)s)",
    )
    limits.add_argument(
        "--request-timeout",
        type=seconds,
        default=ConnectionLimits.request_timeout,
        metavar="SECONDS",
        help="close a connection whose request takes longer to arrive (default: %(default)s)",
    )
    limits.add_argument(
        "--max-connections",
        type=positive,
        default=ConnectionLimits.max_connections,
        metavar="N",
        help="open connections at most; the longest idle one makes room (default: %(default)s)",
    )
    parser.add_argument(
        "--log-level",
        choices=["critical", "error", "warning", "info", "debug"],
        default="info",
        help="uvicorn log level (default: %(default)s)",
    )
    return parser


def settings_from_args(args: argparse.Namespace) -> MockSettings:
    """MockSettings from parsed arguments; ValueError for inconsistent accounts or inventory."""
    from numbers_mock.state.seeding import load_inventory

    accounts: tuple[Account, ...] = tuple(args.account) if args.account else DEFAULT_ACCOUNTS
    accounts += tuple(args.subaccount)
    inventory = None
    if args.inventory is not None:
        inventory = load_inventory(args.inventory, accounts)
        if inventory.accounts is not None:
            if args.account or args.subaccount:
                raise ValueError(
                    f"{args.inventory} names its accounts: leave out --account and --subaccount"
                )
            accounts = inventory.accounts
    return MockSettings(
        spec_path=args.spec,
        overlay_path=args.overlay,
        seed=args.seed,
        database=args.database,
        accounts=accounts,
        inventory=inventory,
        max_body_bytes=args.max_body_bytes,
        rate_limit=args.rate_limit,
        journal_size=args.journal_size,
    )


def variant_from_args(args: argparse.Namespace) -> FaultVariant | None:
    """The fault catalogue's variant for the `--fault` options (None without any).

    The command line is where the catalogue meets the mock: the core takes any variant and knows
    no fault.
    """
    from numbers_mock.faults import fault_variant

    return fault_variant(args.fault) if args.fault else None


def limits_from_args(args: argparse.Namespace) -> ConnectionLimits:
    """The connection limits the options ask for."""
    return ConnectionLimits(
        idle_timeout=args.idle_timeout,
        request_timeout=args.request_timeout,
        max_connections=args.max_connections,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `numbers-mock` and `python -m numbers_mock`: 0, or SystemExit(2)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.list_faults:
        print(fault_table())
        return 0
    try:
        check_tls_options(args)
        settings = settings_from_args(args)
        limits = limits_from_args(args)
    except ValueError as exc:
        parser.error(str(exc))
    from numbers_mock.app import create_app
    from numbers_mock.core.document import DocumentError
    from numbers_mock.server.serving import ServerOptions, listening_socket, run_server
    from numbers_mock.state.store import StoreError

    # Bound before the app is built: an address in use is known at once.
    try:
        listener = listening_socket(args.host, args.port)
    except OSError as exc:
        parser.error(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
    with (
        contextlib.closing(listener),
        tls_files(args, make_test_certificate, "numbers-mock-tls-") as tls,
    ):
        try:
            if tls is not None:
                tls.check()
            app = create_app(settings, variant_from_args(args))
        except (DocumentError, StoreError, ValueError) as exc:
            parser.error(str(exc))
        if tls is not None and tls.ca_file is not None:
            # Printed before serving, so a script can read it while the server runs.
            print(f"numbers-mock: CA certificate for clients: {tls.ca_file}", flush=True)
        options = ServerOptions(tls, limits)
        with contextlib.suppress(KeyboardInterrupt):
            run_server(app, args.host, args.port, args.log_level, options, listener=listener)
    return 0


def fault_table() -> str:
    """The fault catalogue as aligned text: name, category, what it breaks."""
    from numbers_mock.faults import CATALOGUE

    rows = [("fault", "category", "what it breaks")]
    rows += [(f.name, str(f.category), f.description) for f in CATALOGUE.values()]
    widths = [max(len(row[column]) for row in rows) for column in range(2)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:2], widths, strict=True))
        + "  "
        + row[2]
        for row in rows
    )


def _fault(text: str) -> str:
    from numbers_mock.faults import UnknownFaultError, check_fault_names

    try:
        check_fault_names([text])
    except UnknownFaultError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _rate(text: str) -> RateLimit | None:
    try:
        return parse_rate(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _account(text: str) -> Account:
    api_key, colon, api_secret = text.partition(":")
    if not colon or not api_key or not api_secret:
        # The text is not echoed: it may hold a secret.
        raise argparse.ArgumentTypeError("expected KEY:SECRET with both parts non-empty")
    return Account(api_key, api_secret)


def _subaccount(text: str) -> Account:
    parent, _, rest = text.partition(":")
    account = _account(rest)
    if not parent:
        raise argparse.ArgumentTypeError("expected PARENT:KEY:SECRET with all parts non-empty")
    return Account(account.api_key, account.api_secret, parent=parent)
