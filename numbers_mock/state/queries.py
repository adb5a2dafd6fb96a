"""Search and list filters, and the SQL `WHERE` clause they become."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from numbers_mock.state.inventory import FEATURE_SETS

__all__ = ["FEATURE_BITS", "NumberQuery", "feature_mask"]

FEATURE_BITS: Mapping[str, int] = {
    name: 1 << position
    for position, name in enumerate(dict.fromkeys(f for features in FEATURE_SETS for f in features))
}
# A feature the inventory does not know (say, one a newer document adds) matches no number.
_UNKNOWN_FEATURE_BIT = 1 << 30

STARTS_WITH, CONTAINS, ENDS_WITH = 0, 1, 2


def feature_mask(features: frozenset[str] | tuple[str, ...]) -> int:
    """The bit mask of a set of features."""
    mask = 0
    for feature in features:
        mask |= FEATURE_BITS.get(feature, _UNKNOWN_FEATURE_BIT)
    return mask


@dataclass(frozen=True)
class NumberQuery:
    """The filters and page of a search or list, as the document's parameters describe them."""

    country: str | None = None
    type: str | None = None
    features: frozenset[str] = frozenset()
    pattern: str | None = None
    search_pattern: int = STARTS_WITH
    application_id: str | None = None
    has_application: bool | None = None
    size: int = 10
    index: int = 1

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> NumberQuery:
        """The query for validated parameters (defaults already applied by validation)."""
        features = params.get("features")
        return cls(
            country=params.get("country"),
            type=params.get("type"),
            features=frozenset(features.split(",")) if features else frozenset(),
            pattern=params.get("pattern"),
            search_pattern=params.get("search_pattern", STARTS_WITH),
            application_id=params.get("application_id"),
            has_application=params.get("has_application"),
            size=params.get("size", 10),
            index=params.get("index", 1),
        )

    @property
    def offset(self) -> int:
        """How many matches come before the requested page (index is 1-based)."""
        return (self.index - 1) * self.size

    def where(self) -> tuple[list[str], list[object]]:
        """SQL conditions (to be joined with AND) and their parameters."""
        clauses: list[str] = []
        args: list[object] = []
        if self.country is not None:
            clauses.append("country = ?")
            args.append(self.country)
        if self.type is not None:
            clauses.append("type = ?")
            args.append(self.type)
        if self.features:
            # A number matches when it supports every requested feature (and maybe more).
            mask = feature_mask(self.features)
            clauses.append("(feature_mask & ?) = ?")
            args += [mask, mask]
        if self.pattern:
            # Plain string comparisons rather than LIKE: '%' and '_' in a pattern match literally.
            if self.search_pattern == CONTAINS:
                clauses.append("instr(msisdn, ?) > 0")
                args.append(self.pattern)
            elif self.search_pattern == ENDS_WITH:
                clauses.append("substr(msisdn, -?) = ?")
                args += [len(self.pattern), self.pattern]
            else:
                clauses.append("substr(msisdn, 1, ?) = ?")
                args += [len(self.pattern), self.pattern]
        if self.application_id is not None:
            clauses.append(_LINKED_TO)
            args += [self.application_id] * _LINKED_TO.count("?")
        if self.has_application is not None:
            clauses.append(_LINKED if self.has_application else f"NOT {_LINKED}")
        return clauses, args


# Where a number's application can be named: `app_id`, or (deprecated) a messages or voice
# callback of type `app` whose value is the application ID. Stored settings never hold "".
_APPLICATION_SLOTS = (
    ("$.app_id", None),
    ("$.messagesCallbackValue", "$.messagesCallbackType"),
    ("$.voiceCallbackValue", "$.voiceCallbackType"),
)


def _slot(value_path: str, type_path: str | None, test: str) -> str:
    value = f"json_extract(settings, '{value_path}') {test}"
    if type_path is None:
        return value
    # IS, not =: a missing type must give false, not NULL, or NOT (...) would drop the row.
    return f"(json_extract(settings, '{type_path}') IS 'app' AND {value})"


_LINKED = "(" + " OR ".join(_slot(v, t, "IS NOT NULL") for v, t in _APPLICATION_SLOTS) + ")"
_LINKED_TO = "(" + " OR ".join(_slot(v, t, "= ?") for v, t in _APPLICATION_SLOTS) + ")"
