"""Sending the account's credentials where the API document's security schemes say.

`AuthenticatedClient` builds a `Credentials` from its credential arguments, each paired with a
`Sent` (generated from the document's security schemes): HTTP basic (the user name and the
password), or an API key in the query, a header or a cookie. This module is copied into the
generated package by the generator.
"""

from __future__ import annotations

import base64
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Literal

import httpx

__all__ = ["Credentials", "Sent"]

Place = Literal["basic-user", "basic-password", "query", "header", "cookie"]


@dataclass(frozen=True)
class Sent:
    """Where one credential goes: `into` the basic user or password, or the query parameter,
    header or cookie called `name`."""

    into: Place
    name: str = ""


class Credentials(httpx.Auth):
    """An httpx authentication that puts each credential where its `Sent` says, on every request.

    The values are kept out of this object's repr; a parameter, header or cookie the request
    already carries under the same name is replaced, never sent twice.
    """

    def __init__(self, credentials: Sequence[tuple[Sent, str]]) -> None:
        self._credentials = tuple(credentials)

    def __repr__(self) -> str:
        places = ", ".join(f"{sent.into} {sent.name}".strip() for sent, _ in self._credentials)
        return f"Credentials({places})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        user = password = None
        for sent, value in self._credentials:
            if sent.into == "basic-user":
                user = value
            elif sent.into == "basic-password":
                password = value
            elif sent.into == "query":
                request.url = request.url.copy_set_param(sent.name, value)
            elif sent.into == "header":
                request.headers[sent.name] = value
            else:
                _set_cookie(request, sent.name, value)
        if user is not None or password is not None:
            pair = f"{user or ''}:{password or ''}".encode()
            request.headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        yield request


def _set_cookie(request: httpx.Request, name: str, value: str) -> None:
    kept = [
        pair
        for pair in request.headers.get("Cookie", "").split(";")
        if pair.strip() and pair.split("=", 1)[0].strip() != name
    ]
    request.headers["Cookie"] = "; ".join([*(pair.strip() for pair in kept), f"{name}={value}"])
