"""Find the credentials a request carries: HTTP basic, or the legacy `api_key`/`api_secret` pair."""

from __future__ import annotations

import base64
import binascii
import functools
from collections.abc import Mapping
from urllib.parse import parse_qsl

from numbers_mock.state.accounts import Credentials

__all__ = ["find_credentials", "form_fields"]


def find_credentials(
    headers: Mapping[str, str], query: Mapping[str, str], form: Mapping[str, str]
) -> Credentials | None:
    """The credentials of a request, or None when it carries none that can be read.

    An `Authorization` header, when present, is the only source looked at: a client that sends one
    means it, and falling back to other sources would make a bad header pass unnoticed. Without it,
    the legacy pair is taken from the query string (the service accepts it there on POSTs too), then
    from a form body.
    """
    authorization = headers.get("authorization")
    if authorization is not None:
        return _from_basic(authorization)
    return _from_pair(query) or _from_pair(form)


def form_fields(body: bytes) -> dict[str, str]:
    """A form body's fields, first value winning; empty when the body is not UTF-8 form data."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return {}
    fields: dict[str, str] = {}
    for name, value in parse_qsl(text, keep_blank_values=True):
        fields.setdefault(name, value)
    return fields


# Clients send the same header on every request; decoding it once per distinct value is enough.
@functools.lru_cache(maxsize=256)
def _from_basic(authorization: str) -> Credentials | None:
    scheme, _, encoded = authorization.strip().partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    api_key, colon, api_secret = decoded.partition(":")
    if not colon:
        return None
    return Credentials(api_key, api_secret)


def _from_pair(source: Mapping[str, str]) -> Credentials | None:
    api_key = source.get("api_key")
    api_secret = source.get("api_secret")
    if api_key is None or api_secret is None:
        return None
    return Credentials(api_key, api_secret)
