"""What an answer must mean, beyond its shape: pure rules, one function per check.

Each rule takes the query as it was sent (name -> values) and the answer body already in JSON shape,
and returns the violations it finds as sentences a person can act on (an empty list means the answer
is fine). A rule only judges filters whose sent value is well formed: an ill-formed one is the
schema checks' business (`negative_data_rejection`), and guessing what it should have meant would be
noise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Query = Mapping[str, Sequence[str]]

DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 100
NUMBER_TYPES = frozenset({"landline", "mobile-lvn", "landline-toll-free"})
FEATURES = frozenset({"SMS", "VOICE", "MMS"})
# The shown example list is at most this long, so a message stays readable on a large page.
_MAX_SHOWN = 5


def single_value(query: Query, name: str) -> str | None:
    """The one value sent for `name`; None when absent or repeated (repeated is ambiguous)."""
    values = query.get(name)
    if values is None or len(values) != 1:
        return None
    return values[0]


def page_numbers(body: Any) -> list[Mapping[str, Any]]:
    """The number objects on a list page (`{}` is an empty page, as the real service sends it)."""
    if not isinstance(body, Mapping):
        return []
    numbers = body.get("numbers")
    if not isinstance(numbers, list):
        return []
    return [number for number in numbers if isinstance(number, Mapping)]


def page_size(query: Query) -> int | None:
    """The page size the request asked for (default 10), or None when it is not a usable size."""
    raw = single_value(query, "size")
    if raw is None:
        return None if "size" in query else DEFAULT_PAGE_SIZE
    try:
        size = int(raw)
    except ValueError:
        return None
    # Sizes below 1 or above the maximum are not pages the document defines; nothing to hold them
    # to.
    return size if 1 <= size <= MAX_PAGE_SIZE else None


def matches_pattern(msisdn: str, pattern: str, strategy: int) -> bool:
    """`search_pattern` semantics: 0 starts with, 1 contains, 2 ends with (on the E.164 digits)."""
    if strategy == 0:
        return msisdn.startswith(pattern)
    if strategy == 1:
        return pattern in msisdn
    return msisdn.endswith(pattern)


def pattern_in(msisdn: str, strategy: int, length: int = 5) -> str:
    """A piece of `msisdn` that `search_pattern=strategy` must find it by: its start (0), a piece
    of its middle (1) or its end (2).
    """
    if strategy == 0:
        return msisdn[:length]
    if strategy == 2:
        return msisdn[-length:]
    middle = max(0, (len(msisdn) - length) // 2)
    return msisdn[middle : middle + length]


def _search_strategy(query: Query) -> int | None:
    raw = single_value(query, "search_pattern")
    if raw is None:
        return None if "search_pattern" in query else 0
    return int(raw) if raw in ("0", "1", "2") else None


def _describe(number: Mapping[str, Any]) -> str:
    return str(number.get("msisdn", "<no msisdn>"))


def _report(rule: str, offenders: list[str]) -> list[str]:
    if not offenders:
        return []
    shown = ", ".join(offenders[:_MAX_SHOWN])
    more = f" and {len(offenders) - _MAX_SHOWN} more" if len(offenders) > _MAX_SHOWN else ""
    return [f"{rule}: {shown}{more}"]


def _common_filter_violations(query: Query, numbers: list[Mapping[str, Any]]) -> list[str]:
    violations: list[str] = []
    country = single_value(query, "country")
    if country is not None and len(country) == 2:
        wanted = country.upper()
        offenders = [
            f"{_describe(n)} is {n.get('country')!r}"
            for n in numbers
            if str(n.get("country", "")).upper() != wanted
        ]
        violations += _report(f"country={country} returned numbers of another country", offenders)
    pattern = single_value(query, "pattern")
    strategy = _search_strategy(query)
    if pattern is not None and strategy is not None:
        how = ("starting with", "containing", "ending with")[strategy]
        offenders = [
            _describe(n)
            for n in numbers
            if not matches_pattern(str(n.get("msisdn", "")), pattern, strategy)
        ]
        violations += _report(
            f"pattern={pattern!r} search_pattern={strategy} asked for numbers {how} it, got",
            offenders,
        )
    return violations


def search_filter_violations(query: Query, body: Any) -> list[str]:
    """Search results must obey country, type, features and pattern/search_pattern."""
    numbers = page_numbers(body)
    violations = _common_filter_violations(query, numbers)
    number_type = single_value(query, "type")
    if number_type in NUMBER_TYPES:
        offenders = [
            f"{_describe(n)} is {n.get('type')!r}" for n in numbers if n.get("type") != number_type
        ]
        violations += _report(f"type={number_type} returned numbers of another type", offenders)
    features = single_value(query, "features")
    if features is not None:
        wanted = set(features.split(","))
        if wanted <= FEATURES:
            offenders = [
                f"{_describe(n)} has {n.get('features')!r}"
                for n in numbers
                if not wanted <= set(_strings(n.get("features")))
            ]
            violations += _report(
                f"features={features} returned numbers lacking a requested feature", offenders
            )
    return violations


def _strings(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def linked_applications(number: Mapping[str, Any]) -> set[str]:
    """Applications a number is linked to: `app_id`, or the deprecated `app` callback pairs."""
    linked: set[str] = set()
    if isinstance(number.get("app_id"), str) and number["app_id"]:
        linked.add(number["app_id"])
    for kind, value in (
        ("messagesCallbackType", "messagesCallbackValue"),
        ("voiceCallbackType", "voiceCallbackValue"),
    ):
        if number.get(kind) == "app" and isinstance(number.get(value), str) and number[value]:
            linked.add(number[value])
    return linked


def owned_filter_violations(query: Query, body: Any) -> list[str]:
    """Owned numbers obey country, pattern/search_pattern, application_id, has_application."""
    numbers = page_numbers(body)
    violations = _common_filter_violations(query, numbers)
    application_id = single_value(query, "application_id")
    if application_id is not None:
        offenders = [
            f"{_describe(n)} is linked to {sorted(linked_applications(n)) or 'nothing'}"
            for n in numbers
            if application_id not in linked_applications(n)
        ]
        violations += _report(
            f"application_id={application_id!r} returned numbers of other applications", offenders
        )
    has_application = single_value(query, "has_application")
    if has_application in ("true", "false"):
        wanted = has_application == "true"
        offenders = [_describe(n) for n in numbers if bool(linked_applications(n)) != wanted]
        state = "without" if wanted else "with"
        violations += _report(
            f"has_application={has_application} returned numbers {state} an application",
            offenders,
        )
    return violations


def page_size_violations(query: Query, body: Any) -> list[str]:
    """A page holds at most `size` numbers (default 10)."""
    size = page_size(query)
    numbers = page_numbers(body)
    if size is None or len(numbers) <= size:
        return []
    return [f"page holds {len(numbers)} numbers, more than size={size}"]


def count_violations(body: Any) -> list[str]:
    """`count` is the total number of matches: at least the number of numbers on the page."""
    numbers = page_numbers(body)
    if not isinstance(body, Mapping) or not numbers:
        return []
    count = body.get("count")
    if count is None:
        return [f"page holds {len(numbers)} numbers but the answer has no count"]
    if isinstance(count, int) and not isinstance(count, bool) and count < len(numbers):
        return [f"count={count} is less than the {len(numbers)} numbers on the page"]
    return []


def error_code_violations(status_code: int, body: Any) -> list[str]:
    """The real service's `error-code` is the HTTP status, as a string ("420", not 420)."""
    if not isinstance(body, Mapping) or "error-code" not in body:
        return []
    code = body["error-code"]
    if code != str(status_code):
        return [
            f"error-code is {code!r}, expected {str(status_code)!r} (the HTTP status, as a string)"
        ]
    return []
