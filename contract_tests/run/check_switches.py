"""Which checks a run leaves out: `--skip-check ID` (`ID,ID` for several; `run/options.py`) and
`[checks.ID] enabled = false` in schemathesis.toml, for any id of the registry.

Schemathesis' checks and the harness's checks registered with it are switched off in the schema's
configuration; the harness's own rules (the judgement of every answer, the decisive probes) ask the
run's `skipped_checks`. An id the registry does not declare is a usage error naming the nearest.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import pytest
from schemathesis import BaseSchema
from schemathesis.config import SchemathesisConfig

from contract_tests.judging.registry import REGISTRY, Origin

OPTION = "--skip-check"


def unknown_check_line(name: str) -> str:
    nearest = difflib.get_close_matches(name, list(REGISTRY), n=1)
    hint = f"; did you mean {nearest[0]}?" if nearest else ""
    return f"{OPTION}: no check is named {name!r}{hint}"


def named_checks(values: Iterable[str]) -> frozenset[str]:
    """The ids `--skip-check` values name; `pytest.UsageError` (one line) for an unknown one."""
    names = {part.strip() for value in values for part in value.split(",") if part.strip()}
    for name in sorted(names):
        if name not in REGISTRY:
            raise pytest.UsageError(unknown_check_line(name))
    return frozenset(names)


def disabled_in(config: SchemathesisConfig) -> frozenset[str]:
    """The registry's ids that schemathesis.toml switches off (`[checks.ID] enabled = false`)."""
    checks = config.projects.default.checks
    return frozenset(name for name in REGISTRY if not checks.get_by_name(name=name).enabled)


def skipped_checks(config: pytest.Config, schemathesis: SchemathesisConfig) -> frozenset[str]:
    """The ids the command line and schemathesis.toml switch off."""
    value = config.getoption("skip_check", None)
    named = named_checks([value] if isinstance(value, str) else value or [])
    return named | disabled_in(schemathesis)


def skip_in_schema(schema: BaseSchema, skipped: frozenset[str]) -> None:
    """Switch the skipped checks that schemathesis runs off in `schema`'s configuration."""
    run_by_schemathesis = sorted(
        name
        for name in skipped
        if REGISTRY[name].origin in (Origin.SCHEMATHESIS, Origin.HARNESS_CHECK)
    )
    if run_by_schemathesis:
        schema.config.checks.update(excluded_check_names=run_by_schemathesis)
