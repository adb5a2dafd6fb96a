"""The verdict, run as a user runs it (`numbers-contract` in a subprocess, servers on 127.0.0.1):
the pre-flight's one line and exit code, a stocking that reports what the server did wrong instead
of raising, and the decisive probes that fail a faulty server within a few dozen requests.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import pytest
from starlette.middleware.base import RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp

from contract_tests.run.preflight import CREDENTIALS_REFUSED, NOT_THIS_API
from numbers_mock import DEFAULT_ACCOUNTS, PRIMARY_ACCOUNT, MockSettings, create_app
from numbers_mock.faults import fault_variant
from numbers_mock.state.seeding import parse_inventory
from tests.contract_tests import hostile, wrappers
from tests.contract_tests.account import broken
from tests.contract_tests.conftest import HarnessRun, RunHarness
from tests.contract_tests.runs_support import MOCK_CREDENTIALS

Serve = Callable[[ASGIApp], str]
STOCKING = "stocking (real target, within the cap)"
PROBES = "decisive probes"
JSON = "application/json;charset=UTF-8"
# The probes' first failure comes within a few dozen requests (the pre-flight's one included).
PROBE_REQUESTS_BOUND = 60
Rewrite = Callable[[Request, bytes], Awaitable[bytes | None]]

KEY, SECRET = "sekritkey77", "sekritpass99"
# On an idle machine the refusal comes within 5 s (start-up included); this bound leaves room for a
# busy one, and is still far from the minute such a run used to take.
PREFLIGHT_BOUND_SECONDS = 20.0


def assert_one_line_stop(run: HarnessRun, code: int, words: tuple[str, ...]) -> str:
    """The run ended with `code` and one line holding `words`, without a traceback; that line."""
    assert run.returncode == code, run.output
    assert "Traceback" not in run.output and "INTERNALERROR" not in run.output, run.output
    lines = [line for line in run.output.splitlines() if line.strip()]
    assert len(lines) == 1, run.output
    for word in words:
        assert word in lines[0], lines[0]
    assert SECRET not in run.output
    return lines[0]


@pytest.mark.parametrize(
    ("behaviour", "code", "words"),
    [
        pytest.param(
            hostile.refuses_credentials,
            CREDENTIALS_REFUSED,
            ("credentials refused", "NUMBERS_API_KEY", "NUMBERS_API_SECRET", "--api-secret"),
            id="credentials-refused",
        ),
        pytest.param(
            hostile.file_server,
            NOT_THIS_API,
            ("does not look like the Numbers API", "404", "text/html"),
            id="file-server",
        ),
    ],
)
def test_the_preflight_ends_a_hopeless_run_in_one_line(
    run_harness: RunHarness,
    behaviour: hostile.Behaviour,
    code: int,
    words: tuple[str, ...],
) -> None:
    with hostile.hostile_server(behaviour) as server:
        run = run_harness(
            "--target-url",
            server.url,
            env={"NUMBERS_API_KEY": KEY, "NUMBERS_API_SECRET": SECRET},
            installed=True,
        )
        sent = server.api_requests()
    assert_one_line_stop(run, code, words)
    # One owned-list read, then nothing: no test ran.
    assert [(method, path.split("?")[0]) for _, method, path in sent] == [
        ("GET", "/account/numbers")
    ]
    assert run.duration < PREFLIGHT_BOUND_SECONDS, run.duration


def owning_inventory() -> MockSettings:
    """A small inventory in which the primary account owns one GB number before the run."""
    number = {"type": "mobile-lvn", "features": ["SMS", "VOICE"], "cost": "0.50"}
    data = {
        "available": [
            {**number, "country": "GB", "msisdn": "447700900001"},
            {**number, "country": "GB", "msisdn": "447700900003"},
            {**number, "country": "US", "msisdn": "12025550101"},
        ],
        "owned": [
            {**number, "owner": PRIMARY_ACCOUNT.api_key, "country": "GB", "msisdn": "447700900002"}
        ],
    }
    return MockSettings(inventory=parse_inventory(data, "test inventory", DEFAULT_ACCOUNTS))


def test_stocking_reports_what_the_server_did_wrong_once(
    run_harness: RunHarness, serve: Serve
) -> None:
    # The search offers the number the account owns, and a buy of it would be answered 200.
    mock = create_app(
        owning_inventory(), fault_variant(["search-offers-owned", "buy-owned-again-succeeds"])
    )
    run = run_harness(
        "--target-url",
        serve(mock),
        "--rate-limit=none",
        "--allow-purchases",
        "-k",
        "test_stocking or owned_filters",
        env=MOCK_CREDENTIALS,
        installed=True,
    )
    assert run.returncode == 1, run.output
    assert "Traceback" not in run.output and "HeldBack" not in run.output, run.output
    # Reported once, by the first test that works on the stock; the other one passes.
    assert "1 failed, 1 passed" in run.stdout.splitlines()[-1], run.output
    assert " ERROR " not in run.stdout, run.output
    assert "offered 447700900002, which the account owns (not bought again)" in run.stdout
    assert "search_excludes_owned: 1" in run.summary_row("stocked filters GET /account/numbers")
    assert " passed " in run.summary_row(STOCKING)


@pytest.mark.parametrize(
    ("middleware", "check"),
    [
        pytest.param(
            broken.rewriting(broken.offers_nothing), "search_offers_numbers", id="offers-nothing"
        ),
        pytest.param(broken.q_values_ignored, "accept_q_values", id="q-values"),
    ],
)
def test_the_probes_fail_a_broken_server_within_a_few_dozen_requests(
    run_harness: RunHarness, serve: Serve, middleware: wrappers.Middleware, check: str
) -> None:
    run = run_harness(
        "--target-url",
        serve(wrappers.behind(middleware)),
        "--rate-limit=none",
        "-x",
        env=MOCK_CREDENTIALS,
        installed=True,
    )
    assert run.returncode == 1, run.output
    assert "Traceback" not in run.output, run.output
    assert f"{check}: 1" in run.summary_row(PROBES)
    sent = re.search(r"^first failure: after (\d+) requests \(decisive probes\)$", run.stdout, re.M)
    assert sent is not None, run.stdout
    assert int(sent[1]) <= PROBE_REQUESTS_BOUND, sent[0]
    # Switched off, the same check finds nothing: the probes pass.
    if check == "accept_q_values":
        again = run_harness(
            "--target-url",
            serve(wrappers.behind(middleware)),
            "--rate-limit=none",
            f"--skip-check={check}",
            "-k",
            "probes",
            env=MOCK_CREDENTIALS,
            installed=True,
        )
        assert again.returncode == 0, again.output
        assert " passed " in again.summary_row(PROBES)


def test_a_test_that_judged_nothing_does_not_pass(run_harness: RunHarness, serve: Serve) -> None:
    async def refuse_searches(request: Request, call_next: RequestResponseEndpoint) -> Response:
        # The mock itself refuses them, in the format asked for: the credentials are made wrong.
        if request.url.path == "/number/search":
            request.scope["headers"] = [
                (name, b"Basic d3Jvbmc6d3Jvbmc=" if name == b"authorization" else value)
                for name, value in request.scope["headers"]
            ]
        return await call_next(request)

    run = run_harness(
        "--target-url",
        serve(wrappers.behind(refuse_searches)),
        "--rate-limit=none",
        "-k",
        "test_operation and search",
        env=MOCK_CREDENTIALS,
        installed=True,
    )
    assert run.returncode == 1, run.output
    row = run.summary_row("GET /number/search")
    assert "failed" in row and "answers_judged: 1" in row, row
    assert "nothing was judged: 401 x" in run.stdout
    assert "the run's credentials refused" in run.stdout
