"""Keep credentials out of the access log, where uvicorn writes each path with its query."""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl, urlencode

__all__ = ["CredentialFilter", "install_credential_filter", "redact_query"]

SENSITIVE_PARAMETERS = frozenset({"api_key", "api_secret"})
REDACTED = "REDACTED"


def redact_query(path: str) -> str:
    """`path` with the value of every credential parameter of its query string replaced."""
    base, question, query = path.partition("?")
    if not question:
        return path
    pairs = parse_qsl(query, keep_blank_values=True)
    # Names are compared decoded: `api%5Fsecret=...` authenticates just like `api_secret=...`.
    if not any(name in SENSITIVE_PARAMETERS for name, _ in pairs):
        return path
    redacted = [
        (name, REDACTED if name in SENSITIVE_PARAMETERS else value) for name, value in pairs
    ]
    return f"{base}?{urlencode(redacted)}"


class CredentialFilter(logging.Filter):
    """Redacts credentials in uvicorn access records (their third argument is the path)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], redact_query(args[2]), *args[3:])
        return True


def install_credential_filter(logger_name: str = "uvicorn.access") -> None:
    """Add the filter to a logger once (installing it twice is harmless)."""
    logger = logging.getLogger(logger_name)
    if not any(isinstance(existing, CredentialFilter) for existing in logger.filters):
        logger.addFilter(CredentialFilter())
