"""What counts as a URL where the document says `format: url` (`ownednumber.moHttpUrl`)."""

from __future__ import annotations

from urllib.parse import urlsplit

_MAX_URL_LENGTH = 2048


def is_url(value: str) -> bool:
    """`format: url` (`ownednumber.moHttpUrl`): an absolute http(s) URL with a host, printable
    ASCII, no spaces. The service sends a GET to it, so nothing less is a webhook.
    """
    if not value.isascii() or not value.isprintable() or " " in value:
        return False
    if len(value) > _MAX_URL_LENGTH:
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(host)
