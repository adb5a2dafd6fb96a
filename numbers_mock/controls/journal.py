"""The request journal: what the mock received, for application tests to read back.

Bounded: the oldest entries go once `size` are kept. Recording is cheap (a tuple of what the
request already holds); the parameters are decoded, and the credentials in them masked, only when
the journal is read. The Authorization header is never kept; an entry names the account by its
api key (the mock's keys are configuration, printed by `--help`), never by its secret.
"""

from __future__ import annotations

import collections
import threading
import time
from typing import Any
from urllib.parse import parse_qsl

from numbers_mock.core.redaction import REDACTED, SENSITIVE_PARAMETERS

__all__ = ["Journal"]

# (unix time, method, path, query string, body or None, operationId, api key or None, status)
_Entry = tuple[float, str, str, bytes, bytes | None, str, str | None, int]


class Journal:
    """The last `size` requests to the document's operations."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a journal keeps at least one entry")
        self.size = size
        self._lock = threading.Lock()
        self._entries: collections.deque[_Entry] = collections.deque(maxlen=size)

    def record(
        self,
        method: str,
        path: str,
        query: bytes,
        body: bytes | None,
        operation_id: str,
        api_key: str | None,
        status: int,
    ) -> None:
        """Keep one request and the status it was answered with."""
        # deque.append is atomic: no lock on the hot path.
        self._entries.append(
            (time.time(), method, path, query, body, operation_id, api_key, status)
        )

    def entries(
        self, account: str | None = None, operation: str | None = None
    ) -> list[dict[str, Any]]:
        """The entries, oldest first, as JSON (credentials masked), optionally filtered."""
        with self._lock:
            kept = list(self._entries)
        return [
            _as_json(entry)
            for entry in kept
            if (account is None or entry[6] == account)
            and (operation is None or entry[5] == operation)
        ]

    def clear(self) -> None:
        """Forget every entry."""
        with self._lock:
            self._entries.clear()


def _as_json(entry: _Entry) -> dict[str, Any]:
    at, method, path, query, body, operation_id, api_key, status = entry
    shown: dict[str, Any] = {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(at)) + f".{int(at % 1 * 1000):03d}Z",
        "method": method,
        "path": path,
        "operation": operation_id,
        "account": api_key,
        "status": status,
        "query": _fields(query),
    }
    if body is not None:
        shown["form"] = _fields(body)
    return shown


def _fields(raw: bytes) -> dict[str, str | list[str]]:
    """Decoded fields; a repeated name lists its values; credentials masked."""
    fields: dict[str, str | list[str]] = {}
    text = raw.decode("utf-8", "replace")
    for name, value in parse_qsl(text, keep_blank_values=True):
        shown = REDACTED if name in SENSITIVE_PARAMETERS else value
        previous = fields.get(name)
        if previous is None:
            fields[name] = shown
        elif isinstance(previous, list):
            previous.append(shown)
        else:
            fields[name] = [previous, shown]
    return fields
