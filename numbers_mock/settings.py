"""Settings of one mock server: document, accounts, seed, where the state lives, test controls."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from numbers_mock.controls.throttle import RateLimit
from numbers_mock.state.accounts import DEFAULT_ACCOUNTS, Account

if TYPE_CHECKING:
    from numbers_mock.state.seeding import Inventory

from numbers_openapi import document_path, overlay_path

__all__ = ["TEST_APPLICATION_IDS", "MockSettings", "default_overlay_path", "default_spec_path"]


# Application ids that tests link numbers to: the mock takes any UUID, and these two are the ones
# every test and benchmark uses, so that listings and journals read the same everywhere.
TEST_APPLICATION_IDS = (
    "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
    "bbbbbbbb-bbbb-cccc-dddd-0123456789ab",
)


def default_spec_path() -> Path:
    """The vendored API document, as installed with the toolkit (`numbers_openapi`)."""
    return document_path()


def default_overlay_path() -> Path:
    """The overlay that says what the service answers beyond its document (numbers_openapi/)."""
    return overlay_path()


@dataclass(frozen=True)
class MockSettings:
    """Everything that makes one mock server differ from another.

    `database=None` keeps the state in memory (lost when the app goes away); a path keeps it in a
    SQLite file, so a new app on the same file sees the numbers bought before. `overlay_path` (an
    OpenAPI Overlay, by default numbers_openapi/overlay.yaml, which the client is generated with
    too) is applied to the document, so answers the service gives beyond it (420 on cancel and
    update, 400 field errors, 429) are shaped by the same file; None reads the document as
    published. The same `seed` always gives the same inventory of available numbers; `inventory`
    (`--inventory FILE`) replaces it with a file's numbers, owners and settings. `rate_limit`
    throttles each account (429 past it); `journal_size` bounds the request journal (0 turns it
    off). Deliberate faults are no setting: they are a variant given to `create_app`
    (`numbers_mock.faults`).
    """

    spec_path: Path = field(default_factory=default_spec_path)
    overlay_path: Path | None = field(default_factory=default_overlay_path)
    seed: int = 0
    database: Path | None = None
    accounts: tuple[Account, ...] = DEFAULT_ACCOUNTS
    max_body_bytes: int = 16 * 1024
    rate_limit: RateLimit | None = None
    journal_size: int = 1000
    inventory: Inventory | None = None

    def __post_init__(self) -> None:
        if self.max_body_bytes < 1:
            raise ValueError("max_body_bytes must be at least 1")
        if self.journal_size < 0:
            raise ValueError("journal_size must be 0 (off) or more")
        _check_accounts(self.accounts)
        if self.inventory is not None:
            keys = {account.api_key for account in self.accounts}
            strangers = sorted(set(self.inventory.owners.values()) - keys)
            if strangers:
                raise ValueError(f"the inventory's owners are not accounts: {', '.join(strangers)}")


def _check_accounts(accounts: tuple[Account, ...]) -> None:
    keys = [account.api_key for account in accounts]
    if not accounts:
        raise ValueError("at least one account is needed")
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate api keys: {', '.join(duplicates)}")
    by_key = {account.api_key: account for account in accounts}
    for account in accounts:
        if not account.api_key or not account.api_secret:
            raise ValueError("api keys and secrets must not be empty")
        if ":" in account.api_key:
            # HTTP basic splits "key:secret" at the first colon, so a key can never contain one.
            raise ValueError(f"api key {account.api_key!r} must not contain ':'")
        if account.balance is not None:
            _check_balance(account)
        if account.parent is None:
            continue
        parent = by_key.get(account.parent)
        if parent is None:
            raise ValueError(
                f"subaccount {account.api_key!r} names unknown parent {account.parent!r}"
            )
        if parent.parent is not None:
            raise ValueError(
                f"subaccount {account.api_key!r} has a parent that is itself a subaccount"
            )


def _check_balance(account: Account) -> None:
    try:
        balance = Decimal(account.balance or "")
    except InvalidOperation:
        balance = Decimal(-1)
    if not balance.is_finite() or balance < 0:
        raise ValueError(
            f"balance of {account.api_key!r} must be a non-negative amount like '10.00'"
        )
