from __future__ import annotations

import pytest

from numbers_mock.state.values import ISO_COUNTRIES, URL_FIELDS, is_webhook_url


def test_iso_countries_are_the_assigned_codes_only() -> None:
    assert {"GB", "US", "AQ", "PN"} <= ISO_COUNTRIES
    # User-assigned (XK, AA, QM, ZZ) and exceptionally reserved codes (AC, TA, UK) are not.
    assert not {"XK", "AA", "QM", "ZZ", "AC", "TA", "UK"} & ISO_COUNTRIES


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("https://example.com/in", True),
        ("http://127.0.0.1:8080/a?b=c", True),
        ("ftp://example.com/", False),
        ("https://", False),
        ("https://example.com:port/", False),
        ("https://ex\u00e4mple.com/", False),
        ("https://example.com/a b", False),
        ("https://example.com/" + "a" * 2048, False),
    ],
)
def test_webhook_urls(url: str, valid: bool) -> None:
    assert is_webhook_url(url) is valid


def test_the_webhook_fields_are_the_documents() -> None:
    assert URL_FIELDS == ("moHttpUrl", "voiceStatusCallback")
