"""The harness's command-line options: registered on pytest, read back into one typed value.

`nox -s contract -- OPTIONS` forwards OPTIONS to pytest, so both ways of running take the same
options.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest

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


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("contract", "Numbers API contract harness")
    group.addoption(
        "--target-url",
        default=None,
        help="Base URL of the server to test (default: start the embedded mock).",
    )
    group.addoption(
        "--api-key",
        default=None,
        help=f"API key for --target-url (default: ${ENV_API_KEY}). Never printed.",
    )
    group.addoption(
        "--api-secret",
        default=None,
        help=f"API secret for --target-url (default: ${ENV_API_SECRET}). Never printed.",
    )
    group.addoption(
        "--other-api-key",
        default=None,
        help=(
            "Key of a second, unrelated account on --target-url, to check that accounts do not see "
            f"or touch each other's numbers (default: ${ENV_OTHER_API_KEY}; the mock has one)."
        ),
    )
    group.addoption(
        "--other-api-secret",
        default=None,
        help=f"Secret of that account (default: ${ENV_OTHER_API_SECRET}). Never printed.",
    )
    group.addoption(
        "--allow-purchases",
        action="store_true",
        default=False,
        help="Run buy, cancel and update against --target-url (buying spends real money).",
    )
    group.addoption(
        "--max-purchases",
        type=int,
        default=DEFAULT_MAX_PURCHASES,
        help=f"Most numbers one run may buy on --target-url (default {DEFAULT_MAX_PURCHASES}).",
    )
    group.addoption(
        "--request-deadline",
        type=float,
        default=DEFAULT_REQUEST_DEADLINE,
        help="Seconds one request may take in all: connect, send and the whole answer "
        f"(default {DEFAULT_REQUEST_DEADLINE:g}).",
    )
    group.addoption(
        "--max-answer-bytes",
        type=int,
        default=DEFAULT_MAX_ANSWER_BYTES,
        help=f"Largest answer read, JSON or XML (default {DEFAULT_MAX_ANSWER_BYTES}).",
    )
    group.addoption(
        "--breaker-after",
        type=int,
        default=DEFAULT_BREAKER_AFTER,
        help="Requests in a row without an answer (or still throttled) after which the rest of "
        f"the run is skipped (default {DEFAULT_BREAKER_AFTER}).",
    )
    group.addoption(
        "--html-report",
        default=None,
        metavar="PATH",
        help="Also write a single-file HTML report there: per operation what was exercised, "
        "every failure with its curl replay (credentials masked).",
    )
    group.addoption(
        "--json-report",
        default=None,
        metavar="PATH",
        help="Also write the run record there as JSON (schema: contract_tests/reporting/"
        "run-record.schema.json): tests, findings, coverage, checks (credentials masked).",
    )
    group.addoption(
        "--rate-limit",
        default=None,
        help=f"Most requests per second/minute/hour to --target-url, e.g. 5/s, 100/m, or none "
        f"(default {DEFAULT_RATE_LIMIT}; the embedded mock is never limited).",
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
    # None: no limit (always so on the embedded mock).
    rate_limit: Rate | None = None
    html_report: Path | None = None
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

    @classmethod
    def from_pytest(cls, config: pytest.Config) -> HarnessOptions:
        target_url: str | None = config.getoption("target_url")
        api_key: str | None = config.getoption("api_key") or os.environ.get(ENV_API_KEY)
        api_secret: str | None = config.getoption("api_secret") or os.environ.get(ENV_API_SECRET)
        max_purchases: int = config.getoption("max_purchases")
        if max_purchases < 0:
            raise pytest.UsageError("--max-purchases must be 0 or more")
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
        deadline: float = config.getoption("request_deadline", DEFAULT_REQUEST_DEADLINE)
        max_answer_bytes: int = config.getoption("max_answer_bytes", DEFAULT_MAX_ANSWER_BYTES)
        breaker_after: int = config.getoption("breaker_after", DEFAULT_BREAKER_AFTER)
        if not deadline > 0:
            raise pytest.UsageError("--request-deadline must be more than 0 seconds")
        if max_answer_bytes < 1024:
            raise pytest.UsageError("--max-answer-bytes must be at least 1024")
        if breaker_after < 1:
            raise pytest.UsageError("--breaker-after must be 1 or more")
        rate_text: str | None = config.getoption("rate_limit", None)
        try:
            rate = parse_rate(rate_text or DEFAULT_RATE_LIMIT)
        except ValueError as exc:
            raise pytest.UsageError(f"--rate-limit: {exc}") from None
        return cls(
            target_url=target_url.rstrip("/") if target_url else None,
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
            rate_limit=rate if target_url is not None else None,
            html_report=Path(html).absolute()
            if (html := config.getoption("html_report", None))
            else None,
            json_report=Path(json_path).absolute()
            if (json_path := config.getoption("json_report", None))
            else None,
        )


def seed_for(config: pytest.Config) -> int:
    """The run's seed: `--hypothesis-seed` when given, else a fresh one written back into it.

    Writing it back makes Hypothesis (and every xdist worker, which copies the options) use the same
    seed, so the printed `--hypothesis-seed N` replays the run.
    """
    raw = config.getoption("hypothesis_seed", None)
    if raw is not None:
        try:
            return int(raw)
        except ValueError as exc:
            raise pytest.UsageError(f"--hypothesis-seed must be an integer, got {raw!r}") from exc
    seed = random.SystemRandom().randrange(2**32)
    config.option.hypothesis_seed = str(seed)
    return seed
