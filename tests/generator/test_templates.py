"""Template overrides differ from openapi-python-client's defaults only where they mean to."""

from __future__ import annotations

import difflib
from pathlib import Path

import openapi_python_client
import pytest

from generator.paths import TEMPLATES_DIR

DEFAULT_TEMPLATES = Path(openapi_python_client.__file__).parent / "templates"

# For each override, the fragments every removed and every added line must contain one of.
INTENDED_CHANGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "types.py.jinja": (
        ("status_code: HTTPStatus", "__all__"),
        ("status_code", "HTTPStatus", "try:", "except ValueError", "return code", '"""', "__all__"),
    ),
    "endpoint_module.py.jinja": (
        ("HTTPStatus(response.status_code)", "from ...types import"),
        ("status_from_code",),
    ),
    "client.py.jinja": (
        ("token", "prefix", "auth_header_name", "custom_constructor", "headers=self._headers"),
        ("api_key", "api_secret", "auth", '"Accept": "application/json"', "endif"),
    ),
    "README.md.jinja": (
        ("api.example.com", "token=", "my_data_model", "MyDataModel", "tag", "from {{"),
        (
            "rest.nexmo.com",
            "api_key",
            "get_available_numbers",
            "Response.status_code",
            "otherwise: the API",
            "Accept: application/json",
            "no tags",
        ),
    ),
}


def changed_lines(name: str, sign: str) -> list[str]:
    """The non-blank lines the override removes (`-`) or adds (`+`) relative to the default."""
    default = (DEFAULT_TEMPLATES / name).read_text().splitlines()
    override = (TEMPLATES_DIR / name).read_text().splitlines()
    return [
        line[1:]
        for line in difflib.unified_diff(default, override, lineterm="", n=0)
        if line[:1] == sign and not line.startswith(sign * 3) and line[1:].strip()
    ]


def test_only_the_intended_templates_are_overridden() -> None:
    overridden = {path.name for path in TEMPLATES_DIR.iterdir()}
    assert overridden == set(INTENDED_CHANGES)


@pytest.mark.parametrize("name", sorted(INTENDED_CHANGES))
def test_override_changes_only_intended_lines(name: str) -> None:
    removed_fragments, added_fragments = INTENDED_CHANGES[name]
    removed, added = changed_lines(name, "-"), changed_lines(name, "+")
    assert added, f"{name} adds nothing to the default: drop the override"
    assert [line for line in removed if not any(f in line for f in removed_fragments)] == []
    assert [line for line in added if not any(f in line for f in added_fragments)] == []


def test_endpoint_override_replaces_every_httpstatus_construction() -> None:
    override = (TEMPLATES_DIR / "endpoint_module.py.jinja").read_text()
    assert "HTTPStatus(response.status_code)" not in override
    assert "status_code=status_from_code(response.status_code)" in override
