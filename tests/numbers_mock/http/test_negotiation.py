from __future__ import annotations

import pytest

from numbers_mock.http.negotiation import wants_xml


@pytest.mark.parametrize(
    ("accept", "xml"),
    [
        (None, False),
        ("", False),
        ("*/*", False),
        ("application/json", False),
        ("text/xml", True),
        ("application/xml", True),
        ("TEXT/XML; charset=utf-8", True),
        ("text/*", True),
        ("text/xml, */*", True),
        ("application/json, text/xml", False),
        ("application/json;q=0.5, text/xml", True),
        ("text/xml;q=0.4, application/json;q=0.9", False),
        ("text/xml;q=0, */*", False),
        ("text/html", False),
        ("text/xml;q=nan", False),
        ("text/xml;q=bogus, application/json", False),
        (",,;;,", False),
    ],
)
def test_wants_xml(accept: str | None, xml: bool) -> None:
    assert wants_xml(accept) is xml
