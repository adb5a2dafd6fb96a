"""Checks a user switches off: by option or in schemathesis.toml, any id of the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_tests.run.check_switches import disabled_in, named_checks, skip_in_schema
from contract_tests.run.loading import load_config, load_schema


def test_named_checks_are_split_and_checked() -> None:
    assert named_checks(["json_content_type,accept_q_values", "ignored_auth"]) == {
        "json_content_type",
        "accept_q_values",
        "ignored_auth",
    }
    with pytest.raises(pytest.UsageError, match="did you mean json_content_type"):
        named_checks(["json_content_typ"])


def test_schemathesis_toml_switches_off_any_check(tmp_path: Path) -> None:
    config = tmp_path / "schemathesis.toml"
    config.write_text(
        "[checks.json_content_type]\nenabled = false\n[checks.country_any_case]\nenabled = false\n"
    )
    assert disabled_in(load_config(config)) == {"json_content_type", "country_any_case"}
    assert disabled_in(load_config()) == frozenset()


def test_skipped_checks_are_off_in_the_schema() -> None:
    schema = load_schema()
    skip_in_schema(schema, frozenset({"json_content_type", "not_a_server_error", "answers_judged"}))
    checks = schema.config.checks
    assert not checks.get_by_name(name="json_content_type").enabled
    assert not checks.get_by_name(name="not_a_server_error").enabled
    assert checks.get_by_name(name="status_body_complete").enabled
