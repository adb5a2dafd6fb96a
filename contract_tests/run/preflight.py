"""The pre-flight: before any test, is the target the Numbers API, and are the credentials good?

A run against the wrong server or with a wrong secret used to fuzz for a minute and read as passes
(every answer a 401 or a 404). Before collection, with a handful of requests through the run's
safety layer (so within `--rate-limit`, and counted), the pre-flight reads the owned list once per
account the run was given:

- the target must answer it with a status the document lists for it (200, 401, or the overlay's
  400), in a media type it lists (JSON or XML) or at least with a JSON or XML body: a plain file
  server's 404 page is not the API, JSON labelled `text/plain` is the API with a fault;
- a 401 there means the credentials are refused, whatever else the target would do.

Either ends the run at once with one line and an exit code of its own (`CREDENTIALS_REFUSED`,
`NOT_THIS_API`), outside pytest's 0 to 5. Anything else (a 5xx, a 429 still there after the
retries, a 400) is left to the tests, which judge it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import httpx

from contract_tests.judging.document import OWNED
from contract_tests.judging.violations import Violation
from contract_tests.run.options import (
    ENV_API_KEY,
    ENV_API_SECRET,
    ENV_OTHER_API_KEY,
    ENV_OTHER_API_SECRET,
    HarnessOptions,
)
from contract_tests.safety.layer import RequestGate, gated_client_args

# Exit codes of a run the pre-flight ends (pytest's own are 0 to 5).
CREDENTIALS_REFUSED = 6
NOT_THIS_API = 7
# What the owned list may answer on the Numbers API, whatever the account (the overlay adds 400).
API_STATUSES = (200, 400, 401)
API_MEDIA_TYPES = ("application/json", "text/xml")
UNAUTHORIZED = 401
SERVER_ERROR = 500
THROTTLED = 429
OWNED_PATH = OWNED.split(" ", 1)[1]


@dataclass(frozen=True)
class Account:
    """Credentials to check, and how the user sets them (for the one line of a refusal)."""

    key: str
    secret: str
    set_by: str


@dataclass(frozen=True)
class Stop:
    """Why the run ends before its tests: the exit code and the one line that says so."""

    code: int
    line: str


def media_type(response: httpx.Response) -> str:
    value: str = response.headers.get("content-type", "")
    return value.split(";", 1)[0].strip().lower()


def reads_as_api_body(content: bytes) -> bool:
    """Whether a body is JSON or XML, as the API's are (an HTML page is neither).

    An answer of the API under the wrong label (JSON sent as `text/plain`) is the API with a
    fault, which the tests report; a web server's page is not the API at all.
    """
    text = content.lstrip()
    if text.startswith(b"<"):
        head = text[:64].lower()
        return not (head.startswith(b"<!doctype html") or head.startswith(b"<html"))
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


def judge_owned_answer(response: httpx.Response, base_url: str, account: Account) -> Stop | None:
    """The stop an owned-list answer calls for, or None (the run goes on)."""
    status = response.status_code
    if status == UNAUTHORIZED:
        return Stop(
            CREDENTIALS_REFUSED,
            f"credentials refused: {OWNED} at {base_url} answered 401; set {account.set_by}",
        )
    if status >= SERVER_ERROR or status == THROTTLED:
        return None
    kind = media_type(response) or "no content type"
    if status not in API_STATUSES or not (
        kind in API_MEDIA_TYPES or reads_as_api_body(response.content)
    ):
        return Stop(
            NOT_THIS_API,
            f"{base_url} does not look like the Numbers API: {OWNED} answered {status} "
            f"({kind}); the API answers 200 or 401 in application/json or text/xml "
            "(check --target-url, with any path prefix)",
        )
    return None


def preflight(base_url: str, accounts: list[Account], gate: RequestGate) -> Stop | None:
    """Read the owned list once per account through `gate`; the stop it calls for, or None.

    A request the gate cannot get answered (deadline, connection) stops nothing here: the tests
    meet the same silence, and the gate's circuit breaker ends the run after a few of them.
    """
    for account in accounts:
        try:
            with httpx.Client(
                base_url=base_url,
                auth=(account.key, account.secret),
                headers={"Accept": "application/json"},
                **gated_client_args(gate),
            ) as http:
                response = http.get(OWNED_PATH)
        except Violation:
            return None
        stop = judge_owned_answer(response, base_url, account)
        if stop is not None:
            return stop
    return None


def accounts_of(options: HarnessOptions) -> list[Account]:
    """The run's accounts, each with the variables and options that set it."""
    accounts = [
        Account(
            options.api_key,
            options.api_secret,
            f"{ENV_API_KEY} and {ENV_API_SECRET} (or --api-key and --api-secret)",
        )
    ]
    if options.other_auth is not None:
        accounts.append(
            Account(
                *options.other_auth,
                f"{ENV_OTHER_API_KEY} and {ENV_OTHER_API_SECRET} "
                "(or --other-api-key and --other-api-secret) for the second account",
            )
        )
    return accounts


def run_preflight(options: HarnessOptions, gate: RequestGate) -> Stop | None:
    """The pre-flight of a run against --target-url (the embedded mock needs none)."""
    if options.target_url is None:
        return None
    return preflight(options.target_url, accounts_of(options), gate)
