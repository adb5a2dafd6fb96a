"""Apply generator/names.yaml: the Python names of what the document leaves unnamed.

openapi-python-client names integer enum members `VALUE_0`, `VALUE_1`, ... unless the schema
carries `x-enum-varnames`, and silently ignores that list when its length differs from the
enum's. A document whose enum gained or lost a value would then bring the `VALUE_n` names back
unseen; this module refuses it instead, naming the file to update.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from numbers_openapi.overlay import OverlayError, apply_overlay, load_overlay

VARNAMES = "x-enum-varnames"


def named_document(document: Mapping[str, Any], names: Path) -> dict[str, Any]:
    """A copy of `document` with the overlay `names` applied, every enum name list checked."""
    named = apply_overlay(document, load_overlay(names))
    for where, schema in _schemas_with_varnames(named, "$"):
        values, varnames = schema.get("enum"), schema[VARNAMES]
        if not isinstance(values, list) or not isinstance(varnames, list):
            raise OverlayError(f"{where}: {VARNAMES} needs an enum to name")
        if len(values) != len(varnames):
            raise OverlayError(
                f"{where}: {names.name} names {len(varnames)} members {varnames} "
                f"but the enum has {len(values)} values {values}: update {names.name}"
            )
    return named


def _schemas_with_varnames(node: Any, where: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    if isinstance(node, Mapping):
        if VARNAMES in node:
            yield where, node
        for key, value in node.items():
            yield from _schemas_with_varnames(value, f"{where}.{key}")
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from _schemas_with_varnames(value, f"{where}[{position}]")
