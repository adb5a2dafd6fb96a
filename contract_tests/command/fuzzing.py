"""The fuzzing test's schemathesis schema, built from the run's state when pytest collects it.

`suite/test_operations.py` marks its test function with `FUZZ_MARKER` instead of decorating it
with a schema made at import (which needs the run's seed, credentials and gate before any
fixture exists). The plugin's `pytest_pycollect_makeitem` hands the function here with the run's
state, from `config.stash`; `collect` applies the schema's public `parametrize()` and passes the
result back through pytest's collection hook, where schemathesis makes one item per operation
exactly as for a decorated function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import hypothesis.strategies as st
import pytest
from schemathesis import BaseSchema, HookContext

from contract_tests.account.aiming import aim_owned_list
from contract_tests.run.loading import load_schema
from contract_tests.run.run_state import RunState
from contract_tests.run.schemathesis_types import AnyCase

FUZZ_MARKER = "fuzz_operations"


def fuzzing_schema(state: RunState) -> BaseSchema:
    """The document with the run's seed, credentials, gate, tallies and stock on it."""
    schema = load_schema(
        seed=state.options.seed,
        auth=state.options.auth,
        stats=state.stats,
        stock=state.stock,
        transport=state.schemathesis_transport,
        skipped=state.skipped_checks,
    )

    def aim(context: HookContext, case: AnyCase) -> st.SearchStrategy[AnyCase]:
        return aim_owned_list(state.stock, context, case)

    schema.hook("flatmap_case")(aim)
    return schema


def wants_fuzzing(obj: object) -> bool:
    """A test function marked for fuzzing that schemathesis has not parametrized yet."""
    marks = getattr(obj, "pytestmark", [])
    return (
        callable(obj)
        # `parametrize()` wraps the function, copying its marks: the wrapper is collected as is.
        and getattr(obj, "__wrapped__", None) is None
        and any(getattr(mark, "name", None) == FUZZ_MARKER for mark in marks)
    )


def collect(
    collector: pytest.Collector, name: str, obj: Callable[..., Any], schema: BaseSchema
) -> Any:
    """schemathesis' collector for `obj` parametrized by `schema` (one item per operation)."""
    parametrized = schema.parametrize()(obj)
    return collector.ihook.pytest_pycollect_makeitem(
        collector=collector, name=name, obj=parametrized
    )
