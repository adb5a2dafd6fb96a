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
        ("HTTPStatus(response.status_code)", "from ...types import", "endpoint.response_type()"),
        (
            "status_from_code",
            # Retries: give-up check, and buys and cancels carry their own policy.
            "raise_if_gave_up",
            "repeat_unsafe",
            "client.retries",
            'kwargs["extensions"]',
            # Bodiless answers (429) parse to None and stay out of the return type.
            "Any",
            "typed_answers",
            "return_string",
            "return None",
            "{#",
            "#}",
            "endpoint.responses",
            # Paging helpers for list operations, in endpoint_paging.py.jinja.
            "paging",
            "query_names",
            "response.prop",
            "property",
            "collections.abc",
            "item_import",
            "{% else %}",
            "{% endif %}",
            "{% endfor %}",
        ),
    ),
    "client.py.jinja": (
        (
            "token",
            "prefix",
            "auth_header_name",
            "custom_constructor",
            "headers=self._headers",
            "**self._httpx_args",
        ),
        (
            "api_key",
            "api_secret",
            "auth",
            '"Accept": "application/json"',
            "endif",
            "retries",
            "retried",
            "Retries",
            "httpx_args",
            "asynchronous=",
            "    ),",
            "            )",
        ),
    ),
    # Nested models imported once at the top, not inside every to_dict/from_dict call.
    "model.py.jinja": (
        ("lazy_import", "TYPE_CHECKING", "loop.first", "{% endif %}", "{% endfor %}"),
        (
            "lazy_import",
            "{#",
            "from_dict call",
            "a model that refers",
            "{% endif %}",
            "{% endfor %}",
        ),
    ),
    "pyproject_uv.toml.jinja": (
        (),
        ("classifiers", "Programming Language", "Typing :: Typed", "]", "httpx-retries"),
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
            '{% include "README_sdk.md.jinja" %}',
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


# Templates of our own, with no default counterpart (included by an override).
NEW_TEMPLATES = frozenset({"endpoint_paging.py.jinja", "README_sdk.md.jinja"})


def test_only_the_intended_templates_are_overridden() -> None:
    overridden = {path.name for path in TEMPLATES_DIR.iterdir()} - NEW_TEMPLATES
    assert overridden == set(INTENDED_CHANGES)


@pytest.mark.parametrize("name", sorted(NEW_TEMPLATES))
def test_new_templates_shadow_no_default(name: str) -> None:
    assert (TEMPLATES_DIR / name).is_file()
    assert not (DEFAULT_TEMPLATES / name).exists()


@pytest.mark.parametrize("name", sorted(INTENDED_CHANGES))
def test_override_changes_only_intended_lines(name: str) -> None:
    removed_fragments, added_fragments = INTENDED_CHANGES[name]
    removed, added = changed_lines(name, "-"), changed_lines(name, "+")
    assert added, f"{name} adds nothing to the default: drop the override"
    assert [line for line in removed if not any(f in line for f in removed_fragments)] == []
    assert [line for line in added if not any(f in line for f in added_fragments)] == []


def test_models_import_nested_models_only_at_the_top() -> None:
    override = (TEMPLATES_DIR / "model.py.jinja").read_text()
    assert "noqa: PLC0415" not in override
    assert "if TYPE_CHECKING:" not in override


def test_endpoint_override_replaces_every_httpstatus_construction() -> None:
    override = (TEMPLATES_DIR / "endpoint_module.py.jinja").read_text()
    assert "HTTPStatus(response.status_code)" not in override
    assert "status_code=status_from_code(response.status_code)" in override
