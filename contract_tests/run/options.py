"""The harness's options: one table (`OPTIONS`) that pytest registers and `numbers-contract`
parses, the checks of their values (one line naming the nearest valid choice), and one typed value
of what a run was told (`HarnessOptions`).

`nox -s contract -- OPTIONS` forwards OPTIONS to pytest, so every way of running takes the same
options.
"""

from __future__ import annotations

import difflib
import ipaddress
import os
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from contract_tests.run.profiles import NO_DATABASE, PROFILE_NAMES
from contract_tests.safety.ratelimit import Rate, parse_rate

ENV_API_KEY = "NUMBERS_API_KEY"
ENV_API_SECRET = "NUMBERS_API_SECRET"
ENV_OTHER_API_KEY = "NUMBERS_OTHER_API_KEY"
ENV_OTHER_API_SECRET = "NUMBERS_OTHER_API_SECRET"
DEFAULT_MAX_PURCHASES = 2
# A whole request (connect, send, the complete answer): generous for a real service far away.
DEFAULT_REQUEST_DEADLINE = 30.0
# A full page (100 numbers with every field) is about 100 KiB in either format.
DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024
DEFAULT_BREAKER_AFTER = 5
# The real service throttles (429) well before the harness's natural pace of ~200 requests/s.
DEFAULT_RATE_LIMIT = "5/s"


# `numbers-contract --help`'s groups, in order.
GROUPS = {
    "target": "target and credentials",
    "purchases": "purchases (a real account: money)",
    "run": "what runs",
    "limits": "limits",
    "tls": "TLS",
    "reports": "reports",
}


@dataclass(frozen=True)
class Option:
    """One option of the harness: how `numbers-contract` and pytest both know it.

    `owner` says who registers it under pytest: the harness (`contract`), Hypothesis' plugin or
    pytest itself; `numbers-contract` lists them all. `secret` options never leave the process in
    an argument list (the replay names the variables instead).
    """

    flags: tuple[str, ...]
    dest: str
    group: str
    help: str
    metavar: str | None = None
    flag: bool = False
    owner: str = "contract"
    secret: bool = False
    # Part of what replays a run (target, money, limits, TLS, generation), unlike reports and
    # test selection, which a replay chooses for itself.
    replays: bool = True
    # A file or folder: made absolute in `user_arguments`, so a replay works from any folder.
    path: bool = False

    @property
    def name(self) -> str:
        return self.flags[-1]


OPTIONS: tuple[Option, ...] = (
    Option(
        ("--target-url",),
        "target_url",
        "target",
        "server to test (default: start the embedded mock)",
        "URL",
    ),
    Option(
        ("--api-key",),
        "api_key",
        "target",
        f"its API key (default ${ENV_API_KEY})",
        "KEY",
        secret=True,
    ),
    Option(
        ("--api-secret",),
        "api_secret",
        "target",
        f"its API secret (default ${ENV_API_SECRET}); never printed",
        "SECRET",
        secret=True,
    ),
    Option(
        ("--other-api-key",),
        "other_api_key",
        "target",
        f"a second, unrelated account (default ${ENV_OTHER_API_KEY}), for the isolation checks",
        "KEY",
        secret=True,
    ),
    Option(
        ("--other-api-secret",),
        "other_api_secret",
        "target",
        f"its secret (default ${ENV_OTHER_API_SECRET})",
        "SECRET",
        secret=True,
    ),
    Option(
        ("--allow-purchases",),
        "allow_purchases",
        "purchases",
        "buy, cancel and update on --target-url (buying spends real money)",
        flag=True,
    ),
    Option(
        ("--max-purchases",),
        "max_purchases",
        "purchases",
        f"most numbers one run may buy (default {DEFAULT_MAX_PURCHASES})",
        "N",
    ),
    Option(
        ("--hypothesis-profile",),
        "hypothesis_profile",
        "run",
        "quick (default), ci (default when $CI is set) or thorough",
        "NAME",
        owner="hypothesis",
    ),
    Option(
        ("--hypothesis-seed",),
        "hypothesis_seed",
        "run",
        "replay a run (its seed is printed in the header)",
        "N",
        owner="hypothesis",
    ),
    Option(
        ("--hypothesis-database",),
        "hypothesis_database",
        "run",
        "keep Hypothesis' failing examples there, or none (default: thorough keeps them in "
        "the user's cache folder)",
        "PATH",
        path=True,
    ),
    Option(
        ("-k",),
        "keyword",
        "run",
        "only the tests matching EXPR (e.g. search, 'not buy')",
        "EXPR",
        owner="pytest",
        replays=False,
    ),
    Option(
        ("-x", "--exitfirst"),
        "exitfirst",
        "run",
        "stop at the first failure",
        flag=True,
        owner="pytest",
        replays=False,
    ),
    Option(
        ("-v", "--verbose"),
        "verbose",
        "run",
        "more detail in failures",
        flag=True,
        owner="pytest",
        replays=False,
    ),
    Option(
        ("--rate-limit",),
        "rate_limit",
        "limits",
        "most requests per second/minute/hour: "
        "5/s, 100/m, none (default: none on loopback, else 5/s)",
        "RATE",
    ),
    Option(
        ("--request-deadline",),
        "request_deadline",
        "limits",
        f"seconds one whole request may take (default {DEFAULT_REQUEST_DEADLINE:g})",
        "S",
    ),
    Option(
        ("--max-answer-bytes",),
        "max_answer_bytes",
        "limits",
        f"largest answer read (default {DEFAULT_MAX_ANSWER_BYTES})",
        "N",
    ),
    Option(
        ("--breaker-after",),
        "breaker_after",
        "limits",
        f"dead requests in a row that end the run (default {DEFAULT_BREAKER_AFTER})",
        "N",
    ),
    Option(
        ("--ca-file",),
        "ca_file",
        "tls",
        "trust the server certificates this CA file signed (PEM)",
        "PATH",
        path=True,
    ),
    Option(
        ("--insecure",),
        "insecure",
        "tls",
        "check no certificate at all (a warning says so)",
        flag=True,
    ),
    Option(
        ("--skip-check",),
        "skip_check",
        "run",
        "leave out the check ID (ID,ID for several; every id: judging/registry.py)",
        "ID",
    ),
    Option(
        ("--junit-xml",),
        "xmlpath",
        "reports",
        "write a JUnit XML report there",
        "PATH",
        owner="pytest",
        replays=False,
    ),
    Option(
        ("--html-report",),
        "html_report",
        "reports",
        "write a single-file HTML report there (failures with their replays)",
        "PATH",
        replays=False,
    ),
    Option(
        ("--json-report",),
        "json_report",
        "reports",
        "write the run record there as JSON (schema: contract_tests/reporting/"
        "run-record.schema.json)",
        "PATH",
        replays=False,
    ),
)


def add_options(parser: pytest.Parser) -> None:
    """Register the harness's own options on pytest (values are checked at `from_pytest`)."""
    group = parser.getgroup("contract", "Numbers API contract harness")
    for option in OPTIONS:
        if option.owner != "contract":
            continue
        if option.flag:
            group.addoption(
                *option.flags,
                action="store_true",
                default=False,
                dest=option.dest,
                help=option.help,
            )
        else:
            group.addoption(
                *option.flags,
                default=None,
                dest=option.dest,
                metavar=option.metavar,
                help=option.help,
            )


def user_arguments(config: pytest.Config) -> list[str]:
    """The harness options this run was given, as an argument list, credentials left out.

    What a replay of the run passes on (target, purchases, limits, TLS, profile, database); the
    seed is the run's own (`--hypothesis-seed` settles it at configuration). Reports and test
    selection are left out: a replay chooses its own.
    """
    arguments: list[str] = []
    for option in OPTIONS:
        if option.secret or not option.replays:
            continue
        value = config.getoption(option.dest, None)
        if option.flag:
            if value:
                arguments.append(option.name)
        elif value is not None:
            if option.path and str(value).lower() != NO_DATABASE:
                value = Path(value).absolute()
            arguments.append(f"{option.name}={value}")
    return arguments


def did_you_mean(given: str, choices: Iterable[str]) -> str:
    """`: did you mean X?` for the choice nearest `given`, or nothing when none is near."""
    near = difflib.get_close_matches(given, list(choices), n=1, cutoff=0.5)
    return f": did you mean {near[0]}?" if near else ""


def check_profile(name: str, source: str = "--hypothesis-profile") -> str:
    """A profile name, or a one-line UsageError naming the nearest one."""
    if name not in PROFILE_NAMES:
        raise pytest.UsageError(
            f"{source} {name!r} is not a profile{did_you_mean(name, PROFILE_NAMES)} "
            f"(profiles: {', '.join(PROFILE_NAMES)})"
        )
    return name


def check_rate(text: str) -> Rate | None:
    try:
        return parse_rate(text)
    except ValueError:
        count = "".join(ch for ch in text if ch.isdigit()) or "5"
        candidates = [f"{count}/s", f"{count}/m", f"{count}/h", "none"]
        hint = did_you_mean(text.strip().lower(), candidates) or ": e.g. 5/s, 100/m or none"
        raise pytest.UsageError(
            f"--rate-limit {text!r} is not COUNT/s, COUNT/m, COUNT/h or none{hint}"
        ) from None


def check_url(text: str) -> str:
    """An absolute http(s) URL with a host, or a one-line UsageError suggesting one."""
    parts = urlsplit(text.strip())
    if parts.scheme in ("http", "https") and parts.hostname:
        return text.strip().rstrip("/")
    if not parts.scheme or not parts.netloc:
        bare = text.strip().split("://")[-1].lstrip("/")
        # A server on this machine most likely speaks plain HTTP; any other, HTTPS.
        suggestion = ("http://" if is_loopback("http://" + bare) else "https://") + bare
    else:
        scheme = difflib.get_close_matches(parts.scheme, ["http", "https"], n=1, cutoff=0.0)[0]
        suggestion = urlunsplit((scheme, *parts[1:]))
    raise pytest.UsageError(
        f"--target-url {text!r} is not an http(s) URL: did you mean {suggestion}?"
    )


# A valid value to show next to a wrong one: each option's default.
NUMBER_EXAMPLES: dict[str, object] = {
    "--max-purchases": DEFAULT_MAX_PURCHASES,
    "--request-deadline": f"{DEFAULT_REQUEST_DEADLINE:g}",
    "--max-answer-bytes": DEFAULT_MAX_ANSWER_BYTES,
    "--breaker-after": DEFAULT_BREAKER_AFTER,
    "--hypothesis-seed": 1234,
}


def check_number(name: str, raw: object, kind: type[int] | type[float], least: float) -> Any:
    """`raw` as an int or float of at least `least`, or a one-line UsageError with an example."""
    try:
        value = kind(str(raw).strip())
    except ValueError:
        value = None
    if value is None or not value >= least:
        what = "a whole number" if kind is int else "a number"
        bound = f"{least:g} or more" if kind is int or least == 0 else f"at least {least:g}"
        example = f" (e.g. {name} {NUMBER_EXAMPLES[name]})" if name in NUMBER_EXAMPLES else ""
        raise pytest.UsageError(f"{name} must be {what}, {bound}; got {raw!r}{example}")
    return value


def is_loopback(url: str) -> bool:
    """Whether `url` names this machine: localhost, 127.0.0.0/8 or ::1."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def rate_for(target_url: str | None, given: str | None) -> tuple[Rate | None, str]:
    """The run's rate limit and why: as given, none on this machine, the default elsewhere."""
    rate = check_rate(given) if given is not None else None
    if target_url is None:
        return None, "the embedded mock is never limited"
    if given is not None:
        return rate, "--rate-limit"
    if is_loopback(target_url):
        return None, "a loopback target is not limited by default; --rate-limit sets one"
    return (
        check_rate(DEFAULT_RATE_LIMIT),
        "the default for a target on another machine; --rate-limit changes it",
    )


@dataclass(frozen=True)
class HarnessOptions:
    """Everything the harness was told; `target_url=None` means the embedded mock."""

    target_url: str | None
    api_key: str = field(repr=False)
    api_secret: str = field(repr=False)
    allow_purchases: bool
    max_purchases: int
    seed: int
    # A second, unrelated account; without one the isolation checks are skipped.
    other_api_key: str | None = field(default=None, repr=False)
    other_api_secret: str | None = field(default=None, repr=False)
    request_deadline: float = DEFAULT_REQUEST_DEADLINE
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES
    breaker_after: int = DEFAULT_BREAKER_AFTER
    # None: no limit (always so on the embedded mock); and why that limit applies.
    rate_limit: Rate | None = None
    rate_reason: str = "the embedded mock is never limited"
    html_report: Path | None = None
    # TLS for every request of the run: a CA file to trust, or no check at all.
    ca_file: Path | None = None
    insecure: bool = False
    # `--hypothesis-database` as given: a path, `none`, or None (the profile's choice).
    hypothesis_database: str | None = None
    # The harness options the run was given, credentials left out (`user_arguments`).
    given: tuple[str, ...] = ()
    json_report: Path | None = None

    @property
    def embedded(self) -> bool:
        return self.target_url is None

    @property
    def auth(self) -> tuple[str, str]:
        return (self.api_key, self.api_secret)

    @property
    def other_auth(self) -> tuple[str, str] | None:
        if self.other_api_key and self.other_api_secret:
            return (self.other_api_key, self.other_api_secret)
        return None

    @property
    def tls_verify(self) -> bool | str:
        """What requests and httpx take as `verify`: a CA file, False, or the system's CAs."""
        if self.insecure:
            return False
        return str(self.ca_file) if self.ca_file is not None else True

    @classmethod
    def from_pytest(cls, config: pytest.Config) -> HarnessOptions:
        """The options, each value checked: a bad one is a one-line `pytest.UsageError`."""
        raw_url: str | None = config.getoption("target_url")
        target_url = check_url(raw_url) if raw_url is not None else None
        api_key: str | None = config.getoption("api_key") or os.environ.get(ENV_API_KEY)
        api_secret: str | None = config.getoption("api_secret") or os.environ.get(ENV_API_SECRET)
        max_purchases = check_number(
            "--max-purchases", _or(config, "max_purchases", DEFAULT_MAX_PURCHASES), int, 0
        )
        other_api_key: str | None = config.getoption("other_api_key", None) or os.environ.get(
            ENV_OTHER_API_KEY
        )
        other_api_secret: str | None = config.getoption("other_api_secret", None) or os.environ.get(
            ENV_OTHER_API_SECRET
        )
        if target_url is None:
            # The embedded mock's own public test accounts, from the mock that owns them; imported
            # here because a run against a URL needs none of the mock's dependencies.
            from numbers_mock import OTHER_ACCOUNT, PRIMARY_ACCOUNT

            api_key = api_key or PRIMARY_ACCOUNT.api_key
            api_secret = api_secret or PRIMARY_ACCOUNT.api_secret
            other_api_key = other_api_key or OTHER_ACCOUNT.api_key
            other_api_secret = other_api_secret or OTHER_ACCOUNT.api_secret
        elif not api_key or not api_secret:
            raise pytest.UsageError(
                f"--target-url needs credentials: set {ENV_API_KEY} and {ENV_API_SECRET} "
                "(or pass --api-key and --api-secret)"
            )
        deadline = check_number(
            "--request-deadline",
            _or(config, "request_deadline", DEFAULT_REQUEST_DEADLINE),
            float,
            0.001,
        )
        max_answer_bytes = check_number(
            "--max-answer-bytes",
            _or(config, "max_answer_bytes", DEFAULT_MAX_ANSWER_BYTES),
            int,
            1024,
        )
        breaker_after = check_number(
            "--breaker-after", _or(config, "breaker_after", DEFAULT_BREAKER_AFTER), int, 1
        )
        rate, rate_reason = rate_for(target_url, config.getoption("rate_limit", None))
        ca_text: str | None = config.getoption("ca_file", None)
        ca_file = Path(ca_text).absolute() if ca_text else None
        if ca_file is not None and not ca_file.is_file():
            raise pytest.UsageError(f"--ca-file {ca_text}: no such file")
        insecure = bool(config.getoption("insecure", False))
        if insecure and ca_file is not None:
            raise pytest.UsageError("--insecure checks no certificate: drop it or --ca-file")
        return cls(
            target_url=target_url,
            api_key=api_key,
            api_secret=api_secret,
            allow_purchases=bool(config.getoption("allow_purchases")),
            max_purchases=max_purchases,
            seed=seed_for(config),
            other_api_key=other_api_key,
            other_api_secret=other_api_secret,
            request_deadline=deadline,
            max_answer_bytes=max_answer_bytes,
            breaker_after=breaker_after,
            rate_limit=rate,
            rate_reason=rate_reason,
            html_report=Path(html).absolute()
            if (html := config.getoption("html_report", None))
            else None,
            ca_file=ca_file,
            insecure=insecure,
            hypothesis_database=config.getoption("hypothesis_database", None),
            given=tuple(user_arguments(config)),
            json_report=Path(json_path).absolute()
            if (json_path := config.getoption("json_report", None))
            else None,
        )


def _or(config: pytest.Config, name: str, default: object) -> object:
    value = config.getoption(name, None)
    return default if value is None else value


# The key under which the controller hands its seed to each xdist worker (`workerinput`).
WORKER_SEED = "contract_seed"


def seed_for(config: pytest.Config) -> int:
    """The run's seed: the xdist controller's on a worker, else `--hypothesis-seed` when given,
    else a fresh one; written back into `--hypothesis-seed` either way.

    Writing it back makes Hypothesis use the same seed, so the printed `--hypothesis-seed N`
    replays the run; the controller hands it to each worker (`plugin.pytest_configure_node`),
    whose own options would otherwise draw another.
    """
    worker_input = getattr(config, "workerinput", None)
    raw = config.getoption("hypothesis_seed", None)
    if isinstance(worker_input, dict) and worker_input.get(WORKER_SEED) is not None:
        raw = str(worker_input[WORKER_SEED])
    if raw is not None:
        try:
            seed = int(raw)
        except ValueError:
            raise pytest.UsageError(f"--hypothesis-seed must be an integer, got {raw!r}") from None
    else:
        seed = random.SystemRandom().randrange(2**32)
    config.option.hypothesis_seed = str(seed)
    return seed
