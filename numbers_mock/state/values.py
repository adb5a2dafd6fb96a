"""What a stored value may be: a country the service knows, a webhook URL.

The same rules hold for what a request sends (`http/checks.py`) and for what an inventory file
seeds (`seeding.py`): written once, here, beside the state they keep valid.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from iso3166 import countries_by_alpha2

__all__ = ["ISO_COUNTRIES", "URL_FIELDS", "is_webhook_url"]

# Update fields that name a webhook: the owned-number schema gives `moHttpUrl` `format: url`, and
# `voiceStatusCallback` is "a webhook URI". The document's update body gives neither a format.
URL_FIELDS = ("moHttpUrl", "voiceStatusCallback")
_MAX_URL_LENGTH = 2048


def _user_assigned(code: str) -> bool:
    # ISO 3166-1 leaves AA, QM-QZ, XA-XZ and ZZ to its users; lists carry some (XK, Kosovo).
    return code == "AA" or code == "ZZ" or code[0] == "X" or (code[0] == "Q" and code[1] >= "M")


# Assigned codes only, from a maintained list (the iso3166 package), not phonenumbers' regions:
# those lack AQ, BV, HM, ... and add AC, TA, XK.
ISO_COUNTRIES = frozenset(code for code in countries_by_alpha2 if not _user_assigned(code))


def is_webhook_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host, in printable ASCII without spaces."""
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
