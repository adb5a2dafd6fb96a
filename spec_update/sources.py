"""Read the new document's bytes, exactly as given, from a file path or an http(s) URL."""

from __future__ import annotations

import ntpath
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from spec_update.errors import UpdateError

FETCH_TIMEOUT_SECONDS = 30.0


class SourceError(UpdateError):
    """The document could not be read from where it was said to be."""


URL_SCHEMES = ("http", "https")


def is_url(location: str) -> bool:
    return urlsplit(location).scheme in URL_SCHEMES


def recorded_as(location: str) -> str:
    """How a source is recorded in files the update writes: a URL whole, a file by its name only
    (where it was on the machine that ran the update says nothing to a reader of the record)."""
    return location if is_url(location) else ntpath.basename(location) or location


def read_source(location: str, *, timeout: float = FETCH_TIMEOUT_SECONDS) -> bytes:
    """The bytes at `location`; SourceError with a one-line reason when they cannot be had."""
    scheme = urlsplit(location).scheme
    # A one-letter scheme is a Windows drive (`C:\\...`), not a URL.
    if len(scheme) > 1 and scheme not in URL_SCHEMES:
        raise SourceError(
            f"{location}: the URL scheme `{scheme}` is not supported "
            f"(give an {' or '.join(URL_SCHEMES)} URL, or a file path)"
        )
    return _fetch(location, timeout) if is_url(location) else _read_file(Path(location))


def _read_file(path: Path) -> bytes:
    if not path.exists():
        raise SourceError(f"{path}: no such file")
    if path.is_dir():
        raise SourceError(f"{path}: is a directory, not an OpenAPI document")
    try:
        return path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot be read ({error.strerror or error})") from error


def _fetch(url: str, timeout: float) -> bytes:
    try:
        response = httpx.get(url, follow_redirects=True, timeout=timeout)
    except httpx.TimeoutException as error:
        raise SourceError(f"{url}: no answer within {timeout:g} s") from error
    except httpx.HTTPError as error:
        # str() of a connection error is the OS's own reason, e.g. "[Errno 111] Connection refused".
        raise SourceError(
            f"{url}: cannot be fetched ({str(error) or type(error).__name__})"
        ) from error
    if response.status_code != httpx.codes.OK:
        phrase = response.reason_phrase or "unexpected status"
        raise SourceError(f"{url}: answered HTTP {response.status_code} {phrase}")
    return response.content
