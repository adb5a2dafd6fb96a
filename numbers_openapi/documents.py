"""Reading and writing API documents and overlays: the one place that knows their file formats.

JSON and YAML are both read by suffix (`.json`, `.yaml`, `.yml`), so a YAML document or overlay
needs no change anywhere else. Documents handed to openapi-python-client are written as JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

YAML_SUFFIXES = frozenset({".yaml", ".yml"})
# The keys of a path item that are operations (OpenAPI 3.0 "Path Item Object"); the other keys
# (`parameters`, `servers`, `summary`, ...) are not.
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


class DocumentError(ValueError):
    """A document or overlay file that cannot be read as a JSON object."""


def load_document(path: Path) -> dict[str, Any]:
    """The JSON or YAML object in `path` (by its suffix), or DocumentError saying what is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DocumentError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        loaded: Any = yaml.safe_load(text) if path.suffix in YAML_SUFFIXES else json.loads(text)
    except (yaml.YAMLError, ValueError) as error:
        raise DocumentError(f"{path} is not valid {_format(path)}: {error}") from None
    if not isinstance(loaded, dict):
        raise DocumentError(f"{path} does not hold an object at its top level")
    return loaded


def write_json_document(document: dict[str, Any], path: Path) -> None:
    """Write `document` as indented JSON (what the generator reads), keys in their given order."""
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _format(path: Path) -> str:
    return "YAML" if path.suffix in YAML_SUFFIXES else "JSON"
