"""Form-encoded bodies, however a transport holds them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs


def parse_form(body: Any) -> dict[str, list[str]]:
    """Fields of a form-encoded body (bytes, text or a mapping); {} for anything else."""
    if isinstance(body, Mapping):
        return {
            str(key): [str(item) for item in value] if isinstance(value, list) else [str(value)]
            for key, value in body.items()
        }
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    if isinstance(body, str):
        return parse_qs(body, keep_blank_values=True)
    return {}
