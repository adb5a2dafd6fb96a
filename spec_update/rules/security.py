"""Rules for authentication: which ways of authenticating each operation accepts.

An operation accepts any one of its security requirements (alternatives); a requirement needs all
of its schemes. Schemes are compared by what they are (HTTP basic, API key in a query parameter
named api_key, ...), not by their names in the document.
"""

from __future__ import annotations

from typing import Any

from spec_update.changes import A, B, C, Change, Impacts
from spec_update.rules.common import show, strip_docs
from spec_update.rules.operations import Operation

Alternative = tuple[str, ...]


def diff_security(
    old_document: dict[str, Any],
    new_document: dict[str, Any],
    pairs: list[tuple[Operation, Operation]],
) -> list[Change]:
    """Accepted authentication removed or added, once for all operations when they agree."""
    where_by_change: dict[tuple[str, Impacts], list[str]] = {}
    for before, after in pairs:
        old_alternatives = _alternatives(old_document, before)
        new_alternatives = _alternatives(new_document, after)
        for alternative in sorted(old_alternatives - new_alternatives):
            what = f"authentication no longer accepted: {_show(alternative)}"
            where_by_change.setdefault((what, (B, C)), []).append(before.label)
        for alternative in sorted(new_alternatives - old_alternatives):
            # Clients gain a way to authenticate; old servers do not accept it.
            what = f"authentication now accepted: {_show(alternative)}"
            where_by_change.setdefault((what, (A, B)), []).append(before.label)
    changes = []
    for (what, impacts), labels in where_by_change.items():
        where = "all operations" if len(labels) == len(pairs) else ", ".join(labels)
        changes.append(Change.of(where, what, impacts))
    return changes


def _alternatives(document: dict[str, Any], operation: Operation) -> set[Alternative]:
    requirements = operation.spec.get("security", document.get("security", []))
    if not requirements:
        return {()}
    schemes: dict[str, Any] = document.get("components", {}).get("securitySchemes", {})
    return {
        tuple(sorted(_scheme(schemes.get(name), name, scopes) for name, scopes in item.items()))
        for item in requirements
    }


def _scheme(definition: dict[str, Any] | None, name: str, scopes: list[str]) -> str:
    kind = definition.get("type") if definition is not None else None
    if definition is None:
        text = f"undefined scheme `{name}`"
    elif kind == "http":
        text = f"HTTP {definition.get('scheme', '')}"
    elif kind == "apiKey":
        text = f"API key in {definition.get('in')} `{definition.get('name')}`"
    else:
        text = f"{kind} {show(strip_docs(definition))}"
    return f"{text} (scopes {', '.join(sorted(scopes))})" if scopes else text


def _show(alternative: Alternative) -> str:
    return " + ".join(alternative) if alternative else "no authentication"
