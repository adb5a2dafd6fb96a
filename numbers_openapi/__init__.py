"""The vendored API document and its provenance, found as package data.

`document` inside this package is a link to the repository's openapi/ folder, which a built wheel
carries as package data; so the mock, the harness and the spec workflow find the document the same
way in a checkout, in an editable install and in an installed wheel: through `importlib.resources`,
never relative to a source tree.

The document is always there as JSON (`numbers-api.json`), which is what the toolkit reads: the
published bytes, or a JSON rendering of a document published as YAML, kept beside it. The
published file's name is in `provenance.json` (`file`), which the spec workflow rewrites when it
vendors a new document.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

__all__ = [
    "ResourceMissingError",
    "document_path",
    "overlay_path",
    "provenance_path",
    "published_path",
]

DOCUMENT_NAME = "numbers-api.json"
PROVENANCE_NAME = "provenance.json"
OVERLAY_NAME = "overlay.yaml"


class ResourceMissingError(FileNotFoundError):
    """A file that should have been installed with the package is not there."""


def provenance_path() -> Path:
    """The vendored document's provenance record (`file`, `title`, `version`, `sha256`, ...)."""
    return _installed(PROVENANCE_NAME)


def overlay_path() -> Path:
    """The overlay (OpenAPI Overlay 1.0): what the real service answers beyond its document."""
    path = Path(str(files(__name__) / OVERLAY_NAME))
    if not path.is_file():
        raise ResourceMissingError(
            f"{OVERLAY_NAME} is missing from the installed package {__name__}"
        )
    return path


def document_path() -> Path:
    """The vendored API document as JSON."""
    return _installed(DOCUMENT_NAME)


def published_path() -> Path:
    """The vendored API document in the format it was published in, as its provenance names it."""
    record = json.loads(provenance_path().read_text(encoding="utf-8"))
    name = record.get("file") if isinstance(record, dict) else None
    if not isinstance(name, str) or not name or "/" in name:
        raise ResourceMissingError(f"{PROVENANCE_NAME} names no document file (`file`)")
    return _installed(name)


def _installed(name: str) -> Path:
    # Every supported install puts the package on the file system, where `files()` is a real path.
    path = Path(str(files(__name__) / "document" / name))
    if not path.is_file():
        raise ResourceMissingError(
            f"{name} is missing from the installed package {__name__} (looked in {path.parent})"
        )
    return path
