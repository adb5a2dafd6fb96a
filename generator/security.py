"""Which credentials the generated `AuthenticatedClient` takes, and where it sends them.

openapi-python-client's templates never see the document's security schemes, so the generator
reads them here and hands the result to client.py.jinja (see `credentials_template`). One
security requirement applies to every operation (the document's, or each operation's own when
they all agree): its schemes become the client's keyword arguments.

- HTTP basic: `api_key` as the user name and `api_secret` as the password, the account's two
  credentials (only the key appears in the client's repr).
- An API key (`type: apiKey`) in the query, a header or a cookie: one keyword argument per
  scheme, named after the scheme in snake_case (`api_key`, `api_secret` for the schemes of the
  1.0.x documents), sent under the scheme's `name`, never shown in repr.

Any other kind of scheme (bearer, OAuth 2, OpenID Connect) is refused with the scheme's name.
"""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from numbers_openapi.documents import HTTP_METHODS

# Where a credential goes; the same words as the generated package's authentication.Sent.
BASIC_USER, BASIC_PASSWORD = "basic-user", "basic-password"
API_KEY_PLACES = frozenset({"query", "header", "cookie"})
IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")
# The client's own keyword arguments, which no credential may take the name of.
CLIENT_ARGUMENTS = frozenset(
    {
        "base_url",
        "cookies",
        "follow_redirects",
        "headers",
        "httpx_args",
        "raise_on_unexpected_status",
        "retries",
        "timeout",
        "verify_ssl",
    }
)
# A header, query or cookie name (RFC 9110 token characters), safe to write into the template.
WIRE_NAME = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+")


class SecurityError(ValueError):
    """The document's security cannot be turned into the client's credentials."""


@dataclass(frozen=True)
class Credential:
    """One keyword argument of `AuthenticatedClient` and where its value is sent."""

    name: str
    into: str
    wire_name: str = ""
    shown: bool = False

    @property
    def description(self) -> str:
        """The attribute's docstring in the generated client."""
        if self.into == BASIC_USER:
            return "The account's API key, sent as the HTTP basic user name"
        if self.into == BASIC_PASSWORD:
            return "The account's API secret, sent as the HTTP basic password (never shown in repr)"
        place = {"query": "query parameter", "header": "header", "cookie": "cookie"}[self.into]
        return f"Sent as the {place} `{self.wire_name}` (never shown in repr)"


def credentials(document: Mapping[str, Any]) -> tuple[Credential, ...]:
    """The credentials the document's security requirement asks for, in its order."""
    schemes = document.get("components", {}).get("securitySchemes", {}) or {}
    found: list[Credential] = []
    for scheme_name in _requirement(document):
        scheme = schemes.get(scheme_name)
        if not isinstance(scheme, Mapping):
            raise SecurityError(
                f"security scheme {scheme_name!r} is not in components.securitySchemes"
            )
        found.extend(_credentials_of(scheme_name, scheme))
    names = [credential.name for credential in found]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise SecurityError(f"two security schemes give the client the same argument {duplicates}")
    return tuple(found)


def auth_expression(found: tuple[Credential, ...]) -> str:
    """The generated client's `auth=` argument: its credentials, each with where it goes."""
    if not found:
        return ""
    pairs = []
    for credential in found:
        where = (
            [credential.into, credential.wire_name] if credential.wire_name else [credential.into]
        )
        sent = ", ".join(json.dumps(part) for part in where)
        pairs.append(f"(Sent({sent}), self.{credential.name})")
    return f"Credentials(({', '.join(pairs)},))"


def credentials_template(found: tuple[Credential, ...]) -> str:
    """A Jinja template that defines `credentials` (the arguments) and `auth` (the expression
    that sends them) for the client's templates to import."""
    items = ",\n".join(
        "    {"
        + ", ".join(
            f"{json.dumps(key)}: {json.dumps(value)}"
            for key, value in (
                ("name", credential.name),
                ("into", credential.into),
                ("wire_name", credential.wire_name),
                ("shown", credential.shown),
                ("description", credential.description),
            )
        )
        + "}"
        for credential in found
    )
    return (
        "{# Written by generator/security.py from the document's security schemes. #}\n"
        f"{{% set credentials = [\n{items}\n] %}}\n"
        f"{{% set auth = {json.dumps(auth_expression(found))} %}}\n"
    )


def _requirement(document: Mapping[str, Any]) -> tuple[str, ...]:
    """The scheme names of the one requirement all operations share (first alternative)."""
    default = _first_alternative(document.get("security"), "the document")
    seen: dict[tuple[str, ...], str] = {}
    for path, item in (document.get("paths") or {}).items():
        for method, operation in (item or {}).items():
            if method not in HTTP_METHODS or not isinstance(operation, Mapping):
                continue
            label = f"{method.upper()} {path}"
            own = operation.get("security")
            seen.setdefault(default if own is None else _first_alternative(own, label), label)
    if len(seen) > 1:
        described = "; ".join(f"{label}: {list(names) or 'none'}" for names, label in seen.items())
        raise SecurityError(
            f"operations ask for different security requirements ({described}); "
            "the client sends one set of credentials on every request"
        )
    return next(iter(seen), default)


def _first_alternative(security: Any, where: str) -> tuple[str, ...]:
    if security is None or security == []:
        return ()
    if not isinstance(security, list) or not isinstance(security[0], Mapping):
        raise SecurityError(f"{where}: `security` must be a list of requirement objects")
    return tuple(security[0])


def _credentials_of(name: str, scheme: Mapping[str, Any]) -> list[Credential]:
    kind = scheme.get("type")
    if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
        return [
            Credential("api_key", BASIC_USER, shown=True),
            Credential("api_secret", BASIC_PASSWORD),
        ]
    if kind == "apiKey" and scheme.get("in") in API_KEY_PLACES:
        wire_name = scheme.get("name")
        if not isinstance(wire_name, str) or not WIRE_NAME.fullmatch(wire_name):
            raise SecurityError(f"security scheme {name!r} has no usable `name`: {wire_name!r}")
        argument = _snake_case(name)
        if not IDENTIFIER.fullmatch(argument) or keyword.iskeyword(argument):
            raise SecurityError(f"security scheme {name!r} does not make a Python argument name")
        if argument in CLIENT_ARGUMENTS:
            raise SecurityError(
                f"security scheme {name!r} would take the client's own argument {argument!r}"
            )
        return [Credential(argument, str(scheme["in"]), wire_name)]
    described = kind if kind != "http" else f"http {scheme.get('scheme')}"
    raise SecurityError(
        f"security scheme {name!r} ({described}) is not supported: "
        "the client sends HTTP basic credentials or API keys in the query, a header or a cookie"
    )


def _snake_case(name: str) -> str:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^A-Za-z0-9]+", "_", spaced).strip("_").lower()
