"""The server under test: the embedded mock by default, or any URL with its credentials."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
import pytest
from numbers_api_client import AuthenticatedClient

from contract_tests.options import HarnessOptions

# Generous for a real service across the internet, still far below pytest's patience.
REQUEST_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class Target:
    """Where requests go and who they are sent as. Never printed with its secret."""

    base_url: str
    api_key: str = field(repr=False)
    api_secret: str = field(repr=False)
    embedded: bool
    # A second, unrelated account (None when the run was given none).
    other_auth: tuple[str, str] | None = field(default=None, repr=False)

    @property
    def auth(self) -> tuple[str, str]:
        return (self.api_key, self.api_secret)

    def describe(self) -> str:
        return f"embedded mock at {self.base_url}" if self.embedded else self.base_url

    def client(self) -> AuthenticatedClient:
        """A generated client for this target (JSON answers; odd statuses are not raised)."""
        return AuthenticatedClient(
            base_url=self.base_url,
            api_key=self.api_key,
            api_secret=self.api_secret,
            timeout=httpx.Timeout(REQUEST_TIMEOUT_SECONDS),
        )

    def other_client(self) -> AuthenticatedClient | None:
        """A generated client for the second account, when the run has one."""
        if self.other_auth is None:
            return None
        return AuthenticatedClient(
            base_url=self.base_url,
            api_key=self.other_auth[0],
            api_secret=self.other_auth[1],
            timeout=httpx.Timeout(REQUEST_TIMEOUT_SECONDS),
        )

    def http(self) -> httpx.Client:
        """A plain HTTP client with the target's credentials, for what the client cannot send."""
        return httpx.Client(base_url=self.base_url, auth=self.auth, timeout=REQUEST_TIMEOUT_SECONDS)

    def reset(self) -> None:
        """Empty the embedded mock's state (its admin endpoint); a no-op for any other target.

        The endpoint is outside the API document and must never be sent to a server we do not own.
        """
        if not self.embedded:
            return
        with self.http() as http:
            http.post("/_mock/reset").raise_for_status()


def check_reachable(base_url: str, timeout: float = 10.0) -> None:
    """Refuse the run, in one line, when nothing answers HTTP at `base_url`.

    Any HTTP answer counts (a 404 for `/` included): this only turns a wrong URL or a server that
    is down into a usage error, instead of the same connection failure in every test.
    """
    try:
        with httpx.Client(timeout=timeout) as http:
            http.get(base_url)
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise pytest.UsageError(f"cannot reach --target-url {base_url}: {error}") from None


@contextmanager
def open_target(options: HarnessOptions) -> Iterator[Target]:
    """The target the options name; the embedded mock is a fresh server for the block."""
    if options.target_url is not None:
        yield Target(
            options.target_url,
            options.api_key,
            options.api_secret,
            embedded=False,
            other_auth=options.other_auth,
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
            )
    finally:
        app.close()
