from __future__ import annotations

import logging

from numbers_mock.core.redaction import CredentialFilter, install_credential_filter, redact_query


def test_redact_query() -> None:
    assert redact_query("/number/search") == "/number/search"
    assert redact_query("/number/search?country=GB") == "/number/search?country=GB"
    redacted = redact_query("/account/numbers?api_key=k1&api_secret=s3cr3t&size=5")
    assert "s3cr3t" not in redacted and "k1" not in redacted
    assert redacted.endswith("size=5")


def test_percent_encoded_names_are_redacted_too() -> None:
    assert "s3cr3t" not in redact_query("/account/numbers?api%5Fsecret=s3cr3t")


def test_filter_rewrites_uvicorn_access_records() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/account/numbers?api_secret=s3cr3t", "1.1", 200),
        None,
    )
    assert CredentialFilter().filter(record)
    assert "s3cr3t" not in record.getMessage()
    assert "/account/numbers?api_secret=REDACTED" in record.getMessage()


def test_install_is_idempotent() -> None:
    logger = logging.getLogger("numbers_mock.test.access")
    install_credential_filter(logger.name)
    install_credential_filter(logger.name)
    assert sum(isinstance(f, CredentialFilter) for f in logger.filters) == 1
