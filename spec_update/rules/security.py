"""Rules for authentication: which ways of authenticating each operation accepts.

An operation accepts any one of its security requirements (alternatives); a requirement needs all
of its schemes, each with its scopes. Schemes are compared by what they are (HTTP basic, an API key
in the query parameter `api_key`, an OAuth2 flow at a token URL, ...), not by their names in the
document. An old alternative whose credentials still satisfy a new one (fewer scopes, fewer
schemes, no authentication at all) is a relaxation, not a removal: old clients send more than is
needed, which is accepted.
"""

from __future__ import annotations

from typing import Any

from spec_update.changes import Change, Location
from spec_update.doc_keys import strip_docs
from spec_update.rules.common import Context, show
from spec_update.rules.operations import Operation
from spec_update.view import View

# One scheme of a requirement: what it is, and the scopes it needs.
Need = tuple[str, frozenset[str]]
Alternative = frozenset[Need]


def diff_security(ctx: Context, pairs: list[tuple[Operation, Operation]]) -> list[Change]:
    changes: list[Change] = []
    for before, after in pairs:
        old_alternatives = alternatives(ctx.old, before)
        new_alternatives = alternatives(ctx.new, after)
        if old_alternatives == new_alternatives:
            continue
        at = Location(after.label, section="security")
        paired: set[Alternative] = set()
        for old in sorted(old_alternatives - new_alternatives, key=_show):
            relaxed = [new for new in new_alternatives if satisfies(old, new)]
            wider = [new for new in new_alternatives - old_alternatives if _more_scopes(old, new)]
            if relaxed:
                target = min(relaxed, key=_show)
                paired.add(target)
                what = f"{_show(old)} no longer needed in full: {_show(target)} is enough"
                changes.append(ctx.change("security-requirement-relaxed", at, what))
            elif wider:
                target = min(wider, key=_show)
                paired.add(target)
                what = f"{_show(old)} now needs {_show(target)}"
                changes.append(ctx.change("security-scope-added", at, what))
            else:
                what = f"authentication no longer accepted: {_show(old)}"
                changes.append(ctx.change("security-requirement-removed", at, what))
        for new in sorted(new_alternatives - old_alternatives - paired, key=_show):
            what = f"authentication now accepted: {_show(new)}"
            changes.append(ctx.change("security-requirement-added", at, what))
    return changes


def alternatives(view: View, operation: Operation) -> set[Alternative]:
    if "security" in operation.spec and operation.spec["security"] is not None:
        requirements = view.sequence(operation.spec["security"])
    else:
        requirements = view.sequence(view.data.get("security"))
    if not requirements:
        return {frozenset()}
    schemes = view.mapping(view.mapping(view.data.get("components")).get("securitySchemes"))
    found: set[Alternative] = set()
    for requirement in requirements:
        if not isinstance(requirement, dict):
            continue
        found.add(
            frozenset(
                (
                    _scheme(view.mapping(schemes.get(name)) if name in schemes else None, name),
                    frozenset(str(scope) for scope in view.sequence(scopes)),
                )
                for name, scopes in requirement.items()
            )
        )
    return found or {frozenset()}


def satisfies(old: Alternative, new: Alternative) -> bool:
    """Whether credentials that satisfy `old` also satisfy `new`."""
    return all(any(kind == have and scopes <= given for have, given in old) for kind, scopes in new)


def _more_scopes(old: Alternative, new: Alternative) -> bool:
    """The same schemes, each needing at least the old scopes."""
    old_kinds = {kind for kind, _ in old}
    return old_kinds == {kind for kind, _ in new} and satisfies(new, old)


def _scheme(definition: dict[str, Any] | None, name: str) -> str:
    if definition is None:
        return f"undefined scheme `{name}`"
    kind = definition.get("type")
    if kind == "http":
        return f"HTTP {str(definition.get('scheme', '')).lower()}"
    if kind == "apiKey":
        return f"API key in {definition.get('in')} `{definition.get('name')}`"
    if kind == "oauth2":
        flows = definition.get("flows")
        urls = {
            flow: {key: value for key, value in body.items() if str(key).endswith("Url")}
            for flow, body in (flows.items() if isinstance(flows, dict) else [])
            if isinstance(body, dict)
        }
        return f"OAuth2 {show(urls)}"
    if kind == "openIdConnect":
        return f"OpenID Connect {definition.get('openIdConnectUrl')}"
    return f"{kind} {show(strip_docs(definition))}"


def _show(alternative: Alternative) -> str:
    if not alternative:
        return "no authentication"
    return " + ".join(
        f"{kind} (scopes {', '.join(sorted(scopes))})" if scopes else kind
        for kind, scopes in sorted(alternative, key=lambda need: need[0])
    )
