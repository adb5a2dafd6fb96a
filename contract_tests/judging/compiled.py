"""What judging an answer derives from the document, derived once per process and kept.

Every answer of a run is judged against the same few schemas (an operation's responses, per status
and media type), and a proxy judges every answer of an application's traffic while the application
waits on the same CPU. Resolving an operation's responses, compiling a body's JSON Schema and
finding where its `format: url` values are each took longer than judging the answer itself, so
they are done once: the first answer of each kind pays, the others reuse. What is kept is derived
from read-only documents and depends on nothing else, so one store serves every run of a process.

Entries are keyed by the identity of what they were derived from and hold it, so an id cannot be
reused while its entry lives; the store is bounded (oldest out first), so a process that judges
against many documents (the test suite) does not keep them all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

import jsonschema_rs

from contract_tests.judging.document import JsonObject, resolve
from contract_tests.judging.formats import UrlPlan, url_plan

__all__ = ["DERIVED", "Derived", "compile_schema"]

S = TypeVar("S")
T = TypeVar("T")


def compile_schema(schema: Mapping[str, Any]) -> jsonschema_rs.Draft4Validator:
    """The OpenAPI-only keywords (`xml`, `example`) are annotations the validator ignores, and so
    are formats (`formats.py` finds the `url` ones, the one format this document uses), as the
    Python `jsonschema` did by default."""
    return jsonschema_rs.Draft4Validator(dict(schema), validate_formats=False)


class Derived:
    """Resolved responses per (document, operation), and what each function derives from a schema
    (its validator, its url plan, how its XML reads), each bounded."""

    def __init__(self, limit: int = 512) -> None:
        self._limit = limit
        self._lock = threading.Lock()
        # (id(document), method, path) -> (the document, its resolved responses or None).
        self._responses: dict[tuple[int, str, str], tuple[JsonObject, Mapping[str, Any] | None]]
        self._responses = {}
        # (id(schema), the function) -> (the schema, what the function made of it).
        self._derived: dict[tuple[int, Callable[[Any], Any]], tuple[object, Any]] = {}

    def responses(self, document: JsonObject, method: str, path: str) -> Mapping[str, Any] | None:
        """The operation's resolved responses, or None when the document has no such operation.
        Read-only: shared by every answer to it."""
        key = (id(document), method.lower(), path)
        cached = self._responses.get(key)
        if cached is not None and cached[0] is document:
            return cached[1]
        operation = document.get("paths", {}).get(path, {}).get(method.lower())
        resolved = (
            resolve(document, operation.get("responses", {}))
            if isinstance(operation, Mapping)
            else None
        )
        responses = resolved if isinstance(resolved, Mapping) else None
        self._keep(self._responses, key, (document, responses))
        return responses

    def of(self, schema: S, derive: Callable[[S], T]) -> T:
        """`derive(schema)`, computed once while it is kept. `derive` is a module's function (it
        is part of the key) and the schema is read-only."""
        key = (id(schema), derive)
        cached = self._derived.get(key)
        if cached is not None and cached[0] is schema:
            return cast(T, cached[1])
        derived = derive(schema)
        self._keep(self._derived, key, (schema, derived))
        return derived

    def validator(self, schema: Mapping[str, Any]) -> jsonschema_rs.Draft4Validator:
        """`schema` compiled."""
        return self.of(schema, compile_schema)

    def urls(self, schema: Mapping[str, Any]) -> UrlPlan | None:
        """Where `schema` puts `format: url` values."""
        return self.of(schema, url_plan)

    def _keep(self, store: dict[Any, Any], key: Any, value: Any) -> None:
        # The proxy may judge in more than one thread: a lock keeps the eviction from racing.
        with self._lock:
            while len(store) >= self._limit:
                del store[next(iter(store))]
            store[key] = value


# The one store of the process (see the module's docstring: derived data, no run state).
DERIVED = Derived()
