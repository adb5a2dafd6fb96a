"""The server under test: the embedded mock by default, or any URL with its credentials."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from numbers_api_client import AuthenticatedClient

from contract_tests.run.options import DEFAULT_REQUEST_DEADLINE, HarnessOptions
from contract_tests.safety.answer_judge import AnswerJudge
from contract_tests.safety.layer import RequestGate, gated_client_args, tls_hint


@dataclass(frozen=True)
class Target:
    """Where requests go and who they are sent as. Never printed with its secret."""

    base_url: str
    api_key: str = field(repr=False)
    api_secret: str = field(repr=False)
    embedded: bool
    # A second, unrelated account (None when the run was given none).
    other_auth: tuple[str, str] | None = field(default=None, repr=False)
    # Every request to the target goes through it (deadline, size cap, rate, money rules).
    gate: RequestGate | None = field(default=None, repr=False, compare=False)
    # Judges every answer the tests' clients receive (None: answers are not judged).
    judge: AnswerJudge | None = field(default=None, repr=False, compare=False)

    def _client_args(self, judged: bool | AnswerJudge = True) -> dict[str, Any]:
        """`httpx.Client` arguments: the gate as transport, the deadline as every timeout, and
        the judge on every answer (but for the run's own bookkeeping: snapshot, clean-up)."""
        args: dict[str, Any] = (
            {"timeout": httpx.Timeout(DEFAULT_REQUEST_DEADLINE)}
            if self.gate is None
            else dict(gated_client_args(self.gate))
        )
        judge = judged if isinstance(judged, AnswerJudge) else self.judge if judged else None
        if judge is not None:
            args["event_hooks"] = {"response": [judge]}
        return args

    def _generated_client_args(self, judged: bool | AnswerJudge = True) -> dict[str, Any]:
        # The generated client takes its timeout apart from the other httpx arguments.
        args = self._client_args(judged)
        return {"timeout": args.pop("timeout"), "httpx_args": args}

    @property
    def auth(self) -> tuple[str, str]:
        return (self.api_key, self.api_secret)

    def describe(self) -> str:
        return f"embedded mock at {self.base_url}" if self.embedded else self.base_url

    def client(self, judged: bool | AnswerJudge = True) -> AuthenticatedClient:
        """A generated client for this target (JSON answers; odd statuses are not raised).

        Its answers are judged by the target's judge; `judged=False` for the clean-up after the
        run (a broken answer there must not stop it), or another judge (the snapshot's).
        """
        return AuthenticatedClient(
            base_url=self.base_url,
            api_key=self.api_key,
            api_secret=self.api_secret,
            **self._generated_client_args(judged),
        )

    def other_client(self) -> AuthenticatedClient | None:
        """A generated client for the second account, when the run has one."""
        if self.other_auth is None:
            return None
        return AuthenticatedClient(
            base_url=self.base_url,
            api_key=self.other_auth[0],
            api_secret=self.other_auth[1],
            **self._generated_client_args(),
        )

    def http(self, judged: bool | AnswerJudge = True) -> httpx.Client:
        """A plain HTTP client with the target's credentials, for what the client cannot send
        (`judged=False`: its answers are judged by the caller, as for a deliberately invalid
        request, which the judgement of valid ones would misread)."""
        return httpx.Client(base_url=self.base_url, auth=self.auth, **self._client_args(judged))

    def reset(self) -> None:
        """Empty the embedded mock's state (its admin endpoint); a no-op for any other target.

        The endpoint is outside the API document and must never be sent to a server we do not own.
        """
        if not self.embedded:
            return
        args = self._client_args(judged=False)
        with httpx.Client(base_url=self.base_url, auth=self.auth, **args) as http:
            http.post("/_mock/reset").raise_for_status()


def check_reachable(base_url: str, timeout: float, tls: ssl.SSLContext | bool = True) -> None:
    """Refuse the run, in one line, when nothing answers HTTP at `base_url`.

    Any HTTP answer counts (a 404 for `/` included): this only turns a wrong URL or a server that
    is down into a usage error, instead of the same connection failure in every test. `tls` is
    httpx's `verify` (the run passes its own context, `RequestGate.tls_context`).
    """
    try:
        with httpx.Client(timeout=timeout, verify=tls) as http, http.stream("GET", base_url):
            # The status line is enough; the body is not read (it could be anything).
            pass
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        hint = tls_hint(error)
        cause = "" if hint else f": {type(error).__name__}: {error or 'no answer'}"
        raise pytest.UsageError(f"cannot reach --target-url {base_url}{cause}{hint}") from None


def check_embedded_mock_installed() -> None:
    """Refuse the run, in one line, when there is no --target-url and no mock to embed.

    The harness alone (`numbers-toolkit[harness]`) leaves the mock's server dependencies out.
    """
    try:
        # The names the embedded mock is started with: each imports the server it needs.
        from numbers_mock import create_app, serve_in_thread  # noqa: F401
    except ImportError as error:
        raise pytest.UsageError(
            f"no --target-url, and the embedded mock cannot start ({error}): "
            "pass --target-url URL, or install numbers-toolkit[mock] beside the harness"
        ) from None


@contextmanager
def open_target(
    options: HarnessOptions, gate: RequestGate | None = None, judge: AnswerJudge | None = None
) -> Iterator[Target]:
    """The target the options name; the embedded mock is a fresh server for the block."""
    if options.target_url is not None:
        yield Target(
            options.target_url,
            options.api_key,
            options.api_secret,
            embedded=False,
            other_auth=options.other_auth,
            gate=gate,
            judge=judge,
        )
        return
    # Imported here: a run against a URL does not need the mock's dependencies loaded.
    from numbers_mock import create_app, serve_in_thread

    app = create_app()
    try:
        with serve_in_thread(app) as base_url:
            yield Target(
                base_url.rstrip("/"),
                options.api_key,
                options.api_secret,
                embedded=True,
                other_auth=options.other_auth,
                gate=gate,
                judge=judge,
            )
    finally:
        app.close()
