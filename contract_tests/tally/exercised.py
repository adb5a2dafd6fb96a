"""What a run exercised, per operation: statuses, JSON and XML answers, parameters judged.

Every answer the safety gate lets through is recorded here, whoever sent it (schemathesis, the
generated client, plain httpx), so "passed" can be read against what was actually tried: a filter
only ever answered with an empty list, or an operation that never got past 400, shows.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from contract_tests.judging.document import LIST_OPERATIONS, published_document, resolve

# Paging parameters judge nothing by themselves; the others filter (lists) or describe (changes).
PAGING_PARAMETERS = frozenset({"size", "index"})
# Enough distinct values per parameter to see the spread; the rest are counted.
MAX_VALUES_SHOWN = 6
# A parameter value longer than this is shown cut (fuzzed strings can be long and unprintable).
MAX_VALUE_CHARS = 24


@cache
def declared_parameters(label: str) -> frozenset[str]:
    """The query parameters and form fields the document declares for an operation: the only
    names worth listing as judged (fuzzing also sends made-up ones)."""
    method, path = label.split(" ", 1)
    document = published_document()
    operation = resolve(document, document.get("paths", {}).get(path, {}).get(method.lower(), {}))
    names = {p.get("name") for p in operation.get("parameters", []) if isinstance(p, dict)}
    for media in operation.get("requestBody", {}).get("content", {}).values():
        names |= set(media.get("schema", {}).get("properties", {}))
    return frozenset(name for name in names if isinstance(name, str))


def _is_xml(content_type: str) -> bool:
    return "xml" in content_type.lower()


def holds_numbers(content_type: str, content: bytes) -> bool:
    """Whether a list answer holds at least one number (what a filter can be judged on)."""
    if _is_xml(content_type):
        return b"msisdn" in content
    try:
        body: Any = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return False
    numbers = body.get("numbers") if isinstance(body, dict) else None
    return isinstance(numbers, list) and len(numbers) > 0


def _shown(value: str) -> str:
    printable = "".join(c if c.isprintable() else "?" for c in value)
    return printable if len(printable) <= MAX_VALUE_CHARS else printable[:MAX_VALUE_CHARS] + "..."


@dataclass
class OperationExercise:
    statuses: Counter[int] = field(default_factory=Counter)
    json_answers: int = 0
    xml_answers: int = 0
    # parameter -> the distinct values sent in requests judged on a non-empty answer (lists) or
    # answered 2xx (account changes).
    judged: dict[str, set[str]] = field(default_factory=dict)

    def statuses_text(self) -> str:
        return " ".join(f"{status}x{count}" for status, count in sorted(self.statuses.items()))

    def judged_text(self) -> str:
        parts = []
        for name in sorted(self.judged):
            values = sorted(self.judged[name])
            shown = ",".join(_shown(v) for v in values[:MAX_VALUES_SHOWN])
            more = len(values) - MAX_VALUES_SHOWN
            parts.append(f"{name}={shown}" + (f" (+{more})" if more > 0 else ""))
        return "; ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "statuses": {str(k): v for k, v in self.statuses.items()},
            "json_answers": self.json_answers,
            "xml_answers": self.xml_answers,
            "judged": {k: sorted(v) for k, v in self.judged.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> OperationExercise:
        return cls(
            statuses=Counter({int(k): int(v) for k, v in data.get("statuses", {}).items()}),
            json_answers=int(data.get("json_answers", 0)),
            xml_answers=int(data.get("xml_answers", 0)),
            judged={str(k): set(v) for k, v in data.get("judged", {}).items()},
        )


class Exercised:
    """Per operation label, safe to fill from several threads (the gate sends from workers)."""

    def __init__(self) -> None:
        self._by_label: dict[str, OperationExercise] = {}
        self._lock = threading.Lock()

    def record(
        self,
        label: str,
        url: str,
        form: Mapping[str, list[str]],
        status: int,
        content_type: str,
        content: bytes,
    ) -> None:
        if label in LIST_OPERATIONS:
            judged = status == 200 and holds_numbers(content_type, content)
            parameters = parse_qsl(urlsplit(url).query, keep_blank_values=True)
        else:
            judged = 200 <= status < 300
            parameters = [(name, value) for name, values in form.items() for value in values]
        with self._lock:
            entry = self._by_label.setdefault(label, OperationExercise())
            entry.statuses[status] += 1
            if _is_xml(content_type):
                entry.xml_answers += 1
            elif "json" in content_type.lower():
                entry.json_answers += 1
            if judged:
                for name, value in parameters:
                    if name not in PAGING_PARAMETERS and name in declared_parameters(label):
                        entry.judged.setdefault(name, set()).add(value)

    def by_label(self) -> dict[str, OperationExercise]:
        with self._lock:
            return dict(sorted(self._by_label.items()))
