"""The mock's state in SQLite: which numbers exist, who owns them, how they are configured.

In memory by default; in a file when asked, so a restarted server finds the numbers bought before.
Every change is one guarded `UPDATE` (`... WHERE owner IS NULL` for a purchase) whose row count
says whether it happened, so two buyers of one number cannot both succeed, even from two processes
sharing the file. What never changes about a number (country, type, features, prices) is read into
memory once; owners and settings are always read from SQLite.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from numbers_mock.core.replies import SharedMapping
from numbers_mock.state.inventory import InventoryNumber, generate_inventory
from numbers_mock.state.queries import NumberQuery, feature_mask

if TYPE_CHECKING:
    from numbers_mock.state.seeding import Inventory

__all__ = ["NumberStore", "Page", "StoreError"]

_SCHEMA_VERSION = "2"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS numbers (
    msisdn TEXT PRIMARY KEY,
    country TEXT NOT NULL,
    type TEXT NOT NULL,
    features TEXT NOT NULL, -- comma-separated, as the API spells combinations
    feature_mask INTEGER NOT NULL,
    limitations TEXT NOT NULL,
    cost TEXT NOT NULL,
    initial_price TEXT NOT NULL,
    owner TEXT,
    -- What update sets, keyed by the document's field names: a field a newer document adds is
    -- stored without a schema change.
    settings TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS numbers_by_owner ON numbers (owner, country, msisdn);
"""


class StoreError(RuntimeError):
    """The database cannot be used as asked (say, it was made with another seed)."""


@dataclass(frozen=True)
class Page:
    """One page of matches: `count` is the total number of matches, not the page length.

    The numbers are shared with the store and with other pages (an available number is the same
    `SharedMapping` in every page, an owned one shares its inner lists): read-only.
    """

    count: int
    numbers: list[dict[str, Any]] = field(default_factory=list)


class NumberStore:
    """Numbers, their owners and their settings, behind one SQLite connection."""

    def __init__(
        self, database: Path | None, seed: int, inventory: Inventory | None = None
    ) -> None:
        """A store of the seed's numbers, or of `inventory`'s (with their owners and settings)."""
        self.seed = seed
        self.inventory = inventory
        # What the database file records it was made from.
        self._origin = str(seed) if inventory is None else inventory.label
        self._lock = threading.Lock()
        try:
            # Autocommit: each statement is its own transaction unless one is opened explicitly.
            self._db = sqlite3.connect(
                ":memory:" if database is None else str(database),
                isolation_level=None,
                check_same_thread=False,
                timeout=10.0,
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {database}: {exc}") from None
        try:
            self._db.executescript(_SCHEMA)
            self._adopt_or_fill()
            self._facts = self._load_facts()
        except sqlite3.Error as exc:
            self._db.close()
            raise StoreError(f"cannot use database {database}: {exc}") from None
        except BaseException:
            self._db.close()
            raise

    def reset(self) -> None:
        """Forget every purchase and setting: the pool is the seed's inventory again."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("DELETE FROM numbers")
                self._fill()
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        """Close the connection (a file database keeps its state for the next store)."""
        with self._lock:
            self._db.close()

    def search_available(self, query: NumberQuery) -> Page:
        """Numbers nobody owns that match `query`."""
        return self._page("owner IS NULL", [], query, owned=False)

    def list_owned(self, owner: str, query: NumberQuery) -> Page:
        """Numbers `owner` owns that match `query`."""
        return self._page("owner = ?", [owner], query, owned=True)

    def buy(self, owner: str, country: str, msisdn: str) -> bool:
        """Give an unowned number to `owner`; False when it is not available in that country."""
        return self._change(
            "UPDATE numbers SET owner = ?, settings = '{}' "
            "WHERE msisdn = ? AND country = ? AND owner IS NULL",
            [owner, msisdn, country],
        )

    def cancel(self, owner: str, country: str, msisdn: str) -> bool:
        """Return one of `owner`'s numbers to the pool, its settings forgotten."""
        return self._change(
            "UPDATE numbers SET owner = NULL, settings = '{}' "
            "WHERE msisdn = ? AND country = ? AND owner = ?",
            [msisdn, country, owner],
        )

    def update(self, owner: str, country: str, msisdn: str, changes: Mapping[str, str]) -> bool:
        """Merge `changes` into the settings of one of `owner`'s numbers; "" removes a field."""
        # json_patch (RFC 7396) deletes keys patched with null, in the same single statement.
        patch = {name: (value if value != "" else None) for name, value in changes.items()}
        return self._change(
            "UPDATE numbers SET settings = json_patch(settings, ?) "
            "WHERE msisdn = ? AND country = ? AND owner = ?",
            [json.dumps(patch), msisdn, country, owner],
        )

    def initial_price(self, msisdn: str) -> str | None:
        """What buying `msisdn` costs (None for a number the store does not have)."""
        facts = self._facts.get(msisdn)
        return None if facts is None else str(facts[0]["initialPrice"])

    def owner_of(self, msisdn: str) -> str | None:
        """Who owns `msisdn` (None for a number in the pool or unknown)."""
        with self._lock:
            row = self._db.execute(
                "SELECT owner FROM numbers WHERE msisdn = ?", [msisdn]
            ).fetchone()
        return None if row is None else row[0]

    def snapshot(self) -> list[tuple[Any, ...]]:
        """Every row, in msisdn order: two equal snapshots mean nothing changed."""
        with self._lock:
            return self._db.execute("SELECT * FROM numbers ORDER BY msisdn").fetchall()

    def _page(self, scope: str, scope_args: list[object], query: NumberQuery, owned: bool) -> Page:
        clauses, args = query.where()
        where = " AND ".join([scope, *clauses])
        with self._lock:
            (count,) = self._db.execute(
                f"SELECT COUNT(*) FROM numbers WHERE {where}", [*scope_args, *args]
            ).fetchone()
            # Checked in Python: a huge index must give an empty page, not an SQLite overflow.
            if query.offset >= count:
                return Page(count)
            rows = self._db.execute(
                f"SELECT msisdn, settings FROM numbers WHERE {where} "
                "ORDER BY msisdn LIMIT ? OFFSET ?",
                [*scope_args, *args, query.size, query.offset],
            ).fetchall()
        if owned:
            # Settings first so that a stored field can never hide the number's identity.
            return Page(
                count, [{**_settings(settings), **self._facts[m][1]} for m, settings in rows]
            )
        return Page(count, [self._facts[msisdn][0] for msisdn, _ in rows])

    def _load_facts(self) -> dict[str, tuple[SharedMapping, dict[str, Any]]]:
        """What never changes about a number, as (available answer, owned answer without settings).

        Read once: only owners and settings change, and those are always read from SQLite.
        """
        facts = {}
        for row in self._db.execute(
            "SELECT msisdn, country, type, features, limitations, cost, initial_price FROM numbers"
        ):
            msisdn, country, type_, features, limitations, cost, initial_price = row
            number = {
                "country": country,
                "msisdn": msisdn,
                "type": type_,
                "features": features.split(",") if features else [],
                "limitations": json.loads(limitations),
            }
            available = SharedMapping(number, initialPrice=initial_price, cost=cost)
            facts[msisdn] = (available, number)
        return facts

    def _change(self, sql: str, args: list[object]) -> bool:
        with self._lock:
            return self._db.execute(sql, args).rowcount == 1

    def _adopt_or_fill(self) -> None:
        # IMMEDIATE: two servers starting on one new file must not both fill it.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
            if not meta:
                self._db.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [("schema_version", _SCHEMA_VERSION), ("seed", self._origin)],
                )
                self._fill()
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        if meta and meta.get("schema_version") != _SCHEMA_VERSION:
            raise StoreError(f"database schema version {meta.get('schema_version')!r} is unknown")
        if meta and meta.get("seed") != self._origin:
            raise StoreError(
                f"database was made from {_origin_name(meta.get('seed'))}, "
                f"not {_origin_name(self._origin)}: use that one, or another database file"
            )

    def _fill(self) -> None:
        owners: Mapping[str, str] = {}
        settings: Mapping[str, Mapping[str, str]] = {}
        numbers: Sequence[InventoryNumber]
        if self.inventory is None:
            numbers = generate_inventory(self.seed)
        else:
            numbers = self.inventory.numbers
            owners, settings = self.inventory.owners, self.inventory.settings
        self._db.executemany(
            "INSERT INTO numbers (msisdn, country, type, features, feature_mask, limitations, "
            "cost, initial_price, owner, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    number.msisdn,
                    number.country,
                    number.type,
                    ",".join(number.features),
                    feature_mask(number.features),
                    json.dumps([limitation.as_json() for limitation in number.limitations]),
                    number.cost,
                    number.initial_price,
                    owners.get(number.msisdn),
                    json.dumps(dict(settings.get(number.msisdn, {}))),
                )
                for number in numbers
            ],
        )


def _origin_name(origin: str | None) -> str:
    if origin is not None and origin.startswith("inventory"):
        return f"an inventory file ({origin})"
    return f"seed {origin}"


def _settings(text: str) -> dict[str, Any]:
    # Most numbers have no settings: skip the parser for those.
    settings: dict[str, Any] = {} if text == "{}" else json.loads(text)
    return settings
