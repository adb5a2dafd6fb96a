"""numbers_api_client.errors: UnexpectedStatus."""

from __future__ import annotations

from numbers_api_client.errors import UnexpectedStatus


def test_unexpected_status_carries_code_and_content() -> None:
    error = UnexpectedStatus(503, b"<html>down</html>")

    assert error.status_code == 503
    assert error.content == b"<html>down</html>"
    assert "503" in str(error)
    assert "<html>down</html>" in str(error)


def test_undecodable_content_does_not_break_the_message() -> None:
    error = UnexpectedStatus(500, b"\xff\xfe broken")

    assert "500" in str(error)
    assert "broken" in str(error)
