"""Rules for authentication: which ways of authenticating each operation accepts.

An operation accepts any one of its security requirements (alternatives); a requirement needs all
of its schemes, each with its scopes. Schemes are compared by what they are (HTTP basic, an API key
in the query parameter `api_key`, an OAuth2 flow at a token URL, ...), not by their names in the
document. An old alternative whose credentials still satisfy a new one (fewer scopes, fewer
schemes, no authentication at all) is a relaxation, not a removal: old clients send more than is
needed, which is accepted.

Credentials are compared where they go on the wire: a required query parameter `api_key` and an
API key scheme in query `api_key` put the same thing in the same place, so moving credentials from
parameters into `securitySchemes` (or back) changes neither the authentication nor the parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spec_update.changes import Change, Location
from spec_update.doc_keys import strip_docs
from spec_update.rules.common import Context, is_true, show
from spec_update.rules.operations import Operation, operations_of
from spec_update.rules.parameters import Key, parameters_of
from spec_update.view import View

# One scheme of a requirement: what it is, and the scopes it needs.
Need = tuple[str, frozenset[str]]
Alternative = frozenset[Need]


@dataclass(frozen=True)
class MovedCredentials:
    """Parameters of one operation that carry what a security scheme carries on the other side.

    `into_schemes`: old required parameters now sent by a scheme; `out_of_schemes`: new required
    parameters that a scheme sent before. The parameter rules leave them out; the security rules
    count them as part of every way of authenticating.
    """

    into_schemes: dict[Key, str] = field(default_factory=dict)
    out_of_schemes: dict[Key, str] = field(default_factory=dict)


def moved_credentials(ctx: Context, before: Operation, after: Operation) -> MovedCredentials:
    old_parameters = parameters_of(ctx.old, before.path_item, before.spec)
    new_parameters = parameters_of(ctx.new, after.path_item, after.spec)
    old_keys, new_keys = _key_places(ctx.old, before), _key_places(ctx.new, after)
    return MovedCredentials(
        into_schemes=_credentials(old_parameters, new_parameters, new_keys - old_keys),
        out_of_schemes=_credentials(new_parameters, old_parameters, old_keys - new_keys),
    )


def _credentials(
    mine: dict[Key, Any], theirs: dict[Key, Any], sent_by_schemes: set[Key]
) -> dict[Key, str]:
    """My required parameters, absent on the other side, that its schemes send instead."""
    return {
        key: _api_key(key[0], str(parameter.get("name", key[1])))
        for key, parameter in mine.items()
        if key not in theirs and key in sent_by_schemes and is_true(parameter.get("required"))
    }


def _key_places(view: View, operation: Operation) -> set[Key]:
    """Where the API key schemes of the operation's requirements put their keys."""
    schemes = _schemes(view)
    places: set[Key] = set()
    for requirement in _requirements(view, operation):
        for name in requirement if isinstance(requirement, dict) else ():
            definition = view.mapping(schemes.get(name))
            where, key = definition.get("in"), definition.get("name")
            if definition.get("type") == "apiKey" and isinstance(where, str):
                places.add((where, str(key).lower() if where == "header" else str(key)))
    return places


def diff_security(
    ctx: Context,
    pairs: list[tuple[Operation, Operation]],
    moved: list[MovedCredentials] | None = None,
) -> list[Change]:
    changes: list[Change] = []
    for index, (before, after) in enumerate(pairs):
        carried = moved[index] if moved else MovedCredentials()
        old_alternatives = _with(alternatives(ctx.old, before), carried.into_schemes)
        new_alternatives = _with(alternatives(ctx.new, after), carried.out_of_schemes)
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
                now = " | ".join(sorted(_show(new) for new in new_alternatives))
                what = f"authentication no longer accepted: {_show(old)} (accepted now: {now})"
                changes.append(ctx.change("security-requirement-removed", at, what))
        for new in sorted(new_alternatives - old_alternatives - paired, key=_show):
            what = f"authentication now accepted: {_show(new)}"
            changes.append(ctx.change("security-requirement-added", at, what))
    return changes


def _with(found: set[Alternative], parameters: dict[Key, str]) -> set[Alternative]:
    """Every alternative, also needing the credentials that parameters carry."""
    needs = {(kind, frozenset[str]()) for kind in parameters.values()}
    return {alternative | needs for alternative in found} if needs else found


def _requirements(view: View, operation: Operation) -> list[Any]:
    if "security" in operation.spec and operation.spec["security"] is not None:
        return view.sequence(operation.spec["security"])
    return view.sequence(view.data.get("security"))


def _schemes(view: View) -> dict[str, Any]:
    return view.mapping(view.mapping(view.data.get("components")).get("securitySchemes"))


def alternatives(view: View, operation: Operation) -> set[Alternative]:
    requirements = _requirements(view, operation)
    if not requirements:
        return {frozenset()}
    schemes = _schemes(view)
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
        return _api_key(str(definition.get("in")), str(definition.get("name")))
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


def _api_key(where: str, name: str) -> str:
    """An API key as the wire sees it (header names are compared without regard to case)."""
    return f"API key in {where} `{name.lower() if where == 'header' else name}`"


def _show(alternative: Alternative) -> str:
    if not alternative:
        return "no authentication"
    return " + ".join(
        f"{kind} (scopes {', '.join(sorted(scopes))})" if scopes else kind
        for kind, scopes in sorted(alternative, key=lambda need: need[0])
    )


def ways_to_authenticate(view: View) -> list[str]:
    """Every way of authenticating some operation of the document accepts, as the wire sees it."""
    found = {
        alternative
        for operation in operations_of(view).values()
        for alternative in alternatives(view, operation)
    }
    return sorted(describe(alternative) for alternative in found)


def describe(alternative: Alternative) -> str:
    """`HTTP basic`, `API key in query `api_key` + API key in query `api_secret``, ..."""
    return _show(alternative)
