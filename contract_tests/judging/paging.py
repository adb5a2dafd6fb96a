"""Walking a list page by page: each number once, full pages until the last, a steady `count`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from contract_tests.judging.answers import json_body
from contract_tests.judging.redaction import Redactor
from contract_tests.judging.semantics import page_numbers

# Bounds the walk on a huge pool; past it only what was seen is judged (no completeness claim).
MAX_PAGES = 40


@dataclass
class Walk:
    """What a walk through a list saw, and what was wrong with it."""

    size: int
    counts: list[int | None] = field(default_factory=list)
    msisdns: list[str] = field(default_factory=list)
    page_lengths: list[int] = field(default_factory=list)
    complete: bool = False
    problems: list[str] = field(default_factory=list)


def walk(
    http: httpx.Client, path: str, params: Mapping[str, str], size: int, redactor: Redactor
) -> Walk:
    """Request pages 1, 2, ... of `path` until a page is empty or short.

    `count` does not end the walk: stopping once `count` numbers came would trust the very figure
    the walk checks (a `count` that is only the page's length would end it after one page). When
    the last page is exactly full, this costs one more request, for an empty page.
    """
    result = Walk(size=size)
    for index in range(1, MAX_PAGES + 1):
        response = http.get(
            path,
            params={**params, "size": str(size), "index": str(index)},
            headers={"Accept": "application/json"},
        )
        if response.status_code != 200:
            result.problems.append(
                f"page {index} answered {response.status_code}: "
                f"{redactor.excerpt(response.content)!r}"
            )
            return result
        body: Any = json_body(response, f"GET {path} page {index}", redactor)
        count = body.get("count") if isinstance(body, Mapping) else None
        numbers = [str(number.get("msisdn")) for number in page_numbers(body)]
        result.counts.append(count if isinstance(count, int) else None)
        result.page_lengths.append(len(numbers))
        result.msisdns.extend(numbers)
        if not numbers or len(numbers) < size:
            result.complete = True
            break
    result.problems.extend(judge(result))
    return result


def judge(result: Walk) -> list[str]:
    """The paging rules, applied to what a walk saw."""
    problems: list[str] = []
    seen: set[str] = set()
    repeated: set[str] = set()
    for msisdn in result.msisdns:
        (repeated if msisdn in seen else seen).add(msisdn)
    if repeated:
        problems.append(
            f"numbers returned on more than one page (or twice on one): {sorted(repeated)[:10]}"
        )
    if any(length > result.size for length in result.page_lengths):
        problems.append(f"a page held more than size={result.size}: lengths {result.page_lengths}")
    counts = {count for count in result.counts if count is not None}
    if len(counts) > 1:
        problems.append(f"count changed while paging: {result.counts}")
    # Every page but the last is full when there is more to come.
    short = [i + 1 for i, length in enumerate(result.page_lengths[:-1]) if length < result.size]
    if short:
        problems.append(f"pages {short} were short although later pages followed")
    if result.complete and len(counts) == 1:
        total = counts.pop()
        if total != len(result.msisdns):
            problems.append(
                f"count={total}, but paging to the end returned {len(result.msisdns)} numbers"
            )
    return problems
