from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from spec_update.sources import SourceError, is_url, read_source, recorded_as

Serve = Callable[[dict[str, tuple[int, bytes]]], str]


def test_a_file_is_read_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(b'{"a": 1}\r\n\xef\xbb\xbf')
    assert read_source(str(path)) == b'{"a": 1}\r\n\xef\xbb\xbf'


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"nope\.json: no such file$"):
        read_source(str(tmp_path / "nope.json"))


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="is a directory"):
        read_source(str(tmp_path))


def test_a_url_is_fetched_byte_for_byte(serve: Serve) -> None:
    base = serve({"/numbers.json": (200, b'{"openapi": "3.0.0"}  \n')})
    assert read_source(f"{base}/numbers.json") == b'{"openapi": "3.0.0"}  \n'


def test_an_error_status_is_reported(serve: Serve) -> None:
    base = serve({})
    with pytest.raises(SourceError, match=r"/missing\.json: answered HTTP 404 Not Found$"):
        read_source(f"{base}/missing.json")


def test_an_unreachable_url_is_reported_in_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens on the port any more: the connection is refused at once.
    with pytest.raises(SourceError, match="cannot be fetched") as raised:
        read_source(f"http://127.0.0.1:{port}/numbers.json", timeout=5)
    assert "\n" not in str(raised.value)


def test_urls_are_told_from_paths() -> None:
    assert is_url("https://example.com/numbers.json")
    assert is_url("http://127.0.0.1:8000/x")
    assert not is_url("openapi/numbers-api.json")
    assert not is_url("C:/specs/numbers.json")
    assert not is_url("file:///tmp/numbers.json")


@pytest.mark.parametrize(
    ("location", "recorded"),
    [
        ("/work/history/numbers-1.0.21.yml", "numbers-1.0.21.yml"),
        ("relative/dir/numbers.json", "numbers.json"),
        ("numbers.json", "numbers.json"),
        ("C:\\Users\\me\\numbers.yaml", "numbers.yaml"),
        (
            "https://example.com/specs/numbers.yml?ref=main",
            "https://example.com/specs/numbers.yml?ref=main",
        ),
    ],
)
def test_a_file_is_recorded_by_its_name_and_a_url_whole(location: str, recorded: str) -> None:
    assert recorded_as(location) == recorded
