"""Scripted answers: "the next K requests to operation X (of account A) answer S, or wait T ms".

For application tests that need the service to refuse (420), throttle (429), fail (500) or be slow
on purpose. A script is set and cleared over HTTP (`/_mock/scripts`); each matching request uses
up one of its `count`, and a used-up script is gone. Scripts apply in the order they were set.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from numbers_mock.controls.throttle import too_many_requests
from numbers_mock.core.replies import METHOD_FAILED, Reply, status_reply

__all__ = ["SCRIPTABLE_STATUSES", "Script", "ScriptBook", "ScriptError"]

SCRIPTABLE_STATUSES: Mapping[int, Reply] = {
    420: METHOD_FAILED,
    429: too_many_requests(1),
    500: status_reply(500, "internal error"),
}
ANY_OPERATION = "*"
_MAX_DELAY_MS = 60_000
_MAX_COUNT = 10_000


class ScriptError(ValueError):
    """A script that cannot be set; `fields` names each bad field, as a 400 body does."""

    def __init__(self, fields: Mapping[str, str]) -> None:
        super().__init__(", ".join(f"{name}: {message}" for name, message in fields.items()))
        self.fields = dict(fields)


@dataclass
class Script:
    """The next `count` requests to `operation` (of `account`, or of anyone) answer `status`, or
    are answered normally after `delay_ms` milliseconds."""

    operation: str
    count: int
    account: str | None = None
    status: int | None = None
    delay_ms: int | None = None

    def matches(self, operation_id: str, api_key: str) -> bool:
        """Whether a request of `api_key` to `operation_id` uses this script."""
        return (self.operation in (ANY_OPERATION, operation_id)) and (
            self.account is None or self.account == api_key
        )

    def as_json(self) -> dict[str, Any]:
        """The script as `GET /_mock/scripts` shows it."""
        shown: dict[str, Any] = {"operation": self.operation, "count": self.count}
        for name in ("account", "status", "delay_ms"):
            value = getattr(self, name)
            if value is not None:
                shown[name] = value
        return shown

    @classmethod
    def from_json(cls, data: object, operations: Iterable[str]) -> Script:
        """A script from a `POST /_mock/scripts` body; `ScriptError` naming each bad field."""
        if not isinstance(data, Mapping):
            raise ScriptError({"body": "Must be a JSON object."})
        known = {*operations, ANY_OPERATION}
        errors: dict[str, str] = {}
        unknown = sorted(set(data) - {"operation", "count", "account", "status", "delay_ms"})
        for name in unknown:
            errors[str(name)] = "Is not a script field."
        operation = data.get("operation")
        if operation not in known:
            errors["operation"] = "Must be one of: " + ", ".join(sorted(known)) + "."
        count = data.get("count", 1)
        if not _integer(count) or not 1 <= count <= _MAX_COUNT:
            errors["count"] = f"Must be an integer from 1 to {_MAX_COUNT}."
        account = data.get("account")
        if account is not None and (not isinstance(account, str) or not account):
            errors["account"] = "Must be an api key."
        status, delay = data.get("status"), data.get("delay_ms")
        if (status is None) == (delay is None):
            errors.setdefault("status", "Give either status or delay_ms.")
        if status is not None and status not in SCRIPTABLE_STATUSES:
            errors["status"] = "Must be one of: 420, 429, 500."
        if delay is not None and (not _integer(delay) or not 0 <= delay <= _MAX_DELAY_MS):
            errors["delay_ms"] = f"Must be an integer from 0 to {_MAX_DELAY_MS}."
        if errors:
            raise ScriptError(errors)
        return cls(str(operation), int(count), account, status, delay)


def _integer(value: object) -> bool:
    # bool is an int to Python, not to a JSON reader.
    return isinstance(value, int) and not isinstance(value, bool)


class ScriptBook:
    """The scripts set and not yet used up."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._scripts: list[Script] = []

    def add(self, script: Script) -> None:
        """Set `script`, after those already set."""
        with self._lock:
            self._scripts.append(script)

    def take(self, operation_id: str, api_key: str) -> Script | None:
        """The first script this request uses (one of its count used up), or None."""
        if not self._scripts:  # the usual case, without taking the lock
            return None
        with self._lock:
            for position, script in enumerate(self._scripts):
                if script.matches(operation_id, api_key):
                    script.count -= 1
                    if script.count == 0:
                        del self._scripts[position]
                    return Script(
                        script.operation, 1, script.account, script.status, script.delay_ms
                    )
        return None

    def pending(self) -> list[dict[str, Any]]:
        """Every script still set, as JSON."""
        with self._lock:
            return [script.as_json() for script in self._scripts]

    def clear(self, account: str | None = None) -> int:
        """Forget every script (of `account` only, when given); how many were forgotten."""
        with self._lock:
            kept = [s for s in self._scripts if account is not None and s.account != account]
            forgotten = len(self._scripts) - len(kept)
            self._scripts = kept
            return forgotten
