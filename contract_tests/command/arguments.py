"""`numbers-contract`'s own command line: the harness's options only, then pytest's after `--`.

The options are `run.options.OPTIONS`, the same table pytest registers, so the command and
`pytest contract_tests` take the same names and check values the same way. A mistake is one
line naming the nearest valid choice and exit code 4 (pytest's usage error), never a traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import pytest

from contract_tests.reporting.replay import COMMAND_PLUGINS_OFF
from contract_tests.run.check_switches import named_checks
from contract_tests.run.options import (
    GROUPS,
    OPTIONS,
    check_number,
    check_profile,
    check_rate,
    check_url,
    did_you_mean,
)

PROG = "numbers-contract"
PACKAGE_DIR = Path(__file__).resolve().parents[1]
USAGE_ERROR = int(pytest.ExitCode.USAGE_ERROR)
DESCRIPTION = (
    "Check a Numbers API server against its document and the service's habits: fuzz every "
    "operation, judge every answer, say what broke and how to replay it."
)
EPILOG = (
    "Anything after -- goes to pytest as it is (e.g. -- -n 2, -- --lf). Without --target-url "
    "the embedded mock is tested. Exit codes: 0 nothing failed, 1 a test failed, 2 interrupted, "
    "3 internal error, 4 usage error, 6 credentials refused, 7 not the Numbers API."
)


class CommandError(Exception):
    """A mistake on the command line, said in one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse would print the usage and exit 2; the harness says one line and exits 4.
        raise CommandError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        usage=f"{PROG} [options] [-- pytest options]",
        description=DESCRIPTION,
        epilog=EPILOG,
        allow_abbrev=False,
        formatter_class=lambda prog: argparse.HelpFormatter(prog, max_help_position=30, width=98),
    )
    groups = {key: parser.add_argument_group(title) for key, title in GROUPS.items()}
    for option in OPTIONS:
        group = groups[option.group]
        if option.flag:
            group.add_argument(
                *option.flags, dest=option.dest, action="store_true", help=option.help
            )
        else:
            group.add_argument(
                *option.flags, dest=option.dest, metavar=option.metavar, help=option.help
            )
    return parser


def option_names() -> list[str]:
    return ["-h", "--help", *(flag for option in OPTIONS for flag in option.flags)]


def check_values(values: argparse.Namespace) -> None:
    """The values pytest's side checks too (`HarnessOptions.from_pytest`), checked before pytest
    starts, so a mistake costs no start-up."""
    if values.target_url is not None:
        check_url(values.target_url)
    if values.hypothesis_profile is not None:
        check_profile(values.hypothesis_profile)
    if values.hypothesis_seed is not None:
        check_number("--hypothesis-seed", values.hypothesis_seed, int, 0)
    if values.rate_limit is not None:
        check_rate(values.rate_limit)
    if values.max_purchases is not None:
        check_number("--max-purchases", values.max_purchases, int, 0)
    if values.skip_check is not None:
        named_checks([values.skip_check])
    for name, dest, kind, least in (
        ("--request-deadline", "request_deadline", float, 0.001),
        ("--max-answer-bytes", "max_answer_bytes", int, 1024),
        ("--breaker-after", "breaker_after", int, 1),
    ):
        if getattr(values, dest) is not None:
            check_number(name, getattr(values, dest), kind, least)


def harness_arguments(values: argparse.Namespace) -> list[str]:
    """The options given, as pytest takes them (`--name=value`, flags bare)."""
    arguments: list[str] = []
    for option in OPTIONS:
        value: Any = getattr(values, option.dest)
        if option.flag:
            if value:
                arguments.append(option.flags[0])
        elif value is not None:
            if option.name.startswith("--"):
                arguments.append(f"{option.name}={value}")
            else:
                arguments += [option.name, str(value)]
    return arguments


def pytest_arguments(argv: Sequence[str]) -> list[str]:
    """The pytest command line for `numbers-contract ARGV`; `CommandError` on a mistake."""
    arguments = list(argv)
    split = arguments.index("--") if "--" in arguments else len(arguments)
    own, passed_on = arguments[:split], arguments[split + 1 :]
    parser = build_parser()
    values, unknown = parser.parse_known_args(own)
    if unknown:
        first = unknown[0]
        if first.startswith("-"):
            name = first.split("=", 1)[0]
            # A one-letter option is most likely pytest's (-n, -q, -s): no guess among ours.
            near = did_you_mean(name, option_names()) if name.startswith("--") else ""
            pytests = "pytest's go after --" + ("" if near else f", as in {PROG} -- {name}")
            raise CommandError(
                f"unknown option {name}{near} ({PROG} --help lists the options; {pytests})"
            )
        raise CommandError(
            f"unexpected argument {first!r}: {PROG} takes options only (pytest's go after --)"
        )
    try:
        check_values(values)
    except pytest.UsageError as error:
        raise CommandError(str(error)) from None
    return [
        str(PACKAGE_DIR),
        # The package folder may be read-only (site-packages), and a cache there would outlive
        # the run: pytest's cache is for a developer's checkout, not for this command. Nothing in
        # the current folder either: pytest-benchmark, when installed beside the harness, makes
        # `.benchmarks/` there, and the harness has no benchmarks.
        *(part for plugin in COMMAND_PLUGINS_OFF for part in ("-p", plugin)),
        *harness_arguments(values),
        *passed_on,
    ]
