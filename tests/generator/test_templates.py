"""Template overrides differ from openapi-python-client's by exactly their recorded diffs."""

from __future__ import annotations

import pytest

from generator.paths import TEMPLATES_DIR

from .template_diffs import (
    RECORD_COMMAND,
    RECORDED_DIR,
    UPSTREAM_TEMPLATES,
    overrides,
    own_templates,
    recorded_path,
    unified_diff,
)

# Templates of our own, included by an override; none may shadow an upstream template.
OWN_TEMPLATES = ["endpoint_paging.py.jinja"]


def test_every_override_has_a_recorded_diff_and_every_recording_an_override() -> None:
    recorded = sorted(path.name.removesuffix(".diff") for path in RECORDED_DIR.glob("*.diff"))
    assert recorded == overrides(), f"re-record with `{RECORD_COMMAND}`"


def test_our_own_templates_shadow_no_upstream_template() -> None:
    assert own_templates() == OWN_TEMPLATES
    for name in OWN_TEMPLATES:
        assert not (UPSTREAM_TEMPLATES / name).exists()


@pytest.mark.parametrize("name", overrides())
def test_override_differs_from_upstream_by_exactly_its_recorded_diff(name: str) -> None:
    diff = unified_diff(name)
    assert diff, f"{name} is the upstream template unchanged: delete the override"
    assert diff == recorded_path(name).read_text(encoding="utf-8"), (
        f"{name} or the pinned openapi-python-client changed: review, then `{RECORD_COMMAND}`"
    )


def test_endpoint_override_replaces_every_httpstatus_construction() -> None:
    override = (TEMPLATES_DIR / "endpoint_module.py.jinja").read_text()
    assert "HTTPStatus(response.status_code)" not in override
    assert "status_code=status_from_code(response.status_code)" in override


def test_models_import_nested_models_only_at_the_top() -> None:
    override = (TEMPLATES_DIR / "model.py.jinja").read_text()
    assert "noqa: PLC0415" not in override
    assert "if TYPE_CHECKING:" not in override
